//! Which access segments overlap one that starts earlier: `(starting_at, ending_before, order,
//! key)` in start order, and for each flagged key its culprit. `order` follows the draft's order
//! of the items (the schedule keeps it so), so of two segments with the same range the later in
//! the draft is the later here, however the items came to be where they are. A segment is flagged
//! when some segment before it in that order ends after it starts and one of the two was touched
//! by the edit (an overlap the original already had is not reported again). Any earlier segment
//! counts, not only the one just before: a short segment nested in a long one overlaps it. The
//! culprit is the nearest such segment.
//!
//! Cost: building is linear after the sort (two stacks of the segments still open, below). An
//! insert or a removal updates the segments it reaches locally; when that would walk further than
//! [`STEPS`], the culprits are recomputed from the index, which is linear too. No shape of
//! schedule makes a plan or a keystroke quadratic (many short segments nested in a long one made
//! the walk back quadratic before).

use crate::fast_hash::FastSet;
use crate::values::Instant;
use std::collections::BTreeSet;
use std::ops::Bound::{Excluded, Unbounded};

/// `(starting_at, ending_before, order, key)`.
pub type Entry = (Instant, Instant, u32, u32);

/// How many earlier segments one insert or removal may visit, looking for culprits, before the
/// culprits are recomputed from the whole index instead. (Few in the unit tests, so that their
/// random edits take both ways.)
#[cfg(not(test))]
const STEPS: usize = 256;
#[cfg(test)]
const STEPS: usize = 3;

#[derive(Clone, Default)]
pub struct Overlaps {
    index: BTreeSet<Entry>,
    /// The entries of touched segments (their state is fixed while indexed: an item whose touched
    /// state changes is taken out and put back). A segment the edit did not touch is flagged only
    /// for a touched one, so it searches these. Sorted; a `Vec`, as an edit touches few segments.
    touched: Vec<Entry>,
    culprits: Culprits,
    /// The longest segment indexed so far, in nanoseconds: a segment that starts more than this
    /// before another cannot reach it, so a walk back stops there (one or two steps for a
    /// schedule of consecutive segments).
    longest: i128,
}

fn length(s: Instant, e: Instant) -> i128 {
    (e.as_nanos() - s.as_nanos()).max(0)
}

/// The segments seen so far, in start order, that a later segment may still overlap: each ends
/// before every one under it on the stack (a segment that ends no later than a later one is never
/// the nearest culprit again), so the ones that have ended are on top.
#[derive(Default)]
struct Open(Vec<Entry>);

impl Open {
    /// The nearest segment seen that ends after `start` (starts never decrease between calls).
    fn reaching(&mut self, start: Instant) -> Option<Entry> {
        while self.0.last().is_some_and(|top| top.1 <= start) {
            self.0.pop();
        }
        self.0.last().copied()
    }

    fn push(&mut self, entry: Entry) {
        while self.0.last().is_some_and(|top| top.1 <= entry.1) {
            self.0.pop();
        }
        self.0.push(entry);
    }
}

/// Flagged keys, and the entry of each one's culprit by key.
#[derive(Clone, Default)]
struct Culprits {
    flagged: FastSet<u32>,
    by_key: Vec<Option<Entry>>,
}

impl Culprits {
    fn get(&self, key: u32) -> Option<Entry> {
        self.by_key.get(key as usize).copied().flatten()
    }

    fn set(&mut self, key: u32, culprit: Option<Entry>) {
        let at = key as usize;
        if at >= self.by_key.len() {
            if culprit.is_none() {
                return;
            }
            self.by_key.resize(at + 1, None);
        }
        self.by_key[at] = culprit;
        if culprit.is_some() {
            self.flagged.insert(key);
        } else {
            self.flagged.remove(&key);
        }
    }
}

