//! One schedule of a draft, kept so that changing one item costs what that item costs: each item's
//! own result is cached, ids are indexed for duplicates and removals, totals run in decimal, and
//! access segments sit in an ordered index so overlaps are found among neighbours.

use super::kind::{Diff, ItemEval, Kind};
use crate::read::Context;
use crate::values::{Decimal, Id, Instant};
use std::collections::{BTreeSet, HashMap, HashSet};

pub struct Slot<K: Kind> {
    pub key: u32,
    pub draft: K::Draft,
    pub eval: ItemEval<K::Add, K::Update>,
}

pub struct Schedule<K: Kind> {
    pub originals: Vec<K::Orig>,
    orig_index: HashMap<Id, usize>,
    slots: Vec<Slot<K>>,
    pos: HashMap<u32, usize>,
    next_key: u32,
    id_keys: HashMap<Id, Vec<u32>>,
    dup_ids: HashSet<Id>,
    /// Indexes into `originals` of items no draft item names.
    removed: BTreeSet<usize>,
    notable: HashSet<u32>,
    total: Option<Decimal>,
    unreadable: usize,
    /// `Some` for access segments: `(starting_at, ending_before, key)` in order, and the keys
    /// whose segment starts before the previous one ends.
    overlap: Option<(BTreeSet<(Instant, Instant, u32)>, HashSet<u32>)>,
}

