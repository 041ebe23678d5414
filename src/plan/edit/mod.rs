//! planEdit: an edited commit in, the minimal body for POST /v2/contracts/commits/edit out, with
//! every rule checked. One [`EditState`] serves both the one-shot planner and the editing session,
//! so the two cannot disagree.

pub mod access;
pub mod invoice;
pub mod kind;
pub mod overlap;
pub mod schedule;
pub mod top;

use self::access::Access;
use self::invoice::Invoice;
use self::kind::{Diff, Kind};
use self::schedule::Schedule;
use self::top::{evaluate_top, Frozen};
use crate::fast_hash::FastSet;
use crate::issue::{Issue, IssueCode, Issues, Severity};
use crate::json::{pointer, Path, Value};
use crate::model::*;
use crate::origin::{Origin, Origins, Part};
use crate::plan::apply::apply_as_drafted;
use crate::plan::output::{Change, ChangeKind, EditPlan, SessionPlan};
use crate::read::commit::read_commit;
use crate::read::context::{read_context, Context, ContextUse, InvoiceStatus};
use crate::read::draft::read_draft;
use crate::read::{Field, Reader};
use crate::values::Id;
use std::rc::Rc;

/// Everything a plan says, and the payload also when an error withholds it (for the preview).
pub struct Assembled {
    pub payload: EditCommitPayload,
    pub issues: Vec<Issue>,
    pub changes: Vec<Change>,
    /// An error, or nothing changed: the caller gets no payload.
    pub blocked: bool,
    /// Where the payload's schedule elements came from, in the order they are written.
    pub origins: Origins,
}

/// An original commit read and indexed, before any draft: what every plan against it shares.
pub struct LoadedOriginal {
    commit: Rc<Commit>,
    frozen: Rc<Frozen>,
    /// Problems found reading it.
    issues: Vec<Issue>,
    access: Schedule<Access>,
    invoice: Schedule<Invoice>,
}

impl LoadedOriginal {
    /// A copy for one more state: the commit and the schedules' originals and id indexes are
    /// shared, not copied (they never change once loaded).
    pub fn copy(&self) -> LoadedOriginal {
        LoadedOriginal {
            commit: self.commit.clone(),
            frozen: self.frozen.clone(),
            issues: self.issues.clone(),
            access: self.access.unloaded(),
            invoice: self.invoice.unloaded(),
        }
    }
}

/// The commit after `payload` as drafted, errors included; the payload is built from the
/// original, so it always applies.
pub fn preview_of(original: &Commit, payload: &EditCommitPayload) -> Commit {
    apply_as_drafted(original, payload).unwrap_or_else(|_| original.clone())
}

pub struct EditState {
    pub original: Rc<Commit>,
    frozen: Rc<Frozen>,
    pub cx: Context,
    /// Access segments the original's ledger ties to a FINALIZED invoice (R10).
    locked_segments: FastSet<Id>,
    /// Problems with the original or the context; they do not change while editing.
    fixed_issues: Vec<Issue>,
    /// The draft's own fields; schedule items live in the schedules below.
    top: CommitDraft,
    /// `top` compared with the original, kept until `top` changes (most keystrokes are in items).
    top_edit: Option<top::TopEdit>,
    pub access: Schedule<Access>,
    pub invoice: Schedule<Invoice>,
}

impl EditState {
    /// A state whose draft starts as a copy of the original, as an editor's form does.
    pub fn new(original: &Value<'_>, context: &Value<'_>) -> EditState {
        EditState::with_draft(original, context, EditState::read_draft(original))
    }

    pub fn with_draft(original: &Value<'_>, context: &Value<'_>, draft: CommitDraft) -> EditState {
        EditState::from_loaded(EditState::load_original(original), context, draft)
    }