/// The culprit of every entry, given in start order.
fn culprits(entries: &mut dyn Iterator<Item = &Entry>, touched: &dyn Fn(u32) -> bool) -> Culprits {
    let (mut all, mut of_touched) = (Open::default(), Open::default());
    let mut found = Culprits::default();
    for &entry in entries {
        let (s, t) = (entry.0, touched(entry.3));
        let any = all.reaching(s);
        let touched_one = of_touched.reaching(s);
        found.set(entry.3, if t { any } else { touched_one });
        all.push(entry);
        if t {
            of_touched.push(entry);
        }
    }
    found
}

/// The walk ran out of [`STEPS`].
struct Exhausted;

impl Overlaps {
    /// All at once, in one pass over the segments in start order.
    pub fn build(mut entries: Vec<Entry>, touched: &dyn Fn(u32) -> bool) -> Overlaps {
        crate::sort::sort(&mut entries);
        let culprits = culprits(&mut entries.iter(), touched);
        let longest = entries.iter().map(|&(s, e, ..)| length(s, e)).max();
        let touched_entries = entries.iter().filter(|e| touched(e.3)).copied().collect();
        Overlaps {
            index: entries.into_iter().collect(),
            touched: touched_entries,
            culprits,
            longest: longest.unwrap_or(0),
        }
    }

    pub fn flagged(&self) -> impl Iterator<Item = &u32> {
        self.culprits.flagged.iter()
    }

    pub fn flagged_count(&self) -> usize {
        self.culprits.flagged.len()
    }

    /// The nearest earlier segment that the segment of `key` is reported as overlapping.
    pub fn culprit(&self, key: u32) -> Option<u32> {
        self.culprits.get(key).map(|c| c.3)
    }

    pub fn insert(&mut self, entry: Entry, touched: &dyn Fn(u32) -> bool) {
        self.index.insert(entry);
        let t = touched(entry.3);
        if t {
            let at = self.touched.partition_point(|x| *x < entry);
            self.touched.insert(at, entry);
        }
        self.longest = self.longest.max(length(entry.0, entry.1));
        let mut steps = STEPS;
        match self.nearest(entry, t, &mut steps) {
            Ok(c) => self.culprits.set(entry.3, c),
            Err(Exhausted) => return self.recompute(touched),
        }
        // A later segment that starts before this one ends: this one is now its nearest culprit,
        // if the touched rule lets it be one and its culprit was earlier than this.
        for l in self.reached_by(entry) {
            if (t || touched(l.3)) && self.culprits.get(l.3).map_or(true, |c| c < entry) {
                self.culprits.set(l.3, Some(entry));
            }
        }
    }

    pub fn remove(&mut self, entry: Entry, touched: &dyn Fn(u32) -> bool) {
        self.index.remove(&entry);
        if let Ok(at) = self.touched.binary_search(&entry) {
            self.touched.remove(at);
        }
        self.culprits.set(entry.3, None);
        // Only the later segments whose culprit this was change.
        let mut steps = STEPS;
        for l in self.reached_by(entry) {
            if self.culprits.get(l.3) != Some(entry) {
                continue;
            }
            match self.nearest(l, touched(l.3), &mut steps) {
                Ok(c) => self.culprits.set(l.3, c),
                Err(Exhausted) => return self.recompute(touched),
            }
        }
    }

    /// The segments after `entry` in start order that start before it ends.
    fn reached_by(&self, entry: Entry) -> Vec<Entry> {
        let later = self.index.range((Excluded(entry), Unbounded));
        later.take_while(|l| l.0 < entry.1).copied().collect()
    }

    fn recompute(&mut self, touched: &dyn Fn(u32) -> bool) {
        self.culprits = culprits(&mut self.index.iter(), touched);
    }

    /// The nearest segment before `entry` in start order that overlaps it, where one of the two
    /// is touched: any segment for a touched one, else only the touched ones. Walks back at most
    /// `steps` segments in all.
    fn nearest(
        &self,
        entry: Entry,
        touched: bool,
        steps: &mut usize,
    ) -> Result<Option<Entry>, Exhausted> {
        // A segment that starts more than the longest one lasts before `entry` cannot reach it.
        let floor = entry.0.as_nanos() - self.longest;
        if touched {
            let earlier = self.index.range(..entry).rev();
            first_reaching(earlier, entry.0, floor, steps)
        } else {
            let before = &self.touched[..self.touched.partition_point(|x| *x < entry)];
            first_reaching(before.iter().rev(), entry.0, floor, steps)
        }
    }
}

