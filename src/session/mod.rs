//! CommitEditor: an editing session that holds the original and the draft, takes one change at a
//! time, and answers with the plan. A change to one item re-checks that item and its neighbours
//! only; undo and redo replay the inverse change the same way.

pub mod answer;

use crate::issue::{Issue, IssueCode};
use crate::json::{self, parse_pointer, set_at, Value};
use crate::model::Commit;
use crate::model::{AccessItemDraft, CommitDraft, InvoiceItemDraft, FROZEN_KEYS};
use crate::plan::edit::access::Access;
use crate::plan::edit::invoice::Invoice;
use crate::plan::edit::kind::Kind;
use crate::plan::edit::EditState;
use crate::plan::output::SessionPlan;
use crate::read::quote;
use answer::Answers;
use std::borrow::Cow;
use std::collections::VecDeque;

/// Keys of the draft's own fields that an editor may set.
const EDITABLE_KEYS: &[&str] = &[
    "name",
    "description",
    "priority",
    "rate_type",
    "product",
    "invoice_contract",
    "applicable_product_ids",
    "applicable_product_tags",
    "applicable_contract_ids",
    "specifiers",
    "hierarchy_configuration",
    "access_schedule",
    "invoice_schedule",
];

/// Keys the server fills in; a Commit has them, an edit cannot set them.
const READ_ONLY_KEYS: &[&str] = &["ledger", "balance", "created_by", "amount"];

/// Most changes kept for undo.
pub const UNDO_DEPTH: usize = 1000;
/// The most the undo history holds, counted as the JSON bytes of what its steps keep (a paste or a
/// whole-schedule `set` keeps the draft it replaced, any other top-level `set` the top-level fields
/// it replaced, an item edit the item): 40 MiB, about 250,000 schedule items. Past it the oldest
/// steps are dropped, as past [`UNDO_DEPTH`]; the last step is always kept.
pub const UNDO_BYTES: usize = 40 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Access,
    Invoice,
}