    /// Reads the original once, for any number of states (see [`LoadedOriginal`]).
    pub fn load_original(original: &Value<'_>) -> LoadedOriginal {
        let mut issues = Issues::default();
        let commit = read_commit(
            &mut Reader::for_original(&mut issues),
            original,
            &Path::Root,
        );
        let access = Schedule::new(commit.access_items().to_vec(), true);
        let invoice = Schedule::new(commit.invoice_items().to_vec(), false);
        for (section, repeats) in [
            ("access_schedule", access.repeats_original_ids()),
            ("invoice_schedule", invoice.repeats_original_ids()),
        ] {
            if repeats {
                report_repeated_ids(original, section, &mut issues);
            }
        }
        let access_ids = || commit.access_items().iter().map(|i| i.id).collect();
        let invoice_ids = || commit.invoice_items().iter().map(|i| i.id).collect();
        let unread_access = unreadable_ids(
            original,
            "access_schedule",
            commit.access_items().len(),
            access_ids,
        );
        let unread_invoice = unreadable_ids(
            original,
            "invoice_schedule",
            commit.invoice_items().len(),
            invoice_ids,
        );
        LoadedOriginal {
            access: access.with_unreadable(unread_access),
            invoice: invoice.with_unreadable(unread_invoice),
            frozen: Rc::new(top::frozen_of(original)),
            commit: Rc::new(commit),
            issues: issues.into_vec(),
        }
    }

    pub fn from_loaded(
        loaded: LoadedOriginal,
        context: &Value<'_>,
        draft: CommitDraft,
    ) -> EditState {
        let mut issues = Issues(loaded.issues);
        let cx = read_context(context, ContextUse::Edit, &mut issues);
        let locked_segments = cx.locked_segments(&loaded.commit);
        let mut state = EditState {
            frozen: loaded.frozen,
            original: loaded.commit,
            cx,
            locked_segments,
            fixed_issues: issues.into_vec(),
            top: CommitDraft::default(),
            top_edit: None,
            access: loaded.access,
            invoice: loaded.invoice,
        };
        state.replace_draft(draft);
        state
    }

    /// Plans against another context: every item is checked again (locks and `now` may differ).
    pub fn set_context(&mut self, context: &Value<'_>) {
        let mut fixed: Vec<Issue> = self
            .fixed_issues
            .iter()
            .filter(|i| i.code != IssueCode::InvalidContext)
            .cloned()
            .collect();
        let mut cx_issues = Issues::default();
        self.cx = read_context(context, ContextUse::Edit, &mut cx_issues);
        fixed.extend(cx_issues.into_vec());
        self.fixed_issues = fixed;
        self.locked_segments = self.cx.locked_segments(&self.original);
        self.top_edit = None;
        let draft = self.draft();
        self.replace_draft(draft);
    }

    pub fn read_draft(draft: &Value<'_>) -> CommitDraft {
        let mut sink = Issues::default();
        read_draft(&mut Reader::new(&mut sink), draft)
    }

    /// Loads a whole draft. Schedules the draft leaves out are taken as unchanged.
    pub fn replace_draft(&mut self, mut d: CommitDraft) {
        let access = take_items(&mut d.access_schedule).unwrap_or_else(|| {
            self.original
                .access_items()
                .iter()
                .map(Access::from_orig)
                .collect()
        });
        let invoice = take_items(&mut d.invoice_schedule).unwrap_or_else(|| {
            self.original
                .invoice_items()
                .iter()
                .map(Invoice::from_orig)
                .collect()
        });
        self.set_top(d);
        self.access.load(access, &self.cx);
        self.invoice.load(invoice, &self.cx);
    }

    pub fn top(&self) -> &CommitDraft {
        &self.top
    }

    /// Whether `value` at a top-level read-only `path` (`/balance`) is the original's, by meaning
    /// (absent when `value` is `None`).
    pub fn is_original_value(&self, path: &str, value: Option<&Value<'_>>) -> bool {
        match value {
            Some(v) => top::same_frozen(path, self.frozen.get(path), &v.clone().into_owned()),
            None => !self.frozen.contains_key(path),
        }
    }

    /// Replaces the draft's own fields, returning the previous ones. A schedule `null` where the
    /// original has none (absent, or `null` itself) is no schedule: no change, and items can be
    /// added to it one by one.
    pub fn set_top(&mut self, mut top: CommitDraft) -> CommitDraft {
        if matches!(top.access_schedule, Field::Null) && self.original.access_schedule.is_none() {
            top.access_schedule = Field::Absent;
        }
        if matches!(top.invoice_schedule, Field::Null) && self.original.invoice_schedule.is_none() {
            top.invoice_schedule = Field::Absent;
        }
        self.top_edit = None;
        std::mem::replace(&mut self.top, top)
    }

