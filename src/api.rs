//! The public functions over JSON text, exactly as the JS exports behave: the wasm boundary hands
//! them `JSON.stringify` of its arguments and `JSON.parse`s what they return. Native tests call
//! them too, so one fixture table checks both.

use crate::issue::Issues;
use crate::json::{self, ParseError, Value};
use crate::model::{Commit, EditCommitPayload};
use crate::plan::apply::apply_edit as apply;
use crate::plan::edit::{EditState, LoadedOriginal};
use crate::plan::output::{EditPlan, SessionPlan};
use crate::read::commit::read_commit;
use crate::read::payload::read_edit_payload;
use crate::read::Reader;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// Unusable input: the only failures that are thrown (as a JS `Error`) rather than returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// Stable: `not_an_object`, `too_deep`, `too_large`, `invalid_json`, `unserializable`, `invalid_payload`.
    pub code: &'static str,
    /// Which argument (`original`, `draft`, `context`, `payload`, …).
    pub argument: &'static str,
    /// JSON Pointer inside that argument.
    pub path: String,
    pub message: String,
}

impl ApiError {
    pub fn new(
        code: &'static str,
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
    let v = any(text, argument)?;
    match v {
        Value::Object(_) => Ok(v),
        other => Err(ApiError::new(
            "not_an_object",
            argument,
            "",
            format!("expected an object, got {}", other.kind()),
        )),
    }
}

/// Parses one argument's JSON text, whatever its type.
pub fn any<'a>(text: &'a str, argument: &'static str) -> Result<Value<'a>, ApiError> {
    json::parse(text).map_err(|e| {
        let code = match e {
            ParseError::TooDeep => "too_deep",
            ParseError::TooLarge => "too_large",
            ParseError::Syntax(..) => "invalid_json",
        };
        ApiError::new(code, argument, "", e.to_string())
    })
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
    let loaded = match LAST_ORIGINAL.with(|last| last.borrow().for_text(original)) {
        Some(loaded) => loaded,
        None => {
            let loaded = Rc::new(EditState::load_original(&object(original, "original")?));
            LAST_ORIGINAL.with(|last| last.borrow_mut().keep(original, loaded.clone()));
            loaded
        }
    };
    plan_against(&loaded, draft, context)
}

/// Which original `plan_edit` keeps, if it is the one spelled `text`: a number that names it for
/// [`plan_edit_kept`] (so a caller that can tell the same text cheaply need not pass it again).
pub fn kept_original(text: &str) -> Option<u64> {
    LAST_ORIGINAL.with(|last| {
        let last = last.borrow();
        last.for_text(text)?;
        Some(last.serial)
    })
}

/// [`plan_edit`] against the kept original named `serial`; `None` when another one is kept now.
pub fn plan_edit_kept(
    serial: u64,
    draft: &str,
    context: &str,
) -> Option<Result<EditPlan, ApiError>> {
    let loaded = LAST_ORIGINAL.with(|last| {
        let last = last.borrow();
        (last.serial == serial).then(|| last.kept.as_ref().map(|(_, l)| l.clone()))?
    })?;
    Some(plan_against(&loaded, draft, context))
}

fn plan_against(loaded: &LoadedOriginal, draft: &str, context: &str) -> Result<EditPlan, ApiError> {
    let (d, c) = (object(draft, "draft")?, object(context, "context")?);
    Ok(EditState::from_loaded(loaded.copy(), &c, EditState::read_draft(&d)).full_plan())
}

/// The last original `plan_edit` read, with its text, and a number that changes with it.
#[derive(Default)]
struct Last {
    kept: Option<(Box<str>, Rc<LoadedOriginal>)>,
    serial: u64,
}

impl Last {
    fn for_text(&self, text: &str) -> Option<Rc<LoadedOriginal>> {
        let (kept, loaded) = self.kept.as_ref()?;
        (**kept == *text).then(|| loaded.clone())
    }

    fn keep(&mut self, text: &str, loaded: Rc<LoadedOriginal>) {
        self.kept = Some((text.into(), loaded));
        self.serial += 1;
    }
}

thread_local! {
    static LAST_ORIGINAL: RefCell<Last> = RefCell::new(Last::default());
}

/// An edit plan as two JSON texts: the plan without its preview, and the preview.
pub fn edit_plan_texts(plan: EditPlan) -> (String, String) {
    let EditPlan {
        payload,
        issues,
        changes,
        preview,
    } = plan;
    let head = SessionPlan {
        payload,
        issues,
        changes,
        origins: Default::default(),
    };
    (to_json(&head), to_json(&preview))
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
            "invalid_original",
            "original",
            i.path.clone(),
            i.message.clone(),
        ));
    }
    let payload: EditCommitPayload = read_edit_payload(&mut Reader::new(&mut issues), &p)
        .ok_or_else(|| {
            let first = issues.0.first();
            ApiError::new(
                "invalid_payload",
                "payload",
                first.map_or(String::new(), |i| i.path.clone()),
                first.map_or("the payload cannot be read".to_owned(), |i| {
                    i.message.clone()
                }),
            )
        })?;
    apply(&commit, &payload)
        .map_err(|e| ApiError::new("invalid_payload", "payload", e.path, e.message))
}

/// An optional argument: absent (`undefined` in JS) or `null` reads as an empty object.
fn object_or_empty<'a>(
    text: Option<&'a str>,
    argument: &'static str,
) -> Result<Value<'a>, ApiError> {
    match text.map(|t| any(t, argument)).transpose()? {
        None | Some(Value::Null) => Ok(Value::Object(Vec::new())),
        Some(v @ Value::Object(_)) => Ok(v),
        Some(other) => Err(ApiError::new(
            "not_an_object",
            argument,
            "",
            format!("expected an object, got {}", other.kind()),
        )),
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
