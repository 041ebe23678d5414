//! The public functions over JSON text, exactly as the JS exports behave: the wasm boundary hands
//! them `JSON.stringify` of its arguments and `JSON.parse`s what they return. Native tests call
//! them too, so one fixture table checks both.

use crate::issue::Issues;
use crate::json::{self, JsOnly, ParseError, Value};
use crate::model::{Commit, CommitDraft, EditCommitPayload};
use crate::plan::apply::apply_edit as apply;
use crate::plan::edit::{preview_of, EditState, LoadedOriginal};
use crate::plan::output::EditPlan;
use crate::read::commit::read_commit;
use crate::read::known_items::{read_reusing, ItemSpans, KnownItems, Reused};
use crate::read::payload::read_edit_payload;
use crate::read::Reader;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// The `code` of a thrown `CommitEditorError`: what made an argument unusable. Expected failures
/// are never thrown; they are `issues`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, tsify::Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ThrownCode {
    /// An argument that is not an object (or not JSON data at all: `undefined`, a function).
    NotAnObject,
    /// A path or section name that is not a string.
    NotAString,
    /// An argument nested more than 64 levels deep.
    TooDeep,
    /// An argument of more than 32 MiB of JSON text.
    TooLarge,
    /// Text that is not JSON (the functions over text only).
    InvalidJson,
    /// An argument `JSON.stringify` cannot write (a cycle, a throwing getter).
    Unserializable,
    /// An `applyEdit` body the endpoint would refuse.
    InvalidPayload,
    /// An `applyEdit` original that cannot be read.
    InvalidOriginal,
    /// A call on a `CommitEditor` after `free()` (thrown by the glue, `scripts/pkg/glue.mjs`).
    Freed,
}

impl ThrownCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ThrownCode::NotAnObject => "not_an_object",
            ThrownCode::NotAString => "not_a_string",
            ThrownCode::TooDeep => "too_deep",
            ThrownCode::TooLarge => "too_large",
            ThrownCode::InvalidJson => "invalid_json",
            ThrownCode::Unserializable => "unserializable",
            ThrownCode::InvalidPayload => "invalid_payload",
            ThrownCode::InvalidOriginal => "invalid_original",
            ThrownCode::Freed => "freed",
        }
    }
}

impl std::fmt::Display for ThrownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Unusable input: the only failures that are thrown (as a JS `Error`) rather than returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: ThrownCode,
    /// Which argument (`original`, `draft`, `context`, `payload`, …).
    pub argument: &'static str,
    /// JSON Pointer inside that argument.
    pub path: String,
    pub message: String,
}

