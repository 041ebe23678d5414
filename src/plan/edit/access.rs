//! Access segments: their own rules (R7 range, R8 hour alignment) and their diff.

use super::kind::*;
use crate::issue::IssueCode;
use crate::json::Value;
use crate::model::{AccessAdd, AccessItem, AccessItemDraft, AccessUpdate};
use crate::plan::output::{AccessItemView, Val};
use crate::read::draft::read_access_item;
use crate::read::{Context, Field, Reader};
use crate::values::{Decimal, Id};

pub struct Access;

impl Kind for Access {
    type Draft = AccessItemDraft;
    type Orig = AccessItem;
    type Add = AccessAdd;
    type Update = AccessUpdate;

    const SECTION: &'static str = "access_schedule";
    const ITEMS_PATH: &'static str = "/access_schedule/schedule_items";
    const INDEX: u8 = 0;
    const FIELDS: &'static [&'static str] = &["id", "amount", "starting_at", "ending_before"];

    fn draft_id(d: &AccessItemDraft) -> &Field<Id> {
        &d.id
    }

    fn orig_id(o: &AccessItem) -> Id {
        o.id
    }

    fn from_orig(o: &AccessItem) -> AccessItemDraft {
        AccessItemDraft {
            id: Field::Set(o.id),
            amount: Field::Set(o.amount),
            starting_at: Field::Set(o.starting_at),
            ending_before: Field::Set(o.ending_before),
        }
    }

    fn orig_amount(o: &AccessItem) -> Decimal {
        o.amount
    }

    fn orig_view(o: &AccessItem) -> Val {
        Val::Access(Box::new(AccessItemView {
            id: Some(o.id),
            amount: o.amount,
            starting_at: o.starting_at,
            ending_before: o.ending_before,
        }))
    }

    fn add_view(a: &AccessAdd) -> Val {
        Val::Access(Box::new(AccessItemView {
            id: None,
            amount: a.amount,
            starting_at: a.starting_at,
            ending_before: a.ending_before,
        }))
    }

    fn set_field(d: &mut AccessItemDraft, field: &str, value: &Value<'_>) -> bool {
        let mut sink = crate::issue::Issues::default();
        let mut r = Reader::new(&mut sink);
        let obj = Value::Object(vec![(field.into(), value.clone())]);
        let read = read_access_item(&mut r, &obj, &crate::json::Path::Root);
        match field {
            "id" => d.id = read.id,
            "amount" => d.amount = read.amount,
            "starting_at" => d.starting_at = read.starting_at,
            "ending_before" => d.ending_before = read.ending_before,
            _ => return false,
        }
        true
    }

    fn read_item(v: &Value<'_>) -> AccessItemDraft {
        let mut sink = crate::issue::Issues::default();
        read_access_item(&mut Reader::new(&mut sink), v, &crate::json::Path::Root)
    }

    fn evaluate(
        d: &AccessItemDraft,
        orig: Option<&AccessItem>,
        _cx: &Context,
    ) -> ItemEval<AccessAdd, AccessUpdate> {
        let mut issues = Vec::new();
        if let Field::Invalid(raw) = &d.id {
            invalid_issues(&mut issues, "id", raw, |r, v, p| r.id(v, p).map(|_| ()));
        }
        let id = d.id.value().copied();
        if let (Some(id), None) = (id, orig) {
            issue(
                &mut issues,
                "id",
                IssueCode::UnknownItemId,
                format!("no access segment {id} in the original commit"),
            );
        }
        let (amount, start, end) = match orig {
            Some(o) => (
                keep_or(&mut issues, "amount", &d.amount, o.amount, |r, v, p| {
                    r.amount_as_drafted(v, p)
                }),
                keep_or(
                    &mut issues,
                    "starting_at",
                    &d.starting_at,
                    o.starting_at,
                    |r, v, p| r.instant(v, p),
                ),
                keep_or(
                    &mut issues,
                    "ending_before",
                    &d.ending_before,
                    o.ending_before,
                    |r, v, p| r.instant(v, p),
                ),
            ),
            None => (
                need(&mut issues, "amount", &d.amount, |r, v, p| {
                    r.amount_as_drafted(v, p)
                }),
                need(&mut issues, "starting_at", &d.starting_at, |r, v, p| {
                    r.instant(v, p)
                }),
                need(&mut issues, "ending_before", &d.ending_before, |r, v, p| {
                    r.instant(v, p)
                }),
            ),
        };
        let start_changed = match (orig, start) {
            (Some(o), Some(s)) => s != o.starting_at,
            _ => true,
        };
        let end_changed = match (orig, end) {
            (Some(o), Some(e)) => e != o.ending_before,
            _ => true,
        };
        let amount_changed = match (orig, amount) {
            (Some(o), Some(a)) => a != o.amount,
            _ => true,
        };
        let unknown = id.is_some() && orig.is_none();
        for (field, t, changed) in [
            ("starting_at", start, start_changed),
            ("ending_before", end, end_changed),
        ] {
            if let (Some(t), true, false) = (t, changed, unknown) {
                if !t.is_hour_aligned() {
                    issue(
                        &mut issues,
                        field,
                        IssueCode::AccessNotHourAligned,
                        format!("{t} is not on the hour (UTC)"),
                    );
                }
            }
        }
        if let (Some(s), Some(e), true, false) = (start, end, start_changed || end_changed, unknown)
        {
            if e <= s {
                issue(
                    &mut issues,
                    "ending_before",
                    IssueCode::AccessRangeInvalid,
                    format!("ending_before {e} is not after starting_at {s}"),
                );
            }
        }
        let range = start.zip(end);
        let diff = match (orig, amount, start, end) {
            _ if unknown => Diff::Unchanged,
            (None, Some(amount), Some(starting_at), Some(ending_before)) => {
                Diff::Added(AccessAdd {
                    amount,
                    starting_at,
                    ending_before,
                })
            }
            (Some(o), Some(a), Some(s), Some(e))
                if amount_changed || start_changed || end_changed =>
            {
                let mut changes = Vec::new();
                let mut u = AccessUpdate {
                    id: o.id,
                    amount: None,
                    starting_at: None,
                    ending_before: None,
                };
                if amount_changed {
                    u.amount = Some(a);
                    changes.push(FieldChange {
                        field: "amount",
                        before: Val::Decimal(o.amount),
                        after: Val::Decimal(a),
                    });
                }
                if start_changed {
                    u.starting_at = Some(s);
                    changes.push(FieldChange {
                        field: "starting_at",
                        before: Val::Instant(o.starting_at),
                        after: Val::Instant(s),
                    });
                }
                if end_changed {
                    u.ending_before = Some(e);
                    changes.push(FieldChange {
                        field: "ending_before",
                        before: Val::Instant(o.ending_before),
                        after: Val::Instant(e),
                    });
                }
                Diff::Updated(u, changes)
            }
            _ => Diff::Unchanged,
        };
        ItemEval {
            issues,
            diff,
            amount: if unknown { None } else { amount },
            range: if unknown { None } else { range },
        }
    }
}

impl Access {
    pub fn apply_update(o: &mut AccessItem, u: &AccessUpdate) {
        if let Some(a) = u.amount {
            o.amount = a;
        }
        if let Some(s) = u.starting_at {
            o.starting_at = s;
        }
        if let Some(e) = u.ending_before {
            o.ending_before = e;
        }
    }

    pub fn from_add(id: Id, a: &AccessAdd) -> AccessItem {
        AccessItem {
            id,
            amount: a.amount,
            starting_at: a.starting_at,
            ending_before: a.ending_before,
        }
    }
}
