//! A kept original's schedule items, found again in a draft by their text. A page that plans
//! every change against the same original sends drafts whose unchanged items are the original's
//! byte for byte (`JSON.stringify` of the same data), so those are neither parsed nor read again:
//! the draft reader's answer for that text is taken from here. Reading depends on nothing but the
//! text (the draft reader's issues are not kept), so equal text gives an equal item.
//!
//! The boundary can also name a known item instead of sending its text: a *marked* draft has
//! `#a12` (access item 12 of the known ones) or `#i3` (invoice item 3) where such an item stands in
//! a `schedule_items` list. No JSON text holds a `#` outside a string, so a marked draft is never
//! mistaken for a plain one: read without its known items, it is a syntax error.

use super::draft::{read_access_item, read_draft_reusing, read_invoice_item};
use super::{Issues, Reader};
use crate::json::{parse_watching, ItemWatch, ParseError, Path, Value};
use crate::model::{AccessItemDraft, CommitDraft, InvoiceItemDraft};
use std::ops::Range;
use std::rc::Rc;

/// Bytes of an item's text that key the index of items met out of order (the `id` comes first
/// in what the API sends, so these bytes usually name one item).
const PREFIX: usize = 48;
/// Items with the same first bytes compared at most, so no draft makes the search quadratic.
const MAX_CANDIDATES: usize = 8;

pub struct KnownItems {
    text: Rc<str>,
    /// Per schedule: where each object item is in `text`, and the index by first bytes.
    spans: [Vec<Range<usize>>; 2],
    by_prefix: [Vec<(u64, u32)>; 2],
    access: Vec<AccessItemDraft>,
    invoice: Vec<InvoiceItemDraft>,
}

impl KnownItems {
    /// The items of the commit spelled `text`, as the draft reader reads them.
    pub fn read(text: Rc<str>) -> Result<KnownItems, ParseError> {
        let mut spans = ItemSpans::default();
        let root = parse_watching(&text, &mut spans)?;
        Ok(KnownItems::of(text.clone(), &root, &spans))
    }

    /// The items of `root`, parsed from `text` while `spans` watched.
    pub fn of(text: Rc<str>, root: &Value<'_>, spans: &ItemSpans) -> KnownItems {
        let mut issues = Issues::default();
        let r = &mut Reader::new(&mut issues);
        let mut known = KnownItems {
            text,
            spans: Default::default(),
            by_prefix: Default::default(),
            access: Vec::new(),
            invoice: Vec::new(),
        };
        for (s, key) in ["access_schedule", "invoice_schedule"]
            .into_iter()
            .enumerate()
        {
            let Some(Value::Array(items)) = root.get(key).and_then(|v| v.get("schedule_items"))
            else {
                continue;
            };
            for (item, span) in items.iter().zip(&spans.0[s]) {
                if !matches!(item, Value::Object(_)) {
                    continue;
                }
                if s == 0 {
                    known.access.push(read_access_item(r, item, &Path::Root));
                } else {
                    known.invoice.push(read_invoice_item(r, item, &Path::Root));
                }
                known.spans[s].push(span.clone());
            }
            let bytes = known.text.as_bytes();
            let mut index: Vec<(u64, u32)> = known.spans[s]
                .iter()
                .enumerate()
                .filter_map(|(k, span)| Some((prefix_hash(bytes.get(span.clone())?)?, k as u32)))
                .collect();
            crate::sort::sort(&mut index);
            known.by_prefix[s] = index;
        }
        known
    }

    /// The known item a marker at the start of `rest` names, and the marker's length.
    fn marked(&self, schedule: usize, rest: &[u8]) -> Option<(usize, usize)> {
        let (k, len) = marker(rest)?;
        (k.0 == schedule && k.1 < self.spans[schedule].len()).then_some((k.1, len))
    }

