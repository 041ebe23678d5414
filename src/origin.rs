//! Where an issue, a change or a payload element came from, so an editing session can tell the
//! elements of its answer that did not change since the previous answer from the new ones
//! (`session::answer`). It is not part of the value: two origins always compare equal.

/// A draft item's evaluation (its generation, the part of it, its position), an original that the
/// draft removes, or nothing known (`NONE`: always sent anew).
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin {
    key: u64,
    at: u32,
}

const REMOVED: u64 = 1 << 63;

/// The parts of one item's result. Past the 64th change or issue of one item (no item has that
/// many) a part has no origin and is always sent anew.
#[derive(Clone, Copy)]
pub enum Part {
    Change(usize),
    Issue(usize),
    Element,
}

impl Part {
    fn code(self) -> Option<u64> {
        match self {
            Part::Change(j) => (j < 64).then_some(j as u64),
            Part::Issue(j) => (j < 64).then_some(64 + j as u64),
            Part::Element => Some(128),
        }
    }
}

impl Origin {
    pub const NONE: Origin = Origin { key: 0, at: 0 };

    /// Part of the result of evaluation `generation` (> 0) of an item of schedule `section`,
    /// standing at `at` (paths name the position; payload elements do not, so pass 0).
    pub fn item(generation: u64, section: u8, part: Part, at: usize) -> Origin {
        let Some(code) = part.code() else {
            return Origin::NONE;
        };
        Origin {
            key: (generation << 9 | u64::from(section & 1) << 8 | code) & !REMOVED,
            at: at as u32,
        }
    }

    /// Part of what the removal of original `index` of schedule `section` shows.
    pub fn removed(index: usize, section: u8, part: Part) -> Origin {
        let Some(code) = part.code() else {
            return Origin::NONE;
        };
        Origin {
            key: REMOVED | (index as u64) << 9 | u64::from(section & 1) << 8 | code,
            at: 0,
        }
    }

    /// The identity to look up, `None` for [`Origin::NONE`].
    pub fn id(self) -> Option<(u64, u32)> {
        (self.key != 0).then_some((self.key, self.at))
    }
}

impl PartialEq for Origin {
    fn eq(&self, _: &Origin) -> bool {
        true
    }
}

impl Eq for Origin {}

/// The origins of a plan's payload elements, in the order they are written (access then invoice
/// schedule; adds, updates, removals).
#[derive(Clone, Debug, Default)]
pub struct Origins(pub Vec<Origin>);

impl PartialEq for Origins {
    fn eq(&self, _: &Origins) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_one_evaluation_differ() {
        let ids = [
            Origin::item(1, 0, Part::Change(0), 3).id(),
            Origin::item(1, 0, Part::Change(1), 3).id(),
            Origin::item(1, 0, Part::Issue(0), 3).id(),
            Origin::item(1, 0, Part::Element, 0).id(),
            Origin::item(1, 1, Part::Element, 0).id(),
            Origin::item(1, 0, Part::Change(0), 4).id(),
            Origin::item(2, 0, Part::Change(0), 3).id(),
            Origin::removed(1, 0, Part::Change(0)).id(),
            Origin::removed(1, 0, Part::Element).id(),
        ];
        for (i, a) in ids.iter().enumerate() {
            assert!(a.is_some());
            for b in &ids[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(Origin::NONE.id(), None);
        assert_eq!(Origin::item(1, 0, Part::Issue(64), 3).id(), None);
        assert_eq!(Origin::item(1, 0, Part::Change(70), 3).id(), None);
    }
}