    /// Whether the draft's items of a schedule can be edited one by one (the schedule is not
    /// `null` or unreadable in the draft).
    pub fn items_editable(&self, section: &str) -> bool {
        match section {
            "access_schedule" => match &self.top.access_schedule {
                Field::Absent => true,
                Field::Set(s) => matches!(s.schedule_items, Field::Absent),
                _ => false,
            },
            _ => match &self.top.invoice_schedule {
                Field::Absent => true,
                Field::Set(s) => matches!(s.schedule_items, Field::Absent),
                _ => false,
            },
        }
    }

    /// The draft as a caller would send it: `planEdit(original, draft())` plans the same.
    pub fn draft(&self) -> CommitDraft {
        let mut d = self.top.clone();
        if self.items_editable("access_schedule") {
            let mut s = match std::mem::take(&mut d.access_schedule) {
                Field::Set(s) => s,
                _ => AccessScheduleDraft::default(),
            };
            s.schedule_items = Field::Set(self.access.drafts().cloned().collect());
            d.access_schedule = Field::Set(s);
        }
        if self.items_editable("invoice_schedule") {
            let mut s = match std::mem::take(&mut d.invoice_schedule) {
                Field::Set(s) => s,
                _ => InvoiceScheduleDraft::default(),
            };
            s.schedule_items = Field::Set(self.invoice.drafts().cloned().collect());
            d.invoice_schedule = Field::Set(s);
        }
        d
    }

    /// Issues, changes and the payload (built also when there are errors, for the preview).
    pub fn assemble(&mut self) -> Assembled {
        self.assemble_known(&|_| false)
    }

    /// Like [`EditState::assemble`], but an issue or change whose origin `known` accepts is left
    /// as a placeholder (its origin and code only): the caller has it already.
    fn assemble_known(&mut self, known: &dyn Fn(Origin) -> bool) -> Assembled {
        let mut issues = self.fixed_issues.clone();
        let customer = self.cx.customer_id.unwrap_or(Id::placeholder(0));
        let top = match &self.top_edit {
            Some(t) => t.clone(),
            None => {
                let t = evaluate_top(&self.original, &self.frozen, &self.top, customer);
                self.top_edit = Some(t.clone());
                t
            }
        };
        let mut payload = top.payload;
        let mut changes = top.changes;
        let top_issues = top.issues;

        let mut later = Vec::new();
        schedule_field_issues(&self.top.access_schedule, "access_schedule", &mut later);
        let access = collect(&self.access, known, &mut later, &mut changes, |o| {
            self.locked_segments.contains(&o.id).then(|| {
                (IssueCode::AccessSegmentFinalized, format!("access segment {} was applied to a FINALIZED invoice; void the invoice first (R10)", o.id))
            })
        });
        let mut invoice_issues = Vec::new();
        schedule_field_issues(
            &self.top.invoice_schedule,
            "invoice_schedule",
            &mut invoice_issues,
        );
        let cx = &self.cx;
        let invoice = collect(
            &self.invoice,
            known,
            &mut invoice_issues,
            &mut changes,
            |o| match cx.status(o.invoice_id) {
                Some(InvoiceStatus::Finalized) => Some((
                    IssueCode::InvoiceItemFinalized,
                    format!(
                        "invoice item {} is on a FINALIZED invoice and cannot be removed (R9)",
                        o.id
                    ),
                )),
                Some(InvoiceStatus::Void) => Some((
                    IssueCode::InvoiceItemVoided,
                    format!(
                        "invoice item {} is on a VOID invoice and cannot be removed (R9)",
                        o.id
                    ),
                )),
                _ => None,
            },
        );
        let mut origins = Vec::new();
        payload.access_schedule = access.map(|s| {
            origins.extend(s.origins);
            AccessScheduleEdit {
                add_schedule_items: s.add,
                update_schedule_items: s.update,
                remove_schedule_items: s.remove,
            }
        });
        payload.invoice_schedule = invoice.map(|s| {
            origins.extend(s.origins);
            InvoiceScheduleEdit {
                add_schedule_items: s.add,
                update_schedule_items: s.update,
                remove_schedule_items: s.remove,
            }
        });
        self.postpaid_rules(&mut later, &mut invoice_issues);

        let changed = has_changes(&payload);
        if changed && self.original.rolled_over_from.is_some() {
            issues.push(Issue::new(
                IssueCode::RolloverNotEditable,
                "/rolled_over_from",
                "this is a rollover commit (rolled_over_from is set) and cannot be edited (R12)",
            ));
        }
        issues.extend(top_issues);
        issues.extend(later);
        issues.extend(invoice_issues);
        let blocked = issues.iter().any(|i| i.severity == Severity::Error) || !changed;
        Assembled {
            payload,
            issues,
            changes,
            blocked,
            origins: Origins(origins),
        }
    }

