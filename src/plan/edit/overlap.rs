//! Which access segments overlap one that starts earlier: `(starting_at, ending_before, key)` in
//! start order, and the keys flagged. A segment is flagged when some segment before it in that
//! order ends after it starts and one of the two was touched by the edit (an overlap the original
//! already had is not reported again). Any earlier segment counts, not only the one just before:
//! a short segment nested in a long one overlaps it.

use crate::fast_hash::FastSet;
use crate::values::Instant;
use std::collections::BTreeSet;
use std::ops::Bound::{Excluded, Unbounded};

type Entry = (Instant, Instant, u32);

#[derive(Clone, Default)]
pub struct Overlaps {
    index: BTreeSet<Entry>,
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
        for &(s, e, k) in &entries {
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
        Overlaps {
            index: entries.into_iter().collect(),
            flags,
            longest,
        }
    }

    pub fn flags(&self) -> &FastSet<u32> {
        &self.flags
    }

    /// The nearest earlier segment that `key`'s segment `[s, e)` is reported as overlapping.
    pub fn culprit(
        &self,
        (s, e): (Instant, Instant),
        key: u32,
        touched: &dyn Fn(u32) -> bool,
    ) -> Option<u32> {
        if !self.flags.contains(&key) {
            return None;
        }
        self.earlier(s, e, key)
            .find(|&&(_, pe, pk)| pe > s && (touched(key) || touched(pk)))
            .map(|&(_, _, k)| k)
    }

    pub fn insert(&mut self, (s, e): (Instant, Instant), key: u32, touched: &dyn Fn(u32) -> bool) {
        self.index.insert((s, e, key));
        self.longest = self.longest.max(length(s, e));
        self.recheck(s, e, key, touched);
        self.recheck_later(s, e, key, touched);
    }

    pub fn remove(&mut self, (s, e): (Instant, Instant), key: u32, touched: &dyn Fn(u32) -> bool) {
        self.index.remove(&(s, e, key));
        self.flags.remove(&key);
        self.recheck_later(s, e, key, touched);
    }

    /// Segments before `(s, e, key)` in start order that can reach `s`, nearest first.
    fn earlier(&self, s: Instant, e: Instant, key: u32) -> impl Iterator<Item = &Entry> {
        let floor = s.as_nanos() - self.longest;
        self.index
            .range(..(s, e, key))
            .rev()
            .take_while(move |(ps, _, _)| ps.as_nanos() >= floor)
    }

    fn recheck(&mut self, s: Instant, e: Instant, key: u32, touched: &dyn Fn(u32) -> bool) {
        let flagged = self
            .earlier(s, e, key)
            .any(|&(_, pe, pk)| pe > s && (touched(key) || touched(pk)));
        if flagged {
            self.flags.insert(key);
        } else {
            self.flags.remove(&key);
        }
    }

    /// The segments after `(s, e, key)` that start before `e`: whether they overlap an earlier
    /// one may have changed with it.
    fn recheck_later(&mut self, s: Instant, e: Instant, key: u32, touched: &dyn Fn(u32) -> bool) {
        let later: Vec<Entry> = self
            .index
            .range((Excluded((s, e, key)), Unbounded))
            .take_while(|(ls, _, _)| *ls < e)
            .copied()
            .collect();
        for (ls, le, lk) in later {
            self.recheck(ls, le, lk, touched);
        }
    }
}
