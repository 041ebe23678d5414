//! A session's answers as text that shares with the previous answer every list element that did
//! not change, so a keystroke costs what it changed, not what the whole plan holds (a plan with a
//! thousand changed items would otherwise be written, decoded and parsed again on every key).
//!
//! The text is one JSON array, parsed with one `JSON.parse`: `[counts, payload, elements…]`.
//! `counts` is the number of elements of each list in this order: access adds, updates and
//! removals, invoice adds, updates and removals, issues, changes. `payload` is the payload with its
//! six schedule lists left empty, `null`, or `0` for "the same as in the previous answer". The
//! elements follow in list order: each is an object, or a number `k` for "element `k` of the
//! previous answer" (every element is an object, so a number is never one). `answer.js` turns it
//! back into a plan object; what answers share is frozen there.

use crate::fast_hash::FastMap;
use crate::json::write::{append, push_digits};
use crate::model::EditCommitPayload;
use crate::origin::Origin;
use crate::plan::output::SessionPlan;
use serde::Serialize;

/// What the previous answer sent: each element's origin and its index among the elements.
#[derive(Default)]
pub struct Answers {
    sent: FastMap<(u64, u32), u32>,
    /// The map before `sent`, emptied and kept so that its memory is reused.
    spare: FastMap<(u64, u32), u32>,
    /// The last answer's length: the next one is usually about as long.
    last_len: usize,
    /// The last payload sent without its schedule lists (most keystrokes leave it as it was;
    /// equal values are written alike, so comparing them spares writing it again).
    last_payload: Option<EditCommitPayload>,
}

struct Elements<'a> {
    out: Vec<u8>,
    sent: &'a FastMap<(u64, u32), u32>,
    now: FastMap<(u64, u32), u32>,
    count: u32,
}

impl Elements<'_> {
    fn element<T: Serialize>(&mut self, value: &T, origin: Origin) {
        self.out.push(b',');
        let index = self.count;
        self.count += 1;
        if let Some(id) = origin.id() {
            self.now.insert(id, index);
            if let Some(&k) = self.sent.get(&id) {
                push_digits(&mut self.out, u64::from(k));
                return;
            }
        }
        let mark = self.out.len();
        if append(&mut self.out, value).is_err() {
            self.out.truncate(mark);
            self.out.extend_from_slice(b"null");
        }
    }

    fn list<T: Serialize>(
        &mut self,
        items: &[T],
        from: &mut impl Iterator<Item = Origin>,
    ) -> usize {
        for item in items {
            self.element(item, from.next().unwrap_or(Origin::NONE));
        }
        items.len()
    }
}

impl Answers {
    /// Whether the last answer sent an element of this origin (the next can refer to it).
    pub fn sent(&self, origin: Origin) -> bool {
        origin.id().is_some_and(|id| self.sent.contains_key(&id))
    }

    /// The answer's text; from now on, answers refer to its elements.
    pub fn write(&mut self, plan: SessionPlan) -> String {
        let SessionPlan {
            mut payload,
            issues,
            changes,
            origins,
        } = plan;
        let mut elems = Elements {
            out: Vec::with_capacity(self.last_len),
            sent: &self.sent,
            now: std::mem::take(&mut self.spare),
            count: 0,
        };
        elems.now.clear();
        elems.now.reserve(self.sent.len().max(8));
        let mut n = [0usize; 8];
        if let Some(p) = payload.as_mut() {
            let from = &mut origins.0.into_iter();
            if let Some(s) = p.access_schedule.as_mut() {
                n[0] = elems.list(&std::mem::take(&mut s.add_schedule_items), from);
                n[1] = elems.list(&std::mem::take(&mut s.update_schedule_items), from);
                n[2] = elems.list(&std::mem::take(&mut s.remove_schedule_items), from);
            }
            if let Some(s) = p.invoice_schedule.as_mut() {
                n[3] = elems.list(&std::mem::take(&mut s.add_schedule_items), from);
                n[4] = elems.list(&std::mem::take(&mut s.update_schedule_items), from);
                n[5] = elems.list(&std::mem::take(&mut s.remove_schedule_items), from);
            }
        }
        for i in &issues {
            elems.element(i, i.origin);
        }
        n[6] = issues.len();
        for c in &changes {
            elems.element(c, c.origin);
        }
        n[7] = changes.len();

        let mut out = Vec::with_capacity(elems.out.len() + 256);
        out.extend_from_slice(b"[[");
        for (i, k) in n.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_digits(&mut out, *k as u64);
        }
        out.extend_from_slice(b"],");
        if payload.is_some() && payload == self.last_payload {
            out.push(b'0');
        } else {
            let mark = out.len();
            if append(&mut out, &payload).is_err() {
                out.truncate(mark);
                out.extend_from_slice(b"null");
            }
            self.last_payload = payload;
        }
        out.extend_from_slice(&elems.out);
        out.push(b']');
        let now = elems.now;
        self.spare = std::mem::replace(&mut self.sent, now);
        self.last_len = out.len();
        String::from_utf8(out).unwrap_or_default()
    }
}