    pub fn plan(&mut self) -> SessionPlan {
        self.plan_known(&|_| false)
    }

    /// The plan with placeholders for what `known` accepts (see [`EditState::assemble_known`]).
    pub fn plan_known(&mut self, known: &dyn Fn(Origin) -> bool) -> SessionPlan {
        let a = self.assemble_known(known);
        SessionPlan {
            payload: (!a.blocked).then_some(a.payload),
            issues: a.issues,
            changes: a.changes,
            origins: a.origins,
        }
    }

    pub fn preview(&mut self) -> Commit {
        let a = self.assemble();
        self.apply(&a.payload)
    }

    pub fn full_plan(&mut self) -> EditPlan {
        let a = self.assemble();
        let preview = self.apply(&a.payload);
        EditPlan {
            payload: (!a.blocked).then_some(a.payload),
            issues: a.issues,
            changes: a.changes,
            preview,
        }
    }

    fn apply(&self, payload: &EditCommitPayload) -> Commit {
        preview_of(&self.original, payload)
    }

    /// R2 after the edit: one segment, one invoice item, equal totals. Checked only when the
    /// edit touches a schedule, so an unchanged commit never reports its old state.
    fn postpaid_rules(&mut self, access_issues: &mut Vec<Issue>, invoice_issues: &mut Vec<Issue>) {
        if self.original.commit_type != CommitType::Postpaid
            || !(self.access.touched() || self.invoice.touched())
        {
            return;
        }
        let access_path = pointer(&["access_schedule", "schedule_items"]);
        let invoice_path = pointer(&["invoice_schedule", "schedule_items"]);
        if self.access.len() != 1 {
            access_issues.push(Issue::new(
                IssueCode::PostpaidAccessCount,
                access_path,
                format!(
                    "a POSTPAID commit needs exactly one access segment; the edit leaves {} (R2)",
                    self.access.len()
                ),
            ));
        }
        if self.invoice.len() == 0 && self.original.invoice_schedule.is_none() {
            invoice_issues.push(Issue::new(
                IssueCode::PostpaidInvoiceRequired,
                "/invoice_schedule",
                "a POSTPAID commit needs an invoice schedule with one item; this one has none (R2)",
            ));
            return;
        }
        if self.invoice.len() != 1 {
            invoice_issues.push(Issue::new(
                IssueCode::PostpaidInvoiceCount,
                invoice_path.clone(),
                format!(
                    "a POSTPAID commit needs exactly one invoice item; the edit leaves {} (R2)",
                    self.invoice.len()
                ),
            ));
        }
        if let (Some(a), Some(i)) = (self.access.total(), self.invoice.total()) {
            if a != i {
                invoice_issues.push(Issue::new(
                    IssueCode::PostpaidTotalMismatch,
                    invoice_path,
                    format!("the invoice total {i} must equal the access amount {a} (R2)"),
                ));
            }
        }
    }
}