impl<K: Kind> Schedule<K> {
    pub fn new(originals: Vec<K::Orig>, track_overlap: bool) -> Schedule<K> {
        let orig_index = originals
            .iter()
            .enumerate()
            .map(|(i, o)| (K::orig_id(o), i))
            .collect();
        let removed = (0..originals.len()).collect();
        Schedule {
            originals,
            orig_index,
            slots: Vec::new(),
            pos: HashMap::new(),
            next_key: 0,
            id_keys: HashMap::new(),
            dup_ids: HashSet::new(),
            removed,
            notable: HashSet::new(),
            total: Some(Decimal::ZERO),
            unreadable: 0,
            overlap: track_overlap.then(Default::default),
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn slots(&self) -> &[Slot<K>] {
        &self.slots
    }

    pub fn drafts(&self) -> impl Iterator<Item = &K::Draft> {
        self.slots.iter().map(|s| &s.draft)
    }

    pub fn original(&self, id: Id) -> Option<&K::Orig> {
        self.orig_index.get(&id).map(|&i| &self.originals[i])
    }

    pub fn removed(&self) -> impl Iterator<Item = &K::Orig> {
        self.removed.iter().map(|&i| &self.originals[i])
    }

    pub fn has_removals(&self) -> bool {
        !self.removed.is_empty()
    }

    pub fn touched(&self) -> bool {
        self.has_removals()
            || self
                .notable
                .iter()
                .any(|k| self.slot(*k).is_some_and(|s| s.eval.touched()))
    }

    /// Sum of the amounts after the edit; `None` when one cannot be read or the sum overflows.
    pub fn total(&mut self) -> Option<Decimal> {
        if self.unreadable > 0 {
            return None;
        }
        if self.total.is_none() {
            self.total = self
                .slots
                .iter()
                .try_fold(Decimal::ZERO, |t, s| t.checked_add(s.eval.amount?));
        }
        self.total
    }

    pub fn position(&self, key: u32) -> Option<usize> {
        self.pos.get(&key).copied()
    }

    fn slot(&self, key: u32) -> Option<&Slot<K>> {
        self.position(key).map(|p| &self.slots[p])
    }

    /// Keys worth reporting: items with a diff or issues, duplicates and overlaps, in draft order.
    pub fn reportable(&self) -> Vec<(usize, u32)> {
        let mut keys: HashSet<u32> = self.notable.clone();
        for id in &self.dup_ids {
            keys.extend(self.id_keys.get(id).into_iter().flatten().copied());
        }
        if let Some((_, flags)) = &self.overlap {
            keys.extend(flags.iter().copied());
        }
        let mut out: Vec<(usize, u32)> = keys
            .into_iter()
            .filter_map(|k| Some((self.position(k)?, k)))
            .collect();
        out.sort_unstable();
        out
    }

    /// Every key but the first (in draft order) of an id that several items carry.
    pub fn is_duplicate(&self, key: u32) -> bool {
        let Some(Some(id)) = self
            .slot(key)
            .map(|s| K::draft_id(&s.draft).value().copied())
        else {
            return false;
        };
        if !self.dup_ids.contains(&id) {
            return false;
        }
        let first = self
            .id_keys
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|k| self.position(*k))
            .min();
        first != self.position(key)
    }

    pub fn overlaps(&self, key: u32) -> Option<u32> {
        let (index, flags) = self.overlap.as_ref()?;
        if !flags.contains(&key) {
            return None;
        }
        let (s, e) = self.slot(key)?.eval.range?;
        index.range(..(s, e, key)).next_back().map(|&(_, _, k)| k)
    }

    /// Replaces every item (a whole draft, or a paste).
    pub fn load(&mut self, drafts: Vec<K::Draft>, cx: &Context) {
        *self = Schedule::new(std::mem::take(&mut self.originals), self.overlap.is_some());
        for d in drafts {
            let key = self.next_key;
            self.next_key += 1;
            let eval = K::evaluate(&d, d_orig::<K>(&self.orig_index, &self.originals, &d), cx);
            self.pos.insert(key, self.slots.len());
            self.slots.push(Slot {
                key,
                draft: d,
                eval,
            });
            self.attach(key);
        }
    }

    pub fn replace(&mut self, at: usize, draft: K::Draft, cx: &Context) -> Option<K::Draft> {
        let key = self.slots.get(at)?.key;
        self.detach(key);
        let eval = K::evaluate(
            &draft,
            d_orig::<K>(&self.orig_index, &self.originals, &draft),
            cx,
        );
        let slot = &mut self.slots[at];
        let old = std::mem::replace(&mut slot.draft, draft);
        slot.eval = eval;
        self.attach(key);
        Some(old)
    }

    pub fn insert(&mut self, at: usize, draft: K::Draft, cx: &Context) {
        let at = at.min(self.slots.len());
        let key = self.next_key;
        self.next_key += 1;
        let eval = K::evaluate(
            &draft,
            d_orig::<K>(&self.orig_index, &self.originals, &draft),
            cx,
        );
        self.slots.insert(at, Slot { key, draft, eval });
        if at + 1 == self.slots.len() {
            self.pos.insert(key, at);
        } else {
            self.reindex();
        }
        self.attach(key);
    }

    pub fn remove(&mut self, at: usize) -> Option<K::Draft> {
        let key = self.slots.get(at)?.key;
        self.detach(key);
        let slot = self.slots.remove(at);
        self.reindex();
        // Neighbours' duplicate order may have changed; nothing else depends on positions.
        Some(slot.draft)
    }

    fn reindex(&mut self) {
        self.pos = self
            .slots
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key, i))
            .collect();
    }

    fn detach(&mut self, key: u32) {
        let Some(at) = self.position(key) else { return };
        let (id, amount, range) = {
            let s = &self.slots[at];
            (
                K::draft_id(&s.draft).value().copied(),
                s.eval.amount,
                s.eval.range,
            )
        };
        self.notable.remove(&key);
        match amount {
            Some(a) => self.total = self.total.and_then(|t| t.checked_sub(a)),
            None => self.unreadable -= usize::from(self.counts_as_unreadable(at)),
        }
        if let Some(id) = id {
            if let Some(keys) = self.id_keys.get_mut(&id) {
                keys.retain(|k| *k != key);
                if keys.len() <= 1 {
                    self.dup_ids.remove(&id);
                }
                if keys.is_empty() {
                    self.id_keys.remove(&id);
                    if let Some(&i) = self.orig_index.get(&id) {
                        self.removed.insert(i);
                    }
                }
            }
        }
        if let (Some((s, e)), Some((index, flags))) = (range, self.overlap.as_mut()) {
            let next = index.range((s, e, key)..).nth(1).map(|&(_, _, k)| k);
            index.remove(&(s, e, key));
            flags.remove(&key);
            if let Some(next) = next {
                self.recheck_overlap(next);
            }
        }
    }

    fn attach(&mut self, key: u32) {
        let Some(at) = self.position(key) else { return };
        let (id, amount, range, notable) = {
            let s = &self.slots[at];
            (
                K::draft_id(&s.draft).value().copied(),
                s.eval.amount,
                s.eval.range,
                s.eval.notable(),
            )
        };
        if notable {
            self.notable.insert(key);
        }
        match amount {
            Some(a) => self.total = self.total.and_then(|t| t.checked_add(a)),
            None => self.unreadable += usize::from(self.counts_as_unreadable(at)),
        }
        if let Some(id) = id {
            let keys = self.id_keys.entry(id).or_default();
            keys.push(key);
            if keys.len() > 1 {
                self.dup_ids.insert(id);
            }
            if let Some(i) = self.orig_index.get(&id) {
                self.removed.remove(i);
            }
        }
        if let (Some((s, e)), Some((index, _))) = (range, self.overlap.as_mut()) {
            index.insert((s, e, key));
            let next = index.range((s, e, key)..).nth(1).map(|&(_, _, k)| k);
            self.recheck_overlap(key);
            if let Some(next) = next {
                self.recheck_overlap(next);
            }
        }
    }

    /// Items with an unknown id are errors already and do not count towards totals.
    fn counts_as_unreadable(&self, at: usize) -> bool {
        let s = &self.slots[at];
        !matches!(K::draft_id(&s.draft).value(), Some(id) if !self.orig_index.contains_key(id))
    }

    fn recheck_overlap(&mut self, key: u32) {
        let touched = |k: u32| self.slot(k).is_some_and(|s| s.eval.touched());
        let Some((index, _)) = self.overlap.as_ref() else {
            return;
        };
        let Some((s, e)) = self.slot(key).and_then(|sl| sl.eval.range) else {
            return;
        };
        let flagged = index
            .range(..(s, e, key))
            .next_back()
            .is_some_and(|&(_, pe, pk)| pe > s && (touched(key) || touched(pk)));
        if let Some((_, flags)) = self.overlap.as_mut() {
            if flagged {
                flags.insert(key);
            } else {
                flags.remove(&key);
            }
        }
    }

    pub fn diffs(&self) -> impl Iterator<Item = (usize, &Diff<K::Add, K::Update>)> {
        let mut keys: Vec<(usize, u32)> = self
            .notable
            .iter()
            .filter_map(|k| Some((self.position(*k)?, *k)))
            .collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(move |(p, _)| (p, &self.slots[p].eval.diff))
    }
}

fn d_orig<'o, K: Kind>(
    index: &HashMap<Id, usize>,
    originals: &'o [K::Orig],
    d: &K::Draft,
) -> Option<&'o K::Orig> {
    K::draft_id(d)
        .value()
        .and_then(|id| index.get(id))
        .map(|&i| &originals[i])
}
