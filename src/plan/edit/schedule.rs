//! One schedule of a draft, kept so that changing one item costs what that item costs: each item's
//! own result is cached, ids are indexed for duplicates and removals, totals run in decimal, and
//! access segments sit in an ordered index so overlaps are found near them (`overlap.rs`).

use super::kind::{ItemEval, Kind};
use super::overlap::Overlaps;
use crate::fast_hash::{FastMap, FastSet};
use crate::read::Context;
use crate::values::{Decimal, Id};
use std::collections::hash_map::Entry;
use std::rc::Rc;

pub struct Slot<K: Kind> {
    pub key: u32,
    pub draft: K::Draft,
    pub eval: ItemEval<K::Add, K::Update>,
    /// Which evaluation `eval` is: a new number each time an item is evaluated, so an answer can
    /// reuse what it sent for an item whose result is unchanged.
    pub generation: u64,
}

/// Where a key's item stands in the draft; `NOWHERE` once it is removed.
const NOWHERE: u32 = u32::MAX;

pub struct Schedule<K: Kind> {
    /// The original's items and their places by id: shared by every state planned against it.
    pub originals: Rc<Vec<K::Orig>>,
    orig_index: Rc<FastMap<Id, usize>>,
    /// Indexes into `originals` of items whose id an earlier original item has (an invalid
    /// original, reported by the caller): never listed as removed, as no draft item can name them.
    repeated: Rc<Vec<usize>>,
    /// Ids of the original's items that could not be read (each reported as `invalid_original`):
    /// a draft item carrying one is not "unknown" to the original.
    unreadable_ids: Rc<FastSet<Id>>,
    slots: Vec<Slot<K>>,
    /// Position of each key in `slots`, indexed by key (keys are handed out in order).
    pos: Vec<u32>,
    /// Each key's place in the overlap index's order of equal ranges, ascending with the position:
    /// the position itself when items are loaded or one is put between others (then the index is
    /// built again), the next number when one is appended; a removal leaves the others' in order.
    order: Vec<u32>,
    next_order: u32,
    /// Keys of the items carrying each id: one, or several when the draft repeats it.
    id_keys: FastMap<Id, Vec<u32>>,
    dup_ids: FastSet<Id>,
    /// Indexes into `originals` of items no draft item names.
    removed: Unnamed,
    notable: FastSet<u32>,
    total: Option<Decimal>,
    unreadable: usize,
    /// `Some` for access segments.
    overlap: Option<Overlaps>,
    /// The last evaluation's generation.
    generations: u64,
}

/// Which originals no draft item names: a flag per original and their count, so "none" costs
/// nothing and listing them is one pass in the originals' order (a `BTreeSet<usize>` did this with
/// 12 KB of wasm; SIZE.md attempt 5).
struct Unnamed {
    flags: Vec<bool>,
    count: usize,
}

impl Unnamed {
    fn all(n: usize) -> Unnamed {
        Unnamed {
            flags: vec![true; n],
            count: n,
        }
    }

    fn insert(&mut self, i: usize) {
        if !std::mem::replace(&mut self.flags[i], true) {
            self.count += 1;
        }
    }

    fn remove(&mut self, i: &usize) {
        if std::mem::replace(&mut self.flags[*i], false) {
            self.count -= 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        let n = if self.count == 0 { 0 } else { self.flags.len() };
        self.flags[..n]
            .iter()
            .enumerate()
            .filter(|(_, f)| **f)
            .map(|(i, _)| i)
    }
}

impl<K: Kind> Schedule<K> {
    pub fn new(originals: Vec<K::Orig>, track_overlap: bool) -> Schedule<K> {
        let mut orig_index = FastMap::default();
        orig_index.reserve(originals.len());
        let mut repeated = Vec::new();
        for (i, o) in originals.iter().enumerate() {
            // The first item of a repeated id is the one the id names.
            match orig_index.entry(K::orig_id(o)) {
                Entry::Occupied(_) => repeated.push(i),
                Entry::Vacant(v) => {
                    v.insert(i);
                }
            }
        }
        Schedule::with_index(
            Rc::new(originals),
            Rc::new(orig_index),
            Rc::new(repeated),
            Rc::default(),
            track_overlap,
        )
    }