    /// `marked` with every marker replaced by its item's text; `None` if one names nothing.
    pub fn expand(&self, marked: &str) -> Option<String> {
        let b = marked.as_bytes();
        let mut out = String::with_capacity(marked.len() * 2);
        let (mut from, mut i, mut in_string) = (0, 0, false);
        while i < b.len() {
            match b[i] {
                b'\\' if in_string => i += 1,
                b'"' => in_string = !in_string,
                b'#' if !in_string => {
                    let ((schedule, k), len) = marker(&b[i..])?;
                    let span = self.spans[schedule].get(k)?.clone();
                    out.push_str(&marked[from..i]);
                    out.push_str(self.text.get(span)?);
                    i += len;
                    from = i;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        out.push_str(&marked[from..]);
        Some(out)
    }

    /// The known item whose whole text starts `rest`, trying `hint` first.
    fn find(&self, schedule: usize, rest: &[u8], hint: usize) -> Option<usize> {
        let spans = &self.spans[schedule];
        let starts = |k: usize| {
            let span = spans[k].clone();
            crate::json::bytes::starts_with(rest, &self.text.as_bytes()[span])
        };
        if hint < spans.len() && starts(hint) {
            return Some(hint);
        }
        let h = prefix_hash(rest)?;
        let index = &self.by_prefix[schedule];
        let first = index.partition_point(|&(x, _)| x < h);
        index[first..]
            .iter()
            .take(MAX_CANDIDATES)
            .take_while(|&&(x, _)| x == h)
            .map(|&(_, k)| k as usize)
            .find(|&k| starts(k))
    }
}

/// `#a12` / `#i3` at the start of `rest`: ((schedule, item), length).
fn marker(rest: &[u8]) -> Option<((usize, usize), usize)> {
    let schedule = match rest.get(..2)? {
        b"#a" => 0,
        b"#i" => 1,
        _ => return None,
    };
    let digits = rest[2..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let k = std::str::from_utf8(&rest[2..2 + digits])
        .ok()?
        .parse()
        .ok()?;
    Some(((schedule, k), 2 + digits))
}

/// A hash of the first [`PREFIX`] bytes; `None` when there are fewer.
fn prefix_hash(bytes: &[u8]) -> Option<u64> {
    let head = bytes.get(..PREFIX)?;
    Some(head.chunks(8).fold(0u64, |h, chunk| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95)
    }))
}

/// Where each schedule's items are in a text, recorded while it is parsed (to learn an original's).
#[derive(Default)]
pub struct ItemSpans([Vec<Range<usize>>; 2]);

impl ItemWatch for ItemSpans {
    fn restart(&mut self, schedule: usize) {
        self.0[schedule].clear();
    }

    fn known(&mut self, _: usize, _: &str, _: usize) -> Option<usize> {
        None
    }

    fn parsed(&mut self, schedule: usize, at: usize, end: usize) {
        self.0[schedule].push(at..end);
    }
}

/// Finds known items while a draft is parsed: per schedule, for each item in order, the known
/// item it is (`null` stands in for it in the parsed draft), or `None` when it was parsed.
pub struct Reused<'k> {
    known: &'k KnownItems,
    /// Whether markers name items (a marked draft); in plain JSON text they are syntax errors.
    markers: bool,
    found: [Vec<Option<u32>>; 2],
    /// The known item the next one most likely is: most items sit where they were, so one past
    /// the last match, moved on by the items parsed since.
    hint: [usize; 2],
    /// Per schedule, how much longer the text would be with its markers replaced by their items.
    unmarked: [usize; 2],
}

impl<'k> Reused<'k> {
    pub fn new(known: &'k KnownItems) -> Reused<'k> {
        Reused {
            known,
            markers: false,
            found: Default::default(),
            hint: [0; 2],
            unmarked: [0; 2],
        }
    }

    /// For a marked draft: its markers name known items.
    pub fn marked(known: &'k KnownItems) -> Reused<'k> {
        Reused {
            markers: true,
            ..Reused::new(known)
        }
    }

    /// Whether items of this schedule were taken from the known ones.
    pub fn any_in(&self, schedule: usize) -> bool {
        self.found[schedule].iter().any(Option::is_some)
    }

    /// The length the text parsed with these items would have with every marker replaced by its
    /// item's text: the size a marked draft is held to.
    pub fn expanded_len(&self, text_len: usize) -> usize {
        text_len
            .saturating_add(self.unmarked[0])
            .saturating_add(self.unmarked[1])
    }

    /// How many items of this schedule the parser met.
    pub fn count(&self, schedule: usize) -> usize {
        self.found[schedule].len()
    }

    pub fn access(&self, at: usize) -> Option<&'k AccessItemDraft> {
        let k = (*self.found[0].get(at)?)?;
        self.known.access.get(k as usize)
    }

    pub fn invoice(&self, at: usize) -> Option<&'k InvoiceItemDraft> {
        let k = (*self.found[1].get(at)?)?;
        self.known.invoice.get(k as usize)
    }
}

impl ItemWatch for Reused<'_> {
    fn restart(&mut self, schedule: usize) {
        self.found[schedule].clear();
        self.hint[schedule] = 0;
        self.unmarked[schedule] = 0;
    }

    fn known(&mut self, schedule: usize, text: &str, at: usize) -> Option<usize> {
        let rest = text.as_bytes().get(at..)?;
        let marker = self.markers.then(|| self.known.marked(schedule, rest));
        let (k, len) = match marker.flatten() {
            Some((k, len)) => {
                let item = self.known.spans[schedule][k].len();
                self.unmarked[schedule] += item.saturating_sub(len);
                (k, len)
            }
            None => {
                let k = self.known.find(schedule, rest, self.hint[schedule])?;
                (k, self.known.spans[schedule][k].len())
            }
        };
        self.found[schedule].push(Some(k as u32));
        self.hint[schedule] = k + 1;
        Some(len)
    }

    fn parsed(&mut self, schedule: usize, _: usize, _: usize) {
        self.found[schedule].push(None);
        self.hint[schedule] += 1;
    }
}

/// The draft `v` (parsed with `reused` watching) read with the known items; `None` when a list
/// that holds some of them is not read as a list of items (its raw value, kept for the plan,
/// would hold the stand-ins): then the text is to be read again without them.
pub fn read_reusing(v: &Value<'_>, reused: &Reused<'_>) -> Option<CommitDraft> {
    let mut sink = Issues::default();
    let d = read_draft_reusing(&mut Reader::new(&mut sink), v, Some(reused));
    let whole =
        |s: usize, items: Option<usize>| !reused.any_in(s) || items == Some(reused.count(s));
    let access = d
        .access_schedule
        .value()
        .and_then(|a| a.schedule_items.value());
    let invoice = d
        .invoice_schedule
        .value()
        .and_then(|a| a.schedule_items.value());
    (whole(0, access.map(Vec::len)) && whole(1, invoice.map(Vec::len))).then_some(d)
}