/// `invalid_original` at each item of the original's `section` whose id an earlier item has: the
/// edit endpoint names items by id, so the later one cannot be edited or removed.
fn report_repeated_ids(original: &Value<'_>, section: &str, issues: &mut Issues) {
    let items = match original.get(section).and_then(|s| s.get("schedule_items")) {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    let mut seen = FastSet::default();
    for (i, item) in items.iter().enumerate() {
        let Some(id) = item.get("id").and_then(Value::as_str).and_then(Id::parse) else {
            continue;
        };
        if !seen.insert(id) {
            let list = Path::Root.key(section);
            let list = list.key("schedule_items");
            let at = list.index(i);
            issues.add(
                IssueCode::InvalidOriginal,
                &at.key("id"),
                format!("original commit: id {id} appears more than once in {section}"),
            );
        }
    }
}

/// The ids of a schedule's items in the original that were not read (`read`: those that were).
/// A readable original costs a length comparison.
fn unreadable_ids(
    original: &Value<'_>,
    section: &str,
    read: usize,
    read_ids: impl FnOnce() -> FastSet<Id>,
) -> FastSet<Id> {
    let items = original
        .get(section)
        .and_then(|s| s.get("schedule_items"))
        .and_then(|i| match i {
            Value::Array(items) if items.len() > read => Some(items),
            _ => None,
        });
    let Some(items) = items else {
        return FastSet::default();
    };
    let read = read_ids();
    let ids = items
        .iter()
        .filter_map(|i| i.get("id")?.as_str().and_then(Id::parse));
    ids.filter(|id| !read.contains(id)).collect()
}

/// Moves a schedule's items out of the draft (they live in a [`Schedule`]); `None` when the draft
/// has no readable items there, so the original's are kept.
fn take_items<S: ScheduleItemsField>(s: &mut Field<S>) -> Option<Vec<S::Item>> {
    let Field::Set(s) = s else { return None };
    match std::mem::take(s.items_mut()) {
        Field::Set(items) => Some(items),
        other => {
            *s.items_mut() = other;
            None
        }
    }
}

/// A schedule, or its items, that is `null` or unreadable in the draft.
fn schedule_field_issues<S>(f: &Field<S>, section: &'static str, out: &mut Vec<Issue>)
where
    S: ScheduleItemsField,
{
    let items = match f {
        Field::Null => {
            out.push(Issue::new(
                IssueCode::FieldNotEditable,
                pointer(&[section]),
                format!("{section} cannot be cleared; remove its items instead"),
            ));
            return;
        }
        Field::Invalid(raw) => Some((pointer(&[section]), raw)),
        Field::Set(s) => match s.items_field() {
            FieldState::Null => {
                out.push(Issue::new(
                    IssueCode::FieldNotEditable,
                    pointer(&[section, "schedule_items"]),
                    "schedule_items cannot be null; use an empty list to remove every item",
                ));
                return;
            }
            FieldState::Invalid(raw) => Some((pointer(&[section, "schedule_items"]), raw)),
            FieldState::Other => None,
        },
        Field::Absent => None,
    };
    if let Some((at, raw)) = items {
        // Re-read to report why, at the paths inside the value.
        let mut found = Issues::default();
        let mut r = Reader::new(&mut found);
        let tokens: Vec<&str> = at.split('/').skip(1).collect();
        let root = Path::Root;
        let p1 = root.key(tokens[0]);
        let path = if tokens.len() > 1 {
            p1.key(tokens[1])
        } else {
            p1
        };
        reread_schedule(&mut r, raw, &path, tokens.len() > 1, section);
        if found.0.is_empty() {
            out.push(Issue::new(IssueCode::InvalidType, at, "cannot be read"));
        }
        out.extend(found.0);
    }
}

fn reread_schedule(
    r: &mut Reader<'_>,
    raw: &Value<'_>,
    path: &Path<'_>,
    items_only: bool,
    section: &str,
) {
    let items = |r: &mut Reader<'_>, v: &Value<'_>, p: &Path<'_>| {
        r.list(v, p, |r, item, p| r.expect_object(item, p).then_some(()));
    };
    if items_only {
        items(r, raw, path);
    } else if r.expect_object(raw, path) {
        let _ = section;
        if let Some(v) = raw.get("schedule_items").filter(|v| !v.is_null()) {
            items(r, v, &path.key("schedule_items"));
        }
    }
}

pub enum FieldState<'a> {
    Null,
    Invalid(&'a crate::json::Json),
    Other,
}

/// The `schedule_items` of a schedule in a draft.
pub trait ScheduleItemsField {
    type Item;
    fn items_mut(&mut self) -> &mut Field<Vec<Self::Item>>;
    fn items(&self) -> &Field<Vec<Self::Item>>;

    fn items_field(&self) -> FieldState<'_> {
        state_of(self.items())
    }
}

