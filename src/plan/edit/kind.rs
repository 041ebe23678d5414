//! What a schedule's items have in common, so one [`super::schedule::Schedule`] serves both the
//! access and the invoice schedule.

use crate::issue::IssueCode;
use crate::json::{Path, Value};
use crate::plan::output::Val;
use crate::read::{Context, Field, Reader};
use crate::values::{Decimal, Id, Instant};
use serde::Serialize;

/// An issue found on one item, its path relative to the item (`""` for the item itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemIssue {
    pub field: &'static str,
    pub code: IssueCode,
    pub message: String,
}

/// A field that differs from the original, for the list of changes.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: Val,
    pub after: Val,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Diff<A, U> {
    Unchanged,
    Added(A),
    Updated(U, Vec<FieldChange>),
}

/// Everything about one draft item that depends on that item alone (and the original and context).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemEval<A, U> {
    pub issues: Vec<ItemIssue>,
    pub diff: Diff<A, U>,
    /// The amount after the edit, for running totals; `None` when it cannot be read.
    pub amount: Option<Decimal>,
    /// `[starting_at, ending_before)` after the edit (access segments), for the overlap index.
    pub range: Option<(Instant, Instant)>,
}

impl<A, U> ItemEval<A, U> {
    pub fn touched(&self) -> bool {
        !matches!(self.diff, Diff::Unchanged)
    }

    pub fn notable(&self) -> bool {
        self.touched() || !self.issues.is_empty()
    }
}

pub trait Kind: 'static {
    type Draft: Clone + Default + PartialEq + Serialize + std::fmt::Debug;
    type Orig: Copy + PartialEq + std::fmt::Debug;
    type Add: Copy + PartialEq + std::fmt::Debug;
    type Update: Copy + PartialEq + std::fmt::Debug;

    /// `access_schedule` or `invoice_schedule`.
    const SECTION: &'static str;
    /// `/{SECTION}/schedule_items`.
    const ITEMS_PATH: &'static str;
    /// 0 for the access schedule, 1 for the invoice schedule.
    const INDEX: u8;
    /// Field names an editor may set on an item.
    const FIELDS: &'static [&'static str];

    fn draft_id(d: &Self::Draft) -> &Field<Id>;
    fn orig_id(o: &Self::Orig) -> Id;
    fn from_orig(o: &Self::Orig) -> Self::Draft;
    fn evaluate(
        d: &Self::Draft,
        orig: Option<&Self::Orig>,
        cx: &Context,
    ) -> ItemEval<Self::Add, Self::Update>;
    fn orig_amount(o: &Self::Orig) -> Decimal;
    fn orig_view(o: &Self::Orig) -> Val;
    fn add_view(a: &Self::Add) -> Val;
    /// Reads one field of an item from an editor's `set`; `false` when the item has no such field.
    fn set_field(d: &mut Self::Draft, field: &str, value: &Value<'_>) -> bool;
    fn read_item(v: &Value<'_>) -> Self::Draft;
}

/// Re-reads an unreadable field to report why, exactly as the first read did.
pub fn invalid_issues(
    issues: &mut Vec<ItemIssue>,
    field: &'static str,
    raw: &Value<'_>,
    read: impl FnOnce(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<()>,
) {
    let mut found = crate::issue::Issues::default();
    let mut r = Reader::new(&mut found);
    let _ = read(&mut r, raw, &Path::Root);
    for i in found.0 {
        issues.push(ItemIssue {
            field,
            code: i.code,
            message: i.message,
        });
    }
}

/// Takes a field's value, reporting `required` when absent or null and the reason when refused.
/// A refused value `read` still gives (a negative amount) is the value as drafted.
pub fn need<T: Copy>(
    issues: &mut Vec<ItemIssue>,
    field: &'static str,
    f: &Field<T>,
    read: impl FnOnce(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<T>,
) -> Option<T> {
    match f {
        Field::Set(v) => Some(*v),
        Field::Invalid(raw) => {
            let mut drafted = None;
            invalid_issues(issues, field, raw, |r, v, p| {
                drafted = read(r, v, p);
                drafted.map(|_| ())
            });
            drafted
        }
        Field::Absent | Field::Null => {
            issues.push(ItemIssue {
                field,
                code: IssueCode::Required,
                message: format!("{field} is required"),
            });
            None
        }
    }
}

/// Like [`need`], but absent means "keep the original value" (null still means nothing to keep).
/// A refused value that reads as the original's (a negative amount the server holds) is no
/// change, and no issue: the rules judge the edit, not the commit's past.
pub fn keep_or<T: Copy + PartialEq>(
    issues: &mut Vec<ItemIssue>,
    field: &'static str,
    f: &Field<T>,
    original: T,
    read: impl Fn(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<T>,
) -> Option<T> {
    match f {
        Field::Absent => Some(original),
        Field::Invalid(_) if holds_original(f, original, &read) => Some(original),
        _ => need(issues, field, f, read),
    }
}

/// Whether a field holds the original's value: as read, or as a refused value reads.
pub fn holds_original<T: Copy + PartialEq>(
    f: &Field<T>,
    original: T,
    read: &impl Fn(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<T>,
) -> bool {
    match f {
        Field::Set(v) => *v == original,
        Field::Invalid(raw) => read_quietly(raw, read) == Some(original),
        Field::Absent | Field::Null => false,
    }
}

fn read_quietly<T>(
    raw: &Value<'_>,
    read: &impl Fn(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<T>,
) -> Option<T> {
    let mut ignored = crate::issue::Issues::default();
    read(&mut Reader::new(&mut ignored), raw, &Path::Root)
}

pub fn issue(
    issues: &mut Vec<ItemIssue>,
    field: &'static str,
    code: IssueCode,
    message: impl Into<String>,
) {
    issues.push(ItemIssue {
        field,
        code,
        message: message.into(),
    });
}