    /// Whether the original repeats an item id.
    pub fn repeats_original_ids(&self) -> bool {
        !self.repeated.is_empty()
    }

    /// [`Schedule::new`], knowing the ids of the original's items that could not be read.
    pub fn with_unreadable(mut self, ids: FastSet<Id>) -> Schedule<K> {
        self.unreadable_ids = Rc::new(ids);
        self
    }

    pub fn is_unreadable_original(&self, id: &Id) -> bool {
        self.unreadable_ids.contains(id)
    }

    fn with_index(
        originals: Rc<Vec<K::Orig>>,
        orig_index: Rc<FastMap<Id, usize>>,
        repeated: Rc<Vec<usize>>,
        unreadable_ids: Rc<FastSet<Id>>,
        track_overlap: bool,
    ) -> Schedule<K> {
        let mut removed = Unnamed::all(originals.len());
        for i in repeated.iter() {
            removed.remove(i);
        }
        Schedule {
            originals,
            orig_index,
            repeated,
            unreadable_ids,
            slots: Vec::new(),
            pos: Vec::new(),
            order: Vec::new(),
            next_order: 0,
            id_keys: FastMap::default(),
            dup_ids: FastSet::default(),
            removed,
            notable: FastSet::default(),
            total: Some(Decimal::ZERO),
            unreadable: 0,
            overlap: track_overlap.then(Overlaps::default),
            generations: 0,
        }
    }