impl ScheduleItemsField for AccessScheduleDraft {
    type Item = AccessItemDraft;
    fn items_mut(&mut self) -> &mut Field<Vec<AccessItemDraft>> {
        &mut self.schedule_items
    }
    fn items(&self) -> &Field<Vec<AccessItemDraft>> {
        &self.schedule_items
    }
}

impl ScheduleItemsField for InvoiceScheduleDraft {
    type Item = InvoiceItemDraft;
    fn items_mut(&mut self) -> &mut Field<Vec<InvoiceItemDraft>> {
        &mut self.schedule_items
    }
    fn items(&self) -> &Field<Vec<InvoiceItemDraft>> {
        &self.schedule_items
    }
}

fn state_of<T>(f: &Field<T>) -> FieldState<'_> {
    match f {
        Field::Null => FieldState::Null,
        Field::Invalid(raw) => FieldState::Invalid(raw),
        _ => FieldState::Other,
    }
}

/// One schedule's payload lists, and the origins of their elements in order (adds, updates,
/// removals).
struct Sections<K: Kind> {
    add: Vec<K::Add>,
    update: Vec<K::Update>,
    remove: Vec<IdOnly>,
    origins: Vec<Origin>,
}

/// One schedule's issues and changes in draft order, and its payload section (`None` if empty).
fn collect<K: Kind>(
    s: &Schedule<K>,
    known: &dyn Fn(Origin) -> bool,
    issues: &mut Vec<Issue>,
    changes: &mut Vec<Change>,
    removal_lock: impl Fn(&K::Orig) -> Option<(IssueCode, String)>,
) -> Option<Sections<K>> {
    let items_path = K::ITEMS_PATH;
    let reportable = s.reportable();
    let (n, gone) = (reportable.len(), s.removed_count());
    let (mut add, mut update) = (Vec::new(), Vec::with_capacity(n));
    let (mut add_from, mut update_from) = (Vec::new(), Vec::with_capacity(n));
    let (mut remove, mut remove_from) = (Vec::with_capacity(gone), Vec::with_capacity(gone));
    changes.reserve(n + gone);
    let mut seen_ids = FastSet::default();
    let mut item_path = String::with_capacity(items_path.len() + 24);
    for (at, key) in reportable {
        let slot = &s.slots()[at];
        let from = |part: Part, at: usize| Origin::item(slot.generation, K::INDEX, part, at);
        // One buffer for every item's path: most are never copied out (refs, placeholders).
        item_path.clear();
        item_path.push_str(items_path);
        item_path.push('/');
        item_path.push_str(itoa(at, &mut [0u8; 20]));
        let field_path = |field: &str| {
            let mut p = String::with_capacity(item_path.len() + 1 + field.len());
            p.push_str(&item_path);
            if !field.is_empty() {
                p.push('/');
                p.push_str(field);
            }
            p
        };
        for (j, i) in slot.eval.issues.iter().enumerate() {
            // The original has this item; it could not be read, which is reported as such.
            if i.code == IssueCode::UnknownItemId
                && K::draft_id(&slot.draft)
                    .value()
                    .is_some_and(|id| s.is_unreadable_original(id))
            {
                continue;
            }
            let origin = from(Part::Issue(j), at);
            issues.push(if known(origin) {
                Issue::new(i.code, String::new(), String::new()).from(origin)
            } else {
                Issue::new(i.code, field_path(i.field), i.message.clone()).from(origin)
            });
        }
        if let Some(id) = s.shared_id(key).filter(|id| !seen_ids.insert(*id)) {
            issues.push(Issue::new(
                IssueCode::DuplicateItemId,
                field_path("id"),
                format!("id {id} appears more than once in the draft"),
            ));
        }
        if let Some(prev) = s.overlaps(key) {
            let prev_at = s.position(prev).unwrap_or(0);
            // At the field the user would change: this segment's start, unless the edit left it
            // where it was and moved an end of the earlier one (or added that one).
            let earlier_end = ["ending_before", "starting_at"]
                .into_iter()
                .find(|end| !s.moved(key, "starting_at") && s.moved(prev, end));
            issues.push(match earlier_end {
                Some(end) => Issue::new(
                    IssueCode::AccessOverlap,
                    format!("{items_path}/{prev_at}/{end}"),
                    format!("the segment at schedule_items/{at} starts before this segment ends: both grant balance for the overlap"),
                ),
                None => Issue::new(
                    IssueCode::AccessOverlap,
                    field_path("starting_at"),
                    format!("this segment starts before the segment at schedule_items/{prev_at} ends: both grant balance for the overlap"),
                ),
            });
        }
        match &slot.eval.diff {
            Diff::Unchanged => {}
            Diff::Added(a) => {
                add.push(*a);
                add_from.push(from(Part::Element, 0));
                let origin = from(Part::Change(0), at);
                changes.push(if known(origin) {
                    Change::placeholder(ChangeKind::Added, origin)
                } else {
                    Change {
                        path: item_path.clone(),
                        kind: ChangeKind::Added,
                        before: None,
                        after: Some(K::add_view(a)),
                        origin,
                    }
                });
            }
            Diff::Updated(u, fields) => {
                update.push(*u);
                update_from.push(from(Part::Element, 0));
                for (j, f) in fields.iter().enumerate() {
                    let origin = from(Part::Change(j), at);
                    changes.push(if known(origin) {
                        Change::placeholder(ChangeKind::Updated, origin)
                    } else {
                        Change {
                            path: field_path(f.field),
                            kind: ChangeKind::Updated,
                            before: Some(f.before.clone()),
                            after: Some(f.after.clone()),
                            origin,
                        }
                    });
                }
            }
        }
    }
    for (i, o) in s.removed() {
        remove.push(IdOnly { id: K::orig_id(o) });
        remove_from.push(Origin::removed(i, K::INDEX, Part::Element));
        let origin = Origin::removed(i, K::INDEX, Part::Change(0));
        changes.push(if known(origin) {
            Change::placeholder(ChangeKind::Removed, origin)
        } else {
            Change {
                path: items_path.to_owned(),
                kind: ChangeKind::Removed,
                before: Some(K::orig_view(o)),
                after: None,
                origin,
            }
        });
        if let Some((code, message)) = removal_lock(o) {
            issues.push(Issue::new(code, items_path, message));
        }
    }
    if add.is_empty() && update.is_empty() && remove.is_empty() {
        return None;
    }
    add_from.reserve(update_from.len() + remove_from.len());
    add_from.extend(update_from);
    add_from.extend(remove_from);
    Some(Sections {
        add,
        update,
        remove,
        origins: add_from,
    })
}

/// Decimal digits of `n` without the formatter (paths are built on every keystroke).
fn itoa(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

fn has_changes(p: &EditCommitPayload) -> bool {
    p.name.is_some()
        || p.description.is_some()
        || p.product_id.is_some()
        || p.invoice_contract_id.is_some()
        || !p.priority.is_keep()
        || p.rate_type.is_some()
        || !p.applicable_product_ids.is_keep()
        || !p.applicable_product_tags.is_keep()
        || !p.applicable_contract_ids.is_keep()
        || !p.specifiers.is_keep()
        || p.hierarchy_configuration.is_some()
        || p.access_schedule.is_some()
        || p.invoice_schedule.is_some()
}

/// The one-shot planner: `planEdit(original, draft, context)`.
pub fn plan_edit(original: &Value<'_>, draft: &Value<'_>, context: &Value<'_>) -> EditPlan {
    EditState::with_draft(original, context, EditState::read_draft(draft)).full_plan()
}