impl Section {
    pub fn parse(s: &str) -> Option<Section> {
        match s {
            "access" | "access_schedule" => Some(Section::Access),
            "invoice" | "invoice_schedule" => Some(Section::Invoice),
            _ => None,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Section::Access => Access::SECTION,
            Section::Invoice => Invoice::SECTION,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Access(AccessItemDraft),
    Invoice(InvoiceItemDraft),
}

/// One change, and (when applied) the change that undoes it.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    Top(Box<CommitDraft>),
    Replace(Section, usize, Item),
    Insert(Section, usize, Item),
    Remove(Section, usize),
    Whole(Box<CommitDraft>),
}

impl Op {
    /// What a step costs the history, in bytes: the JSON of what it keeps, and a little more.
    fn weight(&self) -> usize {
        let kept = match self {
            Op::Top(d) | Op::Whole(d) => crate::api::to_json(&**d).len(),
            Op::Replace(_, _, item) | Op::Insert(_, _, item) => match item {
                Item::Access(d) => crate::api::to_json(d).len(),
                Item::Invoice(d) => crate::api::to_json(d).len(),
            },
            Op::Remove(..) => 0,
        };
        64 + kept
    }
}

/// One change to a session's draft.
#[derive(Clone, Copy, Debug)]
pub enum Edit<'a> {
    /// Sets the value at a JSON Pointer into the draft; `None` (JS `undefined`) removes the key.
    Set(&'a str, Option<&'a Value<'a>>),
    /// Appends an item to `"access"` or `"invoice"`.
    AddItem(&'a str, &'a Value<'a>),
    /// Removes the item at a JSON Pointer such as `/access_schedule/schedule_items/3`.
    RemoveItem(&'a str),
    /// A whole new draft (a paste).
    ReplaceDraft(&'a Value<'a>),
    /// Another context (invoice statuses, customer, now); draft and history stay.
    SetContext(&'a Value<'a>),
    Undo,
    Redo,
    /// No change: the plan as it stands.
    Nothing,
}

/// An edit made, or refused with the issue that says why (the draft is then unchanged).
pub type Outcome = Result<(), Issue>;

/// An issue for an edit that cannot be made. An issue's path is a JSON Pointer: a caller's path
/// that is not one (`~`, `name`) is quoted in the message and the issue is placed at the root.
fn refused<T>(code: IssueCode, path: &str, message: impl Into<String>) -> Result<T, Issue> {
    let at = if parse_pointer(path).is_some() {
        path
    } else {
        ""
    };
    Err(Issue::new(code, at, message))
}

/// A value that would nest deeper in the draft than an argument may.
fn too_deep(path: &str, depth: usize) -> Outcome {
    refused(
        IssueCode::ValueTooDeep,
        path,
        format!(
            "the value would sit {depth} levels deep in the draft; at most {} are read",
            json::MAX_DEPTH
        ),
    )
}

fn refusing(mut plan: SessionPlan, outcome: Outcome) -> SessionPlan {
    if let Err(issue) = outcome {
        plan.issues.push(issue);
        plan.payload = None;
    }
    plan
}

pub struct Session {
    state: EditState,
    /// Each step with its [`Op::weight`], counted once.
    undo: VecDeque<(Op, usize)>,
    /// The sum of [`Op::weight`] over `undo`.
    undo_weight: usize,
    redo: Vec<Op>,
    /// The path of the last `set`: a run of sets to one path (typing in a field) is one undo step.
    typing: Option<String>,
}

impl Session {
    pub fn new(original: &Value<'_>, context: &Value<'_>) -> Session {
        Session {
            state: EditState::new(original, context),
            undo: VecDeque::new(),
            undo_weight: 0,
            redo: Vec::new(),
            typing: None,
        }
    }

    pub fn plan(&mut self) -> SessionPlan {
        self.state.plan()
    }

    /// Makes one edit; see [`Edit`].
    pub fn edit(&mut self, edit: Edit<'_>) -> Outcome {
        match edit {
            Edit::Set(path, value) => self.edit_set(path, value),
            Edit::AddItem(section, item) => self.edit_add_item(section, item),
            Edit::RemoveItem(path) => self.edit_remove_item(path),
            Edit::ReplaceDraft(draft) => self.edit_replace_draft(draft),
            Edit::SetContext(context) => self.edit_set_context(context),
            Edit::Undo => self.edit_undo(),
            Edit::Redo => self.edit_redo(),
            Edit::Nothing => Ok(()),
        }
    }

    /// The plan after an edit: a refused edit adds its issue and withholds the payload.
    pub fn plan_after(&mut self, outcome: Outcome) -> SessionPlan {
        refusing(self.state.plan(), outcome)
    }

    /// Like [`Session::plan_after`], as the text of a shared answer (see [`answer`]): what
    /// `answers` sent before is not even rendered again.
    pub fn answer_after(&mut self, outcome: Outcome, answers: &mut Answers) -> String {
        let plan = self.state.plan_known(&|o| answers.sent(o));
        answers.write(refusing(plan, outcome))
    }

    /// Sets the value at a JSON Pointer into the draft; `None` (JS `undefined`) removes the key.
    pub fn set(&mut self, path: &str, value: Option<&Value<'_>>) -> SessionPlan {
        let o = self.edit(Edit::Set(path, value));
        self.plan_after(o)
    }

    pub fn add_item(&mut self, section: &str, item: &Value<'_>) -> SessionPlan {
        let o = self.edit(Edit::AddItem(section, item));
        self.plan_after(o)
    }

    pub fn remove_item(&mut self, path: &str) -> SessionPlan {
        let o = self.edit(Edit::RemoveItem(path));
        self.plan_after(o)
    }

    pub fn replace_draft(&mut self, draft: &Value<'_>) -> SessionPlan {
        let o = self.edit(Edit::ReplaceDraft(draft));
        self.plan_after(o)
    }

    /// Plans against another context (invoice statuses, customer, now); the draft and the undo
    /// history stay.
    pub fn set_context(&mut self, context: &Value<'_>) -> SessionPlan {
        let o = self.edit(Edit::SetContext(context));
        self.plan_after(o)
    }

    pub fn undo(&mut self) -> SessionPlan {
        let o = self.edit(Edit::Undo);
        self.plan_after(o)
    }

    pub fn redo(&mut self) -> SessionPlan {
        let o = self.edit(Edit::Redo);
        self.plan_after(o)
    }

    pub fn preview(&mut self) -> Commit {
        self.state.preview()
    }

    pub fn draft(&self) -> CommitDraft {
        self.state.draft()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn edit_undo(&mut self) -> Outcome {
        self.typing = None;
        if let Some(op) = self.pop_undo() {
            let inverse = self.apply(op);
            self.redo.push(inverse);
        }
        Ok(())
    }

    fn edit_redo(&mut self) -> Outcome {
        self.typing = None;
        if let Some(op) = self.redo.pop() {
            let inverse = self.apply(op);
            self.push_undo(inverse);
        }
        Ok(())
    }

    fn edit_replace_draft(&mut self, draft: &Value<'_>) -> Outcome {
        self.record(Op::Whole(Box::new(EditState::read_draft(draft))));
        Ok(())
    }

    fn edit_add_item(&mut self, section: &str, item: &Value<'_>) -> Outcome {
        let Some(section) = Section::parse(section).filter(|s| self.state.items_editable(s.key()))
        else {
            return refused(
                IssueCode::PathNotFound,
                "",
                format!(
                    "{} is not an editable schedule (use \"access\" or \"invoice\")",
                    quote(section)
                ),
            );
        };
        let path = format!("/{}/schedule_items/-", section.key());
        let depth = 3 + item.depth();
        if depth > json::MAX_DEPTH {
            return too_deep(&path, depth);
        }
        if !item.is_record() {
            // Held as given, like a set of such an item: planEdit reports it at its place.
            let tokens = [section.key(), "schedule_items", "-"].map(std::borrow::Cow::Borrowed);
            let op = self.draft_with(&path, &tokens, Some(item))?;
            self.record(op);
            return Ok(());
        }
        let at = self.len(section);
        self.record(Op::Insert(section, at, read_item(section, item)));
        Ok(())
    }

    fn edit_remove_item(&mut self, path: &str) -> Outcome {
        match self.item_address(path) {
            Some((section, at, false)) => {
                self.record(Op::Remove(section, at));
                Ok(())
            }
            _ => refused(
                IssueCode::PathNotFound,
                path,
                format!("{} names no schedule item of the draft", quote(path)),
            ),
        }
    }

    fn edit_set(&mut self, path: &str, value: Option<&Value<'_>>) -> Outcome {
        let Some(tokens) = parse_pointer(path).filter(|t| !t.is_empty()) else {
            return refused(
                IssueCode::PathNotFound,
                path,
                format!(
                    "{} is not a JSON Pointer to a field of the draft",
                    quote(path)
                ),
            );
        };
        // The draft holds no more than an argument may: planEdit reads every draft it makes.
        let depth = tokens.len() + value.map_or(0, Value::depth);
        if depth > json::MAX_DEPTH {
            return too_deep(path, depth);
        }
        if let Some((section, at, field)) = self.item_at(&tokens) {
            return self.set_item(path, &tokens, section, at, field, value);
        }
        let key: &str = &tokens[0];
        if READ_ONLY_KEYS.contains(&key) {
            // Its own value again (a form writing back what it shows) is no edit, as in planEdit.
            if tokens.len() == 1 && self.state.is_original_value(path, value) {
                return Ok(());
            }
            return refused(
                IssueCode::FieldNotEditable,
                path,
                format!("{key} is filled in by Metronome and cannot be edited"),
            );
        }
        if !EDITABLE_KEYS.contains(&key) && !FROZEN_KEYS.contains(&key) {
            return refused(
                IssueCode::PathNotFound,
                path,
                format!("{} is not a field of a commit", quote(key)),
            );
        }
        // Inside a reference or a schedule, only what the draft keeps: anything else would be
        // dropped when the draft is read again, an edit lost without a word.
        let token = |n: usize| tokens.get(n).map(|t| &**t);
        let kept = match (key, token(1)) {
            (_, None) => true,
            ("product", Some(inner)) => inner == "id" || inner == "name",
            ("invoice_contract", Some(inner)) => inner == "id",
            ("specifiers", Some(_)) => match token(2) {
                None => true,
                Some("exclude") => token(4).map_or(true, |k| k == "product_tags"),
                Some(k) => crate::model::Specifier::KEYS.contains(&k),
            },
            ("hierarchy_configuration", Some(inner)) => {
                inner == "child_access"
                    && token(2).map_or(true, |k| k == "type" || k == "contract_ids")
            }
            ("access_schedule", Some(inner)) => matches!(inner, "schedule_items" | "credit_type"),
            ("invoice_schedule", Some(inner)) => {
                matches!(inner, "schedule_items" | "credit_type" | "do_not_invoice")
            }
            _ => true,
        };
        if !kept || (matches!(key, "product" | "invoice_contract") && tokens.len() > 2) {
            return refused(
                IssueCode::PathNotFound,
                path,
                format!("{} is not a field the draft keeps", quote(path)),
            );
        }
        let op = self.draft_with(path, &tokens, value)?;
        self.record_set(path, op);
        Ok(())
    }

    /// The draft with `value` set at `tokens` and read again: for what the typed items cannot
    /// hold (a field outside the items, or an item that is no object).
    fn draft_with(
        &self,
        path: &str,
        tokens: &[std::borrow::Cow<'_, str>],
        value: Option<&Value<'_>>,
    ) -> Result<Op, Issue> {
        let value = value.map(|v| v.clone().into_owned());
        let key = tokens.first().map(|t| &**t);
        let touches_items = matches!(key, Some("access_schedule" | "invoice_schedule"))
            && (tokens.len() == 1 || tokens.get(1).is_some_and(|t| t == "schedule_items"));
        let base = if touches_items {
            self.state.draft()
        } else {
            self.state.top().clone()
        };
        // Within the depth limit by the caller's check; an edit is never dropped in silence.
        let mut doc = match json::parse_own(&crate::api::to_json(&base)) {
            Ok(v) => v.into_owned(),
            Err(e) => return refused(IssueCode::ValueTooDeep, path, e.to_string()),
        };
        if set_at(&mut doc, tokens, value).is_err() {
            return refused(
                IssueCode::PathNotFound,
                path,
                format!("{} names nothing in the draft", quote(path)),
            );
        }
        let next = Box::new(EditState::read_draft(&doc));
        Ok(if touches_items {
            Op::Whole(next)
        } else {
            Op::Top(next)
        })
    }

    fn set_item(
        &mut self,
        path: &str,
        tokens: &[std::borrow::Cow<'_, str>],
        section: Section,
        at: usize,
        field: Option<&str>,
        value: Option<&Value<'_>>,
    ) -> Outcome {
        let item = match (&field, value) {
            (None, Some(v)) if v.is_record() => read_item(section, v),
            (None, None) => {
                self.record(Op::Remove(section, at));
                return Ok(());
            }
            (None, Some(_)) => {
                // An item that is no object is held as set: planEdit reports it at its place.
                let op = self.draft_with(path, tokens, value)?;
                self.record_set(path, op);
                return Ok(());
            }
            (Some(field), v) => {
                let Some(mut item) = self.item(section, at) else {
                    return Ok(());
                };
                let absent = Value::Null;
                let ok = match (&mut item, v) {
                    (Item::Access(d), Some(v)) => Access::set_field(d, field, v),
                    (Item::Invoice(d), Some(v)) => Invoice::set_field(d, field, v),
                    (Item::Access(d), None) => {
                        Access::FIELDS.contains(&field)
                            && clear(Access::set_field(d, field, &absent), d, field)
                    }
                    (Item::Invoice(d), None) => {
                        Invoice::FIELDS.contains(&field)
                            && clear_inv(Invoice::set_field(d, field, &absent), d, field)
                    }
                };
                if !ok {
                    return refused(
                        IssueCode::PathNotFound,
                        path,
                        format!("{} is not a field of a schedule item", quote(field)),
                    );
                }
                item
            }
        };
        self.record_set(path, Op::Replace(section, at, item));
        Ok(())
    }

    /// `(section, index, names a field)` when the path names an existing item or its field.
    fn item_address(&self, path: &str) -> Option<(Section, usize, bool)> {
        let tokens = parse_pointer(path)?;
        let (section, at, field) = self.item_at(&tokens)?;
        Some((section, at, field.is_some()))
    }

    fn item_at<'t>(&self, tokens: &'t [Cow<'_, str>]) -> Option<(Section, usize, Option<&'t str>)> {
        if tokens.len() < 3 || tokens.len() > 4 || tokens[1] != "schedule_items" {
            return None;
        }
        let section = Section::parse(&tokens[0]).filter(|s| s.key() == tokens[0])?;
        if !self.state.items_editable(section.key()) {
            return None;
        }
        let at = crate::json::pointer::array_index(&tokens[2])?;
        (at < self.len(section)).then(|| (section, at, tokens.get(3).map(|t| &**t)))
    }

    fn len(&self, section: Section) -> usize {
        match section {
            Section::Access => self.state.access.len(),
            Section::Invoice => self.state.invoice.len(),
        }
    }

    fn item(&self, section: Section, at: usize) -> Option<Item> {
        match section {
            Section::Access => self
                .state
                .access
                .slots()
                .get(at)
                .map(|s| Item::Access(s.draft.clone())),
            Section::Invoice => self
                .state
                .invoice
                .slots()
                .get(at)
                .map(|s| Item::Invoice(s.draft.clone())),
        }
    }

    fn record(&mut self, op: Op) {
        self.typing = None;
        let inverse = self.apply(op);
        self.push_undo(inverse);
        self.redo.clear();
    }

    fn push_undo(&mut self, op: Op) {
        let weight = op.weight();
        self.undo_weight += weight;
        self.undo.push_back((op, weight));
        while self.undo.len() > UNDO_DEPTH || (self.undo_weight > UNDO_BYTES && self.undo.len() > 1)
        {
            if let Some((_, w)) = self.undo.pop_front() {
                self.undo_weight -= w;
            }
        }
    }

    fn pop_undo(&mut self) -> Option<Op> {
        let (op, weight) = self.undo.pop_back()?;
        self.undo_weight -= weight;
        Some(op)
    }

    /// Records a `set`: consecutive sets to the same path keep the first one's undo entry, so
    /// undo takes back the whole run of keystrokes.
    fn record_set(&mut self, path: &str, op: Op) {
        if self.typing.as_deref() == Some(path) && self.redo.is_empty() && !self.undo.is_empty() {
            let _ = self.apply(op);
        } else {
            self.record(op);
            self.typing = Some(path.to_owned());
        }
    }

    fn edit_set_context(&mut self, context: &Value<'_>) -> Outcome {
        // Sets on either side of it are not one run of typing.
        self.typing = None;
        self.state.set_context(context);
        Ok(())
    }

    /// Applies a change and returns the change that undoes it.
    fn apply(&mut self, op: Op) -> Op {
        let s = &mut self.state;
        match op {
            Op::Top(top) => Op::Top(Box::new(s.set_top(*top))),
            Op::Whole(draft) => {
                let before = s.draft();
                s.replace_draft(*draft);
                Op::Whole(Box::new(before))
            }
            Op::Replace(section, at, item) => {
                let old = match item {
                    Item::Access(d) => s.access.replace(at, d, &s.cx).map(Item::Access),
                    Item::Invoice(d) => s.invoice.replace(at, d, &s.cx).map(Item::Invoice),
                };
                old.map_or(Op::Remove(section, usize::MAX), |old| {
                    Op::Replace(section, at, old)
                })
            }
            Op::Insert(section, at, item) => {
                match item {
                    Item::Access(d) => s.access.insert(at, d, &s.cx),
                    Item::Invoice(d) => s.invoice.insert(at, d, &s.cx),
                }
                Op::Remove(section, at)
            }
            Op::Remove(section, at) => {
                let old = match section {
                    Section::Access => s.access.remove(at).map(Item::Access),
                    Section::Invoice => s.invoice.remove(at).map(Item::Invoice),
                };
                match old {
                    Some(item) => Op::Insert(section, at, item),
                    None => Op::Remove(section, usize::MAX),
                }
            }
        }
    }
}

fn read_item(section: Section, v: &Value<'_>) -> Item {
    match section {
        Section::Access => Item::Access(Access::read_item(v)),
        Section::Invoice => Item::Invoice(Invoice::read_item(v)),
    }
}

fn clear(ok: bool, d: &mut AccessItemDraft, field: &str) -> bool {
    use crate::read::Field;
    match field {
        "id" => d.id = Field::Absent,
        "amount" => d.amount = Field::Absent,
        "starting_at" => d.starting_at = Field::Absent,
        "ending_before" => d.ending_before = Field::Absent,
        _ => return false,
    }
    ok
}

fn clear_inv(ok: bool, d: &mut InvoiceItemDraft, field: &str) -> bool {
    use crate::read::Field;
    match field {
        "id" => d.id = Field::Absent,
        "timestamp" => d.timestamp = Field::Absent,
        "amount" => d.amount = Field::Absent,
        "quantity" => d.quantity = Field::Absent,
        "unit_price" => d.unit_price = Field::Absent,
        "invoice_id" => d.invoice_id = None,
        _ => return false,
    }
    ok
}