    /// A schedule with the same originals (and their index) and no draft items yet.
    pub fn unloaded(&self) -> Schedule<K> {
        let mut s = Schedule::with_index(
            self.originals.clone(),
            self.orig_index.clone(),
            self.repeated.clone(),
            self.unreadable_ids.clone(),
            self.overlap.is_some(),
        );
        s.generations = self.generations;
        s
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

    /// The originals no draft item names, with their index.
    pub fn removed(&self) -> impl Iterator<Item = (usize, &K::Orig)> {
        self.removed.iter().map(|i| (i, &self.originals[i]))
    }

    /// How many originals the draft removes.
    pub fn removed_count(&self) -> usize {
        self.removed.count
    }

    pub fn touched(&self) -> bool {
        !self.removed.is_empty()
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
        self.pos
            .get(key as usize)
            .filter(|p| **p != NOWHERE)
            .map(|p| *p as usize)
    }

    fn slot(&self, key: u32) -> Option<&Slot<K>> {
        self.position(key).map(|p| &self.slots[p])
    }

    /// Keys worth reporting: items with a diff or issues, duplicates and overlaps, in draft order.
    pub fn reportable(&self) -> Vec<(usize, u32)> {
        let overlap = self.overlap.as_ref();
        let flagged = overlap.map_or(0, Overlaps::flagged_count);
        let mut out = Vec::with_capacity(self.notable.len() + flagged);
        let keys = self
            .notable
            .iter()
            .chain(
                self.dup_ids
                    .iter()
                    .flat_map(|id| self.id_keys.get(id).into_iter().flatten()),
            )
            .chain(overlap.into_iter().flat_map(Overlaps::flagged));
        out.extend(keys.filter_map(|&k| Some((self.position(k)?, k))));
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }

    /// The id of `key`'s item when several items carry it. The first of them in draft order is
    /// not a duplicate: [`Schedule::reportable`] lists them in draft order, so its caller keeps
    /// the ids it has seen (asking every key of the id for its position made 50,000 copies of one
    /// item quadratic: 1.5 s).
    pub fn shared_id(&self, key: u32) -> Option<Id> {
        let id = *K::draft_id(&self.slot(key)?.draft).value()?;
        self.dup_ids.contains(&id).then_some(id)
    }

    /// Whether the edit moved this end (`starting_at`, `ending_before`) of `key`'s segment; both
    /// ends of a segment the original does not have (it was added). Where an overlap is reported.
    pub fn moved(&self, key: u32, end: &str) -> bool {
        let Some(slot) = self.slot(key) else {
            return false;
        };
        let known = K::draft_id(&slot.draft)
            .value()
            .is_some_and(|id| self.orig_index.contains_key(id));
        match &slot.eval.diff {
            _ if !known => true,
            super::kind::Diff::Updated(_, fields) => fields.iter().any(|f| f.field == end),
            _ => false,
        }
    }

    /// The earlier segment that `key`'s segment is reported as overlapping.
    pub fn overlaps(&self, key: u32) -> Option<u32> {
        self.slot(key)?.eval.range?;
        self.overlap.as_ref()?.culprit(key)
    }

    fn next_generation(&mut self) -> u64 {
        self.generations += 1;
        self.generations
    }

    fn evaluate(&self, d: &K::Draft, cx: &Context) -> ItemEval<K::Add, K::Update> {
        let orig = K::draft_id(d)
            .value()
            .and_then(|id| self.orig_index.get(id))
            .map(|&i| &self.originals[i]);
        K::evaluate(d, orig, cx)
    }

    /// Replaces every item (a whole draft, or a paste), building the indexes in one pass.
    pub fn load(&mut self, drafts: Vec<K::Draft>, cx: &Context) {
        let mut fresh = Schedule::with_index(
            self.originals.clone(),
            self.orig_index.clone(),
            self.repeated.clone(),
            self.unreadable_ids.clone(),
            self.overlap.is_some(),
        );
        fresh.generations = self.generations;
        fresh.slots.reserve(drafts.len());
        fresh.pos.reserve(drafts.len());
        fresh.id_keys.reserve(drafts.len());
        for (i, d) in drafts.into_iter().enumerate() {
            let eval = fresh.evaluate(&d, cx);
            let key = i as u32;
            let generation = fresh.next_generation();
            fresh.pos.push(key);
            fresh.order.push(key);
            fresh.slots.push(Slot {
                key,
                draft: d,
                eval,
                generation,
            });
        }
        let mut total = Some(Decimal::ZERO);
        let mut entries = Vec::new();
        for at in 0..fresh.slots.len() {
            let s = &fresh.slots[at];
            let key = s.key;
            let (id, amount, range, notable) = (
                K::draft_id(&s.draft).value().copied(),
                s.eval.amount,
                s.eval.range,
                s.eval.notable(),
            );
            if notable {
                fresh.notable.insert(key);
            }
            match amount {
                Some(a) => total = total.and_then(|t| t.checked_add(a)),
                None => fresh.unreadable += usize::from(fresh.counts_as_unreadable(at)),
            }
            if let Some(id) = id {
                let keys = fresh.id_keys.entry(id).or_default();
                keys.push(key);
                if keys.len() > 1 {
                    fresh.dup_ids.insert(id);
                }
                if let Some(i) = fresh.orig_index.get(&id) {
                    fresh.removed.remove(i);
                }
            }
            if let Some((s, e)) = range {
                entries.push((s, e, key, key));
            }
        }
        fresh.next_order = fresh.slots.len() as u32;
        fresh.total = total;
        if fresh.overlap.is_some() {
            let slots = &fresh.slots;
            let built = Overlaps::build(entries, &|k| slots[k as usize].eval.touched());
            fresh.overlap = Some(built);
        }
        *self = fresh;
    }

    pub fn replace(&mut self, at: usize, draft: K::Draft, cx: &Context) -> Option<K::Draft> {
        let key = self.slots.get(at)?.key;
        let eval = self.evaluate(&draft, cx);
        let old = &self.slots[at];
        if K::draft_id(&old.draft) == K::draft_id(&draft)
            && old.eval.range == eval.range
            && old.eval.touched() == eval.touched()
        {
            return Some(self.replace_in_place(at, draft, eval));
        }
        self.detach(key);
        let generation = self.next_generation();
        let slot = &mut self.slots[at];
        let old = std::mem::replace(&mut slot.draft, draft);
        slot.eval = eval;
        slot.generation = generation;
        self.attach(key);
        Some(old)
    }

    /// A replacement that keeps the item's id, range and touched state (typing an amount): the id
    /// and overlap indexes stay as they are; only notability and the totals move.
    fn replace_in_place(
        &mut self,
        at: usize,
        draft: K::Draft,
        eval: ItemEval<K::Add, K::Update>,
    ) -> K::Draft {
        let key = self.slots[at].key;
        let unreadable = usize::from(self.counts_as_unreadable(at));
        match self.slots[at].eval.amount {
            Some(a) => self.total = self.total.and_then(|t| t.checked_sub(a)),
            None => self.unreadable -= unreadable,
        }
        match eval.amount {
            Some(a) => self.total = self.total.and_then(|t| t.checked_add(a)),
            None => self.unreadable += unreadable,
        }
        if eval.notable() {
            self.notable.insert(key);
        } else {
            self.notable.remove(&key);
        }
        let generation = self.next_generation();
        let slot = &mut self.slots[at];
        slot.eval = eval;
        slot.generation = generation;
        std::mem::replace(&mut slot.draft, draft)
    }

    pub fn insert(&mut self, at: usize, draft: K::Draft, cx: &Context) {
        let at = at.min(self.slots.len());
        let key = self.pos.len() as u32;
        let eval = self.evaluate(&draft, cx);
        let generation = self.next_generation();
        self.slots.insert(
            at,
            Slot {
                key,
                draft,
                eval,
                generation,
            },
        );
        self.pos.push(at as u32);
        self.order.push(self.next_order);
        self.next_order += 1;
        if at + 1 < self.slots.len() {
            self.reindex(at);
            // Placed before others: the overlap index's order of equal ranges follows positions
            // again (an undone removal puts an item back between its old neighbours).
            for (i, s) in self.slots.iter().enumerate() {
                self.order[s.key as usize] = i as u32;
            }
            self.next_order = self.slots.len() as u32;
            self.attach(key);
            self.rebuild_overlaps();
        } else {
            self.attach(key);
        }
    }

    fn rebuild_overlaps(&mut self) {
        if self.overlap.is_none() {
            return;
        }
        let entries = self
            .slots
            .iter()
            .filter_map(|s| {
                let (a, b) = s.eval.range?;
                Some((a, b, self.order[s.key as usize], s.key))
            })
            .collect();
        let (slots, pos) = (&self.slots, &self.pos);
        self.overlap = Some(Overlaps::build(entries, &|k| touched_in(slots, pos, k)));
    }

    pub fn remove(&mut self, at: usize) -> Option<K::Draft> {
        let key = self.slots.get(at)?.key;
        self.detach(key);
        let slot = self.slots.remove(at);
        self.pos[key as usize] = NOWHERE;
        self.reindex(at);
        Some(slot.draft)
    }

    /// Positions from `from` on moved: record them again.
    fn reindex(&mut self, from: usize) {
        for (i, s) in self.slots.iter().enumerate().skip(from) {
            self.pos[s.key as usize] = i as u32;
        }
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
        if let (Some((s, e)), Some(o)) = (range, self.overlap.as_mut()) {
            let (slots, pos) = (&self.slots, &self.pos);
            let entry = (s, e, self.order[key as usize], key);
            o.remove(entry, &|k| touched_in(slots, pos, k));
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
        if let (Some((s, e)), Some(o)) = (range, self.overlap.as_mut()) {
            let (slots, pos) = (&self.slots, &self.pos);
            let entry = (s, e, self.order[key as usize], key);
            o.insert(entry, &|k| touched_in(slots, pos, k));
        }
    }

    /// Items with an unknown id are errors already and do not count towards totals.
    fn counts_as_unreadable(&self, at: usize) -> bool {
        let s = &self.slots[at];
        !matches!(K::draft_id(&s.draft).value(), Some(id) if !self.orig_index.contains_key(id))
    }
}

/// Whether the item of `key` is touched by the edit (added or changed).
fn touched_in<K: Kind>(slots: &[Slot<K>], pos: &[u32], key: u32) -> bool {
    pos.get(key as usize)
        .filter(|p| **p != NOWHERE)
        .is_some_and(|p| slots[*p as usize].eval.touched())
}