/// The first of `earlier` (walking back in start order) that ends after `start`.
fn first_reaching<'a>(
    earlier: impl Iterator<Item = &'a Entry>,
    start: Instant,
    floor: i128,
    steps: &mut usize,
) -> Result<Option<Entry>, Exhausted> {
    for p in earlier.take_while(|p| p.0.as_nanos() >= floor) {
        *steps = steps.checked_sub(1).ok_or(Exhausted)?;
        if p.1 > start {
            return Ok(Some(*p));
        }
    }
    Ok(None)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, by brute force: the nearest earlier entry that ends after it starts, with
    /// one of the two touched.
    fn expected(entries: &[Entry], touched: &dyn Fn(u32) -> bool) -> Vec<(u32, u32)> {
        let mut sorted = entries.to_vec();
        sorted.sort();
        let mut out: Vec<(u32, u32)> = sorted
            .iter()
            .enumerate()
            .filter_map(|(i, x)| {
                let c = sorted[..i]
                    .iter()
                    .rev()
                    .find(|p| p.1 > x.0 && (touched(x.3) || touched(p.3)))?;
                Some((x.3, c.3))
            })
            .collect();
        out.sort();
        out
    }

    fn actual(o: &Overlaps, keys: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = keys.filter_map(|k| Some((k, o.culprit(k)?))).collect();
        out.sort();
        out
    }

    fn at(hour: i64) -> Instant {
        Instant::from_millis(hour * 3_600_000).expect("in range")
    }

    fn entry(k: u32, (s, len): (i64, i64)) -> Entry {
        (at(s), at(s + len), k, k)
    }

    fn segments(n: usize) -> impl Strategy<Value = Vec<(i64, i64)>> {
        prop::collection::vec((0i64..40, 0i64..12), 0..n)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Built at once, then after every insert and removal, the culprits are the definition's.
        #[test]
        fn culprits_follow_the_definition(
            ranges in segments(40),
            touched_keys in prop::collection::vec(any::<bool>(), 40),
            ops in prop::collection::vec((any::<bool>(), 0usize..40, (0i64..40, 0i64..12)), 0..30),
        ) {
            let touched = |k: u32| touched_keys[k as usize % 40];
            let mut live: Vec<Entry> = ranges.iter().enumerate().map(|(k, &r)| entry(k as u32, r)).collect();
            let mut o = Overlaps::build(live.clone(), &touched);
            prop_assert_eq!(actual(&o, live.iter().map(|e| e.3)), expected(&live, &touched));
            let mut next = live.len() as u32;
            for (add, pick, r) in ops {
                if add || live.is_empty() {
                    let e = entry(next, r);
                    next += 1;
                    o.insert(e, &touched);
                    live.push(e);
                } else {
                    let e = live.remove(pick % live.len());
                    o.remove(e, &touched);
                }
                prop_assert_eq!(actual(&o, 0..next), expected(&live, &touched));
            }
        }
    }

    /// Many short segments nested in one long one: past the walk's steps, an insert and a removal
    /// recompute the culprits, and still find the long one for each.
    #[test]
    fn nested_segments_past_the_steps() {
        let n = 3 * STEPS as u32;
        let all = |_: u32| true;
        let long = entry(0, (0, i64::from(n) + 2));
        let short: Vec<Entry> = (1..=n).map(|k| entry(k, (i64::from(k), 1))).collect();
        let mut o = Overlaps::build(short.clone(), &all);
        assert_eq!(o.flagged_count(), 0);
        o.insert(long, &all);
        assert!(short.iter().all(|e| o.culprit(e.3) == Some(0)));
        let extra = entry(n + 1, (i64::from(n) + 1, 1));
        o.insert(extra, &all);
        assert_eq!(o.culprit(n + 1), Some(0));
        o.remove(long, &all);
        assert_eq!(o.flagged_count(), 0);
    }
}
