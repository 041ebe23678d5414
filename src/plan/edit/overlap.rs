//! Which access segments overlap one that starts earlier: `(starting_at, ending_before, order,
//! key)` in start order, and the keys flagged. `order` follows the draft's order of the items (the
//! schedule keeps it so), so of two segments with the same range the later in the draft is the
//! later here, however the items came to be where they are. A segment is flagged when some segment before it in that
//! order ends after it starts and one of the two was touched by the edit (an overlap the original
//! already had is not reported again). Any earlier segment counts, not only the one just before:
//! a short segment nested in a long one overlaps it.

use crate::fast_hash::FastSet;
use crate::values::Instant;
use std::collections::BTreeSet;
use std::ops::Bound::{Excluded, Unbounded};

/// `(starting_at, ending_before, order, key)`.
pub type Entry = (Instant, Instant, u32, u32);

#[derive(Clone, Default)]
pub struct Overlaps {
    index: BTreeSet<Entry>,
    /// The entries of touched segments (their state is fixed while indexed: an item whose touched
    /// state changes is taken out and put back). A segment the edit did not touch is flagged only
    /// for a touched one, so it searches these, not every segment before it: with many segments
    /// overlapping one another, the search would otherwise make each plan quadratic. Sorted; a
    /// `Vec`, as an edit touches few segments.
    touched: Vec<Entry>,
    flags: FastSet<u32>,
    /// The longest segment indexed so far, in nanoseconds: a segment that starts more than this
    /// before another cannot reach it, so the search for overlaps stops there (one or two steps
    /// for a schedule of consecutive segments).
    longest: i128,
}

fn length(s: Instant, e: Instant) -> i128 {
    (e.as_nanos() - s.as_nanos()).max(0)
}

impl Overlaps {
    /// All at once, in one pass over the segments in start order.
    pub fn build(mut entries: Vec<Entry>, touched: &dyn Fn(u32) -> bool) -> Overlaps {
        crate::sort::sort(&mut entries);
        let mut flags = FastSet::default();
        let (mut end, mut touched_end): (Option<Instant>, Option<Instant>) = (None, None);
        let mut longest = 0;
        for &(s, e, _, k) in &entries {
            let t = touched(k);
            if (t && end.is_some_and(|x| x > s)) || touched_end.is_some_and(|x| x > s) {
                flags.insert(k);
            }
            end = end.max(Some(e));
            if t {
                touched_end = touched_end.max(Some(e));
            }
            longest = longest.max(length(s, e));
        }
        // In start order already: `entries` is sorted.
        let touched_entries = entries.iter().filter(|e| touched(e.3)).copied().collect();
        Overlaps {
            index: entries.into_iter().collect(),
            touched: touched_entries,
            flags,
            longest,
        }
    }

    pub fn flags(&self) -> &FastSet<u32> {
        &self.flags
    }

    /// The nearest earlier segment that the segment of `entry` is reported as overlapping.
    pub fn culprit(&self, entry: Entry, touched: &dyn Fn(u32) -> bool) -> Option<u32> {
        if !self.flags.contains(&entry.3) {
            return None;
        }
        self.nearest(entry, touched)
    }

    pub fn insert(&mut self, entry: Entry, touched: &dyn Fn(u32) -> bool) {
        self.index.insert(entry);
        if touched(entry.3) {
            let at = self.touched.partition_point(|t| *t < entry);
            self.touched.insert(at, entry);
        }
        self.longest = self.longest.max(length(entry.0, entry.1));
        self.recheck(entry, touched);
        self.recheck_later(entry, touched);
    }

    pub fn remove(&mut self, entry: Entry, touched: &dyn Fn(u32) -> bool) {
        self.index.remove(&entry);
        if let Ok(at) = self.touched.binary_search(&entry) {
            self.touched.remove(at);
        }
        self.flags.remove(&entry.3);
        self.recheck_later(entry, touched);
    }

    /// The nearest segment before `entry` in start order that overlaps it, where one of the two
    /// is touched: any segment for a touched one, else only the touched ones.
    fn nearest(&self, entry: Entry, touched: &dyn Fn(u32) -> bool) -> Option<u32> {
        let (s, _, _, key) = entry;
        // A segment that starts more than the longest one lasts before `s` cannot reach it.
        let floor = s.as_nanos() - self.longest;
        let reaches = |&&(ps, ..): &&Entry| ps.as_nanos() >= floor;
        let overlaps = |&&(_, pe, _, _): &&Entry| pe > s;
        let found = if touched(key) {
            let mut earlier = self.index.range(..entry).rev().take_while(reaches);
            earlier.find(overlaps)
        } else {
            let before = &self.touched[..self.touched.partition_point(|t| *t < entry)];
            let mut earlier = before.iter().rev().take_while(reaches);
            earlier.find(overlaps)
        };
        found.map(|&(_, _, _, k)| k)
    }

    fn recheck(&mut self, entry: Entry, touched: &dyn Fn(u32) -> bool) {
        let key = entry.3;
        let flagged = self.nearest(entry, touched).is_some();
        if flagged {
            self.flags.insert(key);
        } else {
            self.flags.remove(&key);
        }
    }

    /// The segments after `entry` that start before it ends: whether they overlap an earlier one
    /// may have changed with it.
    fn recheck_later(&mut self, entry: Entry, touched: &dyn Fn(u32) -> bool) {
        let e = entry.1;
        let later: Vec<Entry> = self
            .index
            .range((Excluded(entry), Unbounded))
            .take_while(|(ls, ..)| *ls < e)
            .copied()
            .collect();
        for l in later {
            self.recheck(l, touched);
        }
    }
}
