//! What planners return: payloads, issues, changes and previews, as data.

use crate::issue::Issue;
use crate::json::Json;
use crate::model::*;
use crate::origin::{Origin, Origins};
use crate::values::{Decimal, Id, Instant};
use serde::Serialize;
use tsify::Tsify;

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct EditPlan {
    /// `null` when any issue is an error, or when nothing changed.
    #[tsify(type = "EditCommitPayload | null")]
    pub payload: Option<EditCommitPayload>,
    pub issues: Vec<Issue>,
    pub changes: Vec<Change>,
    /// The commit as the server will hold it after the edit; computed from the edit as drafted,
    /// also when there are errors. In `planEdit`'s answer it is computed when first read (an
    /// enumerable accessor that then holds the value), from the arguments as they were planned.
    pub preview: Commit,
}

/// An editing session's answer: the plan without the preview, sized by what changed.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct SessionPlan {
    #[tsify(type = "EditCommitPayload | null")]
    pub payload: Option<EditCommitPayload>,
    pub issues: Vec<Issue>,
    pub changes: Vec<Change>,
    /// Where the payload's schedule elements came from, for the session's answers.
    #[serde(skip)]
    pub origins: Origins,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Updated,
    Removed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct Change {
    /// JSON Pointer into the draft; for a removed item, its schedule's items array.
    pub path: String,
    pub kind: ChangeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "unknown")]
    pub before: Option<Val>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "unknown")]
    pub after: Option<Val>,
    /// For an editing session's answers; not part of the value.
    #[serde(skip)]
    pub origin: Origin,
}

/// A value shown in a change.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Val {
    Decimal(Decimal),
    Instant(Instant),
    Id(Id),
    Text(String),
    Ids(Vec<Id>),
    Texts(Vec<String>),
    Specifiers(Vec<Specifier>),
    // Boxed: a change holds two values, and the lists of changes are copied as they grow.
    Hierarchy(Box<HierarchyConfiguration>),
    RateType(RateType),
    Access(Box<AccessItemView>),
    Invoice(Box<InvoiceItemView>),
    Json(Json),
}

/// An access segment as a change shows it (`id` absent on a new one).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AccessItemView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    pub amount: Decimal,
    pub starting_at: Instant,
    pub ending_before: Instant,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct InvoiceItemView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    pub timestamp: Instant,
    pub amount: Decimal,
    pub quantity: Decimal,
    pub unit_price: Decimal,
}

impl Change {
    /// Stands for a change the caller has already (see `EditState::plan_known`).
    pub fn placeholder(kind: ChangeKind, origin: Origin) -> Change {
        Change {
            path: String::new(),
            kind,
            before: None,
            after: None,
            origin,
        }
    }

    pub fn updated(path: String, before: Option<Val>, after: Option<Val>) -> Change {
        let kind = match (&before, &after) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Removed,
            _ => ChangeKind::Updated,
        };
        Change {
            path,
            kind,
            before,
            after,
            origin: Origin::NONE,
        }
    }
}