impl ApiError {
    pub fn new(
        code: ThrownCode,
        argument: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> ApiError {
        ApiError {
            code,
            argument,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.argument, self.message)
    }
}

/// Parses one argument's JSON text and requires an object.
pub fn object<'a>(text: &'a str, argument: &'static str) -> Result<Value<'a>, ApiError> {
    object_value(any(text, argument)?, argument)
}

fn object_value<'a>(v: Value<'a>, argument: &'static str) -> Result<Value<'a>, ApiError> {
    match v {
        // A NaN, ±Infinity or BigInt argument crosses as an object only in spelling.
        Value::Object(_) if v.js_only().is_none() => Ok(v),
        other => Err(not_an_object(&other, argument)),
    }
}

fn not_an_object(v: &Value<'_>, argument: &'static str) -> ApiError {
    let kind = match v.js_only() {
        Some(JsOnly::BigInt(_)) => "a BigInt",
        Some(JsOnly::NonFinite(_)) => "a number that is not finite",
        None => v.kind(),
    };
    ApiError::new(
        ThrownCode::NotAnObject,
        argument,
        "",
        format!("expected an object, got {kind}"),
    )
}

/// Parses one argument's JSON text, whatever its type.
pub fn any<'a>(text: &'a str, argument: &'static str) -> Result<Value<'a>, ApiError> {
    json::parse(text).map_err(|e| parse_error(e, argument))
}

/// The error of an argument longer than [`json::MAX_INPUT_BYTES`].
pub fn too_large(argument: &'static str) -> ApiError {
    parse_error(ParseError::TooLarge, argument)
}

fn parse_error(e: ParseError, argument: &'static str) -> ApiError {
    let code = match e {
        ParseError::TooDeep => ThrownCode::TooDeep,
        ParseError::TooLarge => ThrownCode::TooLarge,
        ParseError::Syntax(..) => ThrownCode::InvalidJson,
    };
    ApiError::new(code, argument, "", e.to_string())
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    // Every type serialised here has string keys and no floats, so this cannot fail.
    json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// Plans an edit, as `planEdit` does in JS.
///
/// ```
/// let original = r#"{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A",
///   "product": {"id": "2e30f074-d04c-412e-a134-851ebfa5ceb2", "name": "P"}, "created_at": "2026-01-01T00:00:00Z"}"#;
/// let draft = original.replace(r#""name": "A""#, r#""name": "B""#);
/// let context = r#"{"customer_id": "4c91c473-fc12-445a-9c38-40421d47023f"}"#;
/// let plan = commit_editor::api::plan_edit(original, &draft, context).unwrap();
/// assert!(plan.issues.is_empty());
/// assert_eq!(
///     commit_editor::api::to_json(&plan.payload),
///     r#"{"customer_id":"4c91c473-fc12-445a-9c38-40421d47023f","commit_id":"62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35","name":"B"}"#
/// );
/// ```
///
/// The last original read is kept: a page that plans every change against the same original does
/// not read it again (its text is compared byte for byte; one original is kept, never more).
pub fn plan_edit(original: &str, draft: &str, context: &str) -> Result<EditPlan, ApiError> {
    plan_against(&loaded_original(original)?, draft, context)
}

/// The loaded original spelled `text`: the kept one, or read now and kept.
fn loaded_original(text: &str) -> Result<Against, ApiError> {
    if let Some(kept) = kept_spelled(text) {
        return Ok(kept);
    }
    let loaded = Rc::new(EditState::load_original(&object(text, "original")?));
    let serial =
        LAST_ORIGINAL.with(|last| last.borrow_mut().keep(text.into(), loaded.clone(), None));
    Ok(Against {
        loaded,
        known: None,
        serial,
    })
}

/// The kept original, if it is spelled `text` (compared byte for byte).
fn kept_spelled(text: &str) -> Option<Against> {
    LAST_ORIGINAL.with(|last| {
        last.borrow_mut()
            .again(|k| json::bytes::same(k.text.as_bytes(), text.as_bytes()))
    })
}

/// The kept original, if it is still the one named `serial`.
fn kept(serial: u64) -> Option<Against> {
    LAST_ORIGINAL.with(|last| {
        let mut last = last.borrow_mut();
        (last.serial == serial).then_some(())?;
        last.again(|_| true)
    })
}

fn plan_against(original: &Against, draft: &str, context: &str) -> Result<EditPlan, ApiError> {
    Ok(state_for(original, draft, context)?.full_plan())
}

fn state_for(original: &Against, draft: &str, context: &str) -> Result<EditState, ApiError> {
    state_for_draft(original, Draft::Plain(draft), context)
}

/// A draft's text: plain JSON, or *marked* by the JS boundary (some items named as the kept
/// original's, see [`KnownItems`]): only the original's known items can read it.
#[derive(Clone, Copy)]
pub enum Draft<'t> {
    Plain(&'t str),
    Marked(&'t str),
}

fn state_for_draft(
    original: &Against,
    draft: Draft<'_>,
    context: &str,
) -> Result<EditState, ApiError> {
    let d = draft_of(draft, original.known.as_deref())?;
    let c = object(context, "context")?;
    Ok(EditState::from_loaded(original.loaded.copy(), &c, d))
}

/// The draft read from its text; the items `known` has are taken from there, not read again.
fn draft_of(draft: Draft<'_>, known: Option<&KnownItems>) -> Result<CommitDraft, ApiError> {
    let (text, marked) = match draft {
        Draft::Plain(t) => (t, false),
        Draft::Marked(t) => (t, true),
    };
    if let Some(known) = known {
        let mut reused = if marked {
            Reused::marked(known)
        } else {
            Reused::new(known)
        };
        let v = json::parse_watching(text, &mut reused).map_err(|e| parse_error(e, "draft"))?;
        // Held to the limit of the text it stands for, whichever original is kept.
        if reused.expanded_len(text.len()) > json::MAX_INPUT_BYTES {
            return Err(too_large("draft"));
        }
        let v = object_value(v, "draft")?;
        if let Some(d) = read_reusing(&v, &reused) {
            return Ok(d);
        }
        if marked {
            let whole = known.expand(text).ok_or_else(unknown_marker)?;
            return Ok(EditState::read_draft(&object(&whole, "draft")?));
        }
    } else if marked {
        return Err(unknown_marker());
    }
    Ok(EditState::read_draft(&object(text, "draft")?))
}

fn unknown_marker() -> ApiError {
    ApiError::new(
        ThrownCode::NotAnObject,
        "draft",
        "",
        "a marked draft names an item its original does not have",
    )
}

/// An edit plan as JSON text without its `preview`, and the ticket [`edit_preview`] takes for it.
#[derive(Debug)]
pub struct PlanHead {
    pub text: String,
    pub ticket: u64,
    /// The number that names the original it was planned against, kept now: it is given back to
    /// [`plan_edit_kept_head`] while that original is still the kept one.
    pub original: u64,
}

/// [`plan_edit`] with the preview left for later: it is as large as the commit and most callers
/// never read it. The text is exactly [`plan_edit`]'s JSON without the `preview` key.
pub fn plan_edit_head(original: &str, draft: &str, context: &str) -> Result<PlanHead, ApiError> {
    head_against(&loaded_original(original)?, draft, context)
}

/// [`plan_edit_kept_head`] for a draft whose unchanged items the boundary named by their place
/// among the kept original's (see [`KnownItems`]); `None` when that original is not kept now or its
/// items could not be learnt.
pub fn plan_edit_marked_head(
    serial: u64,
    draft: &str,
    context: &str,
) -> Option<Result<PlanHead, ApiError>> {
    let original = kept(serial).filter(|k| k.known.is_some())?;
    Some(head_for(&original, Draft::Marked(draft), context))
}

/// [`plan_edit_marked_head`] for an original that is not the kept one: the draft's unchanged items
/// are named by their place among this original's own (see [`KnownItems`]). The original is
/// parsed once, for the plan and for the items the draft names, and kept.
pub fn plan_edit_new_marked_head(
    original: &str,
    draft: &str,
    context: &str,
) -> Result<PlanHead, ApiError> {
    head_for(&learnt_original(original)?, Draft::Marked(draft), context)
}

/// [`loaded_original`] with its items learnt too (what a marked draft is read with).
fn learnt_original(text: &str) -> Result<Against, ApiError> {
    if let Some(kept) = kept_spelled(text) {
        return Ok(kept);
    }
    let text: Rc<str> = text.into();
    let mut spans = ItemSpans::default();
    let root = json::parse_watching(&text, &mut spans).map_err(|e| parse_error(e, "original"))?;
    let root = object_value(root, "original")?;
    let loaded = Rc::new(EditState::load_original(&root));
    let known = Rc::new(KnownItems::of(text.clone(), &root, &spans));
    let serial = LAST_ORIGINAL.with(|last| {
        last.borrow_mut()
            .keep(text.clone(), loaded.clone(), Some(known.clone()))
    });
    Ok(Against {
        loaded,
        known: Some(known),
        serial,
    })
}

/// [`edit_preview_of`] for a marked draft (see [`plan_edit_marked_head`]) and its original's text.
pub fn edit_preview_of_marked(
    original: &str,
    draft: &str,
    context: &str,
) -> Result<String, ApiError> {
    let mut against = loaded_original(original)?;
    if against.known.is_none() {
        against.known = KnownItems::read(original.into()).ok().map(Rc::new);
    }
    let mut state = state_for_draft(&against, Draft::Marked(draft), context)?;
    Ok(to_json(&state.full_plan().preview))
}

/// [`plan_edit_head`] against the kept original named `serial`; `None` when another one is kept now.
pub fn plan_edit_kept_head(
    serial: u64,
    draft: &str,
    context: &str,
) -> Option<Result<PlanHead, ApiError>> {
    Some(head_against(&kept(serial)?, draft, context))
}

fn head_against(original: &Against, draft: &str, context: &str) -> Result<PlanHead, ApiError> {
    head_for(original, Draft::Plain(draft), context)
}

fn head_for(original: &Against, draft: Draft<'_>, context: &str) -> Result<PlanHead, ApiError> {
    let mut state = state_for_draft(original, draft, context)?;
    let a = state.assemble();
    let text = to_json(&HeadView {
        payload: (!a.blocked).then_some(&a.payload),
        issues: &a.issues,
        changes: &a.changes,
    });
    let ticket = PENDING_PREVIEW.with(|p| p.borrow_mut().hold(state.original, a.payload));
    Ok(PlanHead {
        text,
        ticket,
        original: original.serial,
    })
}

/// The preview of the plan that got `ticket`, as JSON text, while no later plan took its place
/// (only the last plan's is held). `None` otherwise: plan the same texts again to get it.
pub fn edit_preview(ticket: u64) -> Option<String> {
    let (original, payload) = PENDING_PREVIEW.with(|p| p.borrow_mut().take(ticket))?;
    Some(to_json(&preview_of(&original, &payload)))
}

/// The preview of a plan made from these texts (the same answer as [`plan_edit`]'s `preview`).
pub fn edit_preview_of(original: &str, draft: &str, context: &str) -> Result<String, ApiError> {
    Ok(to_json(&plan_edit(original, draft, context)?.preview))
}

/// [`EditPlan`] without its preview, borrowed: the same keys in the same order.
#[derive(Serialize)]
struct HeadView<'a> {
    payload: Option<&'a EditCommitPayload>,
    issues: &'a [crate::issue::Issue],
    changes: &'a [crate::plan::output::Change],
}

/// What the last head's preview is computed from, until it is asked for or another plan is made.
#[derive(Default)]
struct PendingPreview {
    held: Option<(u64, Rc<Commit>, EditCommitPayload)>,
    tickets: u64,
}

impl PendingPreview {
    fn hold(&mut self, original: Rc<Commit>, payload: EditCommitPayload) -> u64 {
        self.tickets += 1;
        self.held = Some((self.tickets, original, payload));
        self.tickets
    }

    fn take(&mut self, ticket: u64) -> Option<(Rc<Commit>, EditCommitPayload)> {
        match self.held.take() {
            Some((t, original, payload)) if t == ticket => Some((original, payload)),
            other => {
                self.held = other;
                None
            }
        }
    }
}

/// The last original `plan_edit` read, and a number that changes with it.
#[derive(Default)]
struct Last {
    kept: Option<Kept>,
    serial: u64,
}

struct Kept {
    text: Rc<str>,
    loaded: Rc<LoadedOriginal>,
    /// Its items by text, learnt when it is planned against a second time.
    known: Option<Rc<KnownItems>>,
}

/// An original to plan against.
struct Against {
    loaded: Rc<LoadedOriginal>,
    known: Option<Rc<KnownItems>>,
    serial: u64,
}

impl Last {
    /// The kept original, if `is_it`, for one more plan.
    fn again(&mut self, is_it: impl FnOnce(&Kept) -> bool) -> Option<Against> {
        let kept = self.kept.as_mut().filter(|k| is_it(k))?;
        if kept.known.is_none() {
            kept.known = KnownItems::read(kept.text.clone()).ok().map(Rc::new);
        }
        Some(Against {
            loaded: kept.loaded.clone(),
            known: kept.known.clone(),
            serial: self.serial,
        })
    }

    fn keep(
        &mut self,
        text: Rc<str>,
        loaded: Rc<LoadedOriginal>,
        known: Option<Rc<KnownItems>>,
    ) -> u64 {
        self.kept = Some(Kept {
            text,
            loaded,
            known,
        });
        self.serial += 1;
        self.serial
    }
}

thread_local! {
    static LAST_ORIGINAL: RefCell<Last> = RefCell::new(Last::default());
    static PENDING_PREVIEW: RefCell<PendingPreview> = RefCell::new(PendingPreview::default());
}

pub fn apply_edit(original: &str, payload: &str) -> Result<Commit, ApiError> {
    let (o, p) = (object(original, "original")?, object(payload, "payload")?);
    let mut issues = Issues::default();
    let commit = read_commit(
        &mut Reader::for_original(&mut issues),
        &o,
        &json::Path::Root,
    );
    if let Some(i) = issues.0.first() {
        return Err(ApiError::new(
            ThrownCode::InvalidOriginal,
            "original",
            i.path.clone(),
            i.message.clone(),
        ));
    }
    let payload: EditCommitPayload = read_edit_payload(&mut Reader::for_body(&mut issues), &p)
        .ok_or_else(|| {
            let first = issues.0.first();
            ApiError::new(
                ThrownCode::InvalidPayload,
                "payload",
                first.map_or(String::new(), |i| i.path.clone()),
                first.map_or("the payload cannot be read".to_owned(), |i| {
                    i.message.clone()
                }),
            )
        })?;
    apply(&commit, &payload)
        .map_err(|e| ApiError::new(ThrownCode::InvalidPayload, "payload", e.path, e.message))
}

/// An optional argument: absent (`undefined` in JS) or `null` reads as an empty object.
fn object_or_empty<'a>(
    text: Option<&'a str>,
    argument: &'static str,
) -> Result<Value<'a>, ApiError> {
    match text.map(|t| any(t, argument)).transpose()? {
        None | Some(Value::Null) => Ok(Value::Object(Vec::new())),
        Some(v) => object_value(v, argument),
    }
}

pub fn plan_create(
    draft: &str,
    context: Option<&str>,
) -> Result<crate::plan::create::CreatePlan, ApiError> {
    let (d, c) = (
        object(draft, "draft")?,
        object_or_empty(context, "context")?,
    );
    Ok(crate::plan::create::plan_create(&d, &c))
}

pub fn plan_end_date(
    original: &str,
    request: &str,
    context: Option<&str>,
) -> Result<crate::plan::end_date::EndDatePlan, ApiError> {
    let (o, r, c) = (
        object(original, "original")?,
        object(request, "request")?,
        object_or_empty(context, "context")?,
    );
    Ok(crate::plan::end_date::plan_end_date(&o, &r, &c))
}

pub fn plan_disable_trueup(
    original: &str,
    request: &str,
) -> Result<crate::plan::trueup::TrueupPlan, ApiError> {
    let (o, r) = (object(original, "original")?, object(request, "request")?);
    Ok(crate::plan::trueup::plan_disable_trueup(&o, &r))
}

pub fn generate_schedule(rule: &str) -> Result<crate::plan::generate::GeneratedSchedule, ApiError> {
    let r = object(rule, "rule")?;
    Ok(crate::plan::generate::generate_schedule(&r))
}
