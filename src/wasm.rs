//! The JavaScript boundary: every `#[wasm_bindgen]` export, and nothing but conversions. Arguments
//! cross as JSON text (one `JSON.stringify` per argument, which also refuses cycles and BigInts;
//! `src/js/arguments.js` keeps NaN and ±Infinity from passing as `null`),
//! answers as JSON text (`JSON.parse`), so plain objects come out and nothing is copied field by field.

use crate::api::{self, ApiError, ThrownCode};
use crate::json::Value;
use crate::session::answer::Answers;
use crate::session::{Edit, Session};
use js_sys::{Error, JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/shortest_spelling.js")]
extern "C" {
    #[wasm_bindgen(js_name = shortestSpelling)]
    fn shortest_spelling(text: &str) -> Option<String>;
}

#[wasm_bindgen(module = "/src/js/encode_into.js")]
extern "C" {
    /// Writes `text` as UTF-8 into wasm memory at `at`: the bytes written, or -1 when `room`
    /// bytes are too few.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsValue, memory: &JsValue, at: u32, room: u32) -> i32;
}

#[wasm_bindgen(module = "/src/session/answer.js")]
extern "C" {
    /// A session answer's text (`session::answer`) as a plan object; `state` keeps the elements
    /// the next answer may refer to.
    #[wasm_bindgen(catch, js_name = sessionAnswer)]
    fn session_answer(text: &str, state: &JsValue) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/src/js/arguments.js")]
extern "C" {
    /// `JSON.stringify`, typed loosely: it answers `undefined` for symbols, functions and values
    /// whose `toJSON` gives nothing, and throws on cycles and BigInts. NaN and ±Infinity are
    /// written as `{"$nonFinite": "NaN"}`, not as `null`.
    #[wasm_bindgen(catch, js_name = stringify)]
    fn json_stringify(v: &JsValue) -> Result<JsValue, JsValue>;
    /// The draft's text with the items that are the kept original's (told beside `copy`) named by
    /// markers (`read::known_items`); `undefined` when the draft is not a plain object.
    #[wasm_bindgen(catch, js_name = markedDraft)]
    fn marked_draft(draft: &JsValue, copy: &JsValue) -> Result<JsValue, JsValue>;
    /// The draft's text with the items that are `original`'s own (told by a walk beside it)
    /// named by markers; `undefined` when none is, or the draft is not a plain object.
    #[wasm_bindgen(catch, js_name = markedAgainst)]
    fn marked_against(draft: &JsValue, original: &JsValue) -> Result<JsValue, JsValue>;
    /// A copy of the value `text` spells, for [`same_as_copy`].
    #[wasm_bindgen(catch, js_name = copyOfText)]
    fn copy_of_text(text: &JsValue) -> Result<JsValue, JsValue>;
    /// Whether `JSON.stringify(value)` is the text `copy` was made from (false when unsure).
    #[wasm_bindgen(catch, js_name = sameAsCopy)]
    fn same_as_copy(value: &JsValue, copy: &JsValue) -> Result<bool, JsValue>;
    /// `JSON.parse` that turns [`json_stringify`]'s markers back into NaN, ±Infinity and BigInts.
    #[wasm_bindgen(catch, js_name = parseSpelled)]
    fn parse_spelled(text: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/src/js/lazy_preview.js")]
extern "C" {
    /// The plan parsed, with a `preview` that `preview_of(ticket, original, draft, context)`
    /// gives on first read.
    #[wasm_bindgen(js_name = lazyPreview)]
    fn lazy_preview(
        plan: &str,
        preview_of: &JsValue,
        ticket: f64,
        original: &JsValue,
        draft: &JsValue,
        context: &JsValue,
        marked: bool,
    ) -> JsValue;
}

type PreviewOf = Closure<dyn Fn(f64, JsValue, JsValue, JsValue, bool) -> JsValue>;

thread_local! {
    static MEMORY: JsValue = wasm_bindgen::memory();
    static KEPT_ORIGINAL: std::cell::RefCell<Option<KeptText>> = const { std::cell::RefCell::new(None) };
    /// What a `planEdit` answer calls when its `preview` is first read.
    static PREVIEW_OF: PreviewOf = Closure::new(preview_of);
}

/// The JS text of the original `api::plan_edit` keeps, and the number that names it there.
struct KeptText {
    text: JsValue,
    serial: u64,
    /// Made once the same original comes again: then it is told by a walk, not by its text.
    copy: Option<JsValue>,
}

/// The kept original's text, number and copy, if `original` is that one (a walk beside its copy).
fn kept_by_walk(original: &JsValue) -> Option<(JsValue, u64, JsValue)> {
    KEPT_ORIGINAL.with(|k| {
        let k = k.borrow();
        let k = k.as_ref()?;
        let copy = k.copy.as_ref()?;
        let same = same_as_copy(original, copy).unwrap_or(false);
        same.then(|| (k.text.clone(), k.serial, copy.clone()))
    })
}

/// The kept original's number, if `text` is its text (`===` on the two JS strings).
fn kept_by_text(text: &JsValue) -> Option<u64> {
    KEPT_ORIGINAL.with(|k| {
        let mut k = k.borrow_mut();
        let k = k.as_mut().filter(|k| k.text == *text)?;
        if k.copy.is_none() {
            k.copy = copy_of_text(text).ok();
        }
        Some(k.serial)
    })
}

/// The preview of a plan `planEdit` made from these texts: from what the module still holds for
/// `ticket`, or planned again from the texts (the same answer: planning is a function of them).
fn preview_of(
    ticket: f64,
    original: JsValue,
    draft: JsValue,
    context: JsValue,
    marked: bool,
) -> JsValue {
    let text = api::edit_preview(ticket as u64).or_else(|| {
        let [o, d, c] = [original, draft, context].map(|t| rust_string(&t));
        let (o, d, c) = (o?, d?, c?);
        if marked {
            api::edit_preview_of_marked(&o, &d, &c).ok()
        } else {
            api::edit_preview_of(&o, &d, &c).ok()
        }
    });
    text.map_or(JsValue::NULL, |t| JsValue::from_str(&t))
}

/// A JS string as a Rust `String`. Short ones go through the glue; long ones are encoded by the
/// platform straight into wasm memory.
fn rust_string(s: &JsValue) -> Option<String> {
    const LONG: u32 = 64;
    let len = s.dyn_ref::<JsString>()?.length();
    if len < LONG {
        return s.as_string();
    }
    // Most texts are ASCII (one byte per UTF-16 unit); three bytes per unit always do.
    for room in [len as usize, 3 * len as usize] {
        let mut buf: Vec<u8> = Vec::with_capacity(room);
        let at = buf.as_mut_ptr() as u32;
        let written = MEMORY.with(|m| encode_into(s, m, at, room as u32));
        if let Ok(written) = usize::try_from(written) {
            // SAFETY: the encoder wrote `written <= room` initialised bytes at the buffer's start.
            unsafe { buf.set_len(written.min(room)) };
            // TextEncoder writes well-formed UTF-8 (a lone surrogate becomes U+FFFD).
            return String::from_utf8(buf).ok();
        }
    }
    None
}

fn text(v: &JsValue, argument: &'static str) -> Result<String, JsValue> {
    let s = stringified(v, argument)?;
    rust_string(&s).ok_or_else(|| not_json(v, argument))
}

fn not_json(v: &JsValue, argument: &'static str) -> JsValue {
    let what = if v.is_undefined() {
        "undefined"
    } else {
        "something that is not JSON data"
    };
    throw(ApiError::new(
        ThrownCode::NotAnObject,
        argument,
        "",
        format!("expected an object, got {what}"),
    ))
}

/// `JSON.stringify(v)`, still a JS value (`undefined` for what JSON cannot hold).
fn stringified(v: &JsValue, argument: &'static str) -> Result<JsValue, JsValue> {
    // Every input crosses here first: from now on, decimals are told JS numbers by JS's digits.
    crate::values::decimal::lend_shortest_spelling(shortest_spelling);
    match json_stringify(v) {
        Ok(s) if s.is_string() => Ok(s),
        Ok(_) => Err(not_json(v, argument)),
        Err(e) => {
            let range = e.dyn_ref::<js_sys::RangeError>().is_some();
            let (code, why) = if range {
                (ThrownCode::TooDeep, "nested too deeply")
            } else {
                (ThrownCode::Unserializable, "not JSON data (a cycle?)")
            };
            Err(throw(ApiError::new(
                code,
                argument,
                "",
                format!("cannot be read: {why}"),
            )))
        }
    }
}

/// A string argument. Typed `&str` parameters would let the glue pass a non-string into wasm
/// memory, so every string crosses as a `JsValue` and is checked here.
fn string(v: &JsValue, argument: &'static str) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| {
        throw(ApiError::new(
            ThrownCode::NotAString,
            argument,
            "",
            "expected a string",
        ))
    })
}

/// Like [`text`], but `undefined` stays absent.
fn text_opt(v: &JsValue, argument: &'static str) -> Result<Option<String>, JsValue> {
    if v.is_undefined() {
        Ok(None)
    } else {
        text(v, argument).map(Some)
    }
}

fn out<T: serde::Serialize>(value: &T) -> JsValue {
    JSON::parse(&api::to_json(value)).unwrap_or(JsValue::NULL)
}

// What every export throws for unusable input; `ThrownCode` is generated from the Rust enum.
#[wasm_bindgen(typescript_custom_section)]
const COMMIT_EDITOR_ERROR_TS: &'static str = r#"
/**
 * The `Error` an export throws for unusable input (an argument that is not an object, too deep,
 * too large, not JSON data; an `applyEdit` body the endpoint would refuse; a call on a freed
 * `CommitEditor`). Expected failures are never thrown: they are `issues`. Tell it by its `name`:
 * `e instanceof Error && e.name === "CommitEditorError"`.
 */
export interface CommitEditorError extends Error {
    name: "CommitEditorError";
    code: ThrownCode;
    /** Which argument: `original`, `draft`, `context`, `payload`, `path`, `this`, … */
    argument: string;
    /** A JSON Pointer inside that argument ("" for the whole of it). */
    path: string;
}
"#;

fn throw(e: ApiError) -> JsValue {
    let err = Error::new(&e.to_string());
    err.set_name("CommitEditorError");
    for (k, v) in [("code", e.code.as_str()), ("argument", e.argument)] {
        let _ = Reflect::set(&err, &JsString::from(k), &JsString::from(v));
    }
    let _ = Reflect::set(
        &err,
        &JsString::from("path"),
        &JsString::from(e.path.as_str()),
    );
    err.into()
}

fn parsed<'a>(text: &'a str, argument: &'static str) -> Result<Value<'a>, JsValue> {
    api::object(text, argument).map_err(throw)
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_owned()
}

#[wasm_bindgen(js_name = planEdit, unchecked_return_type = "EditPlan")]
pub fn plan_edit(
    #[wasm_bindgen(unchecked_param_type = "Commit")] original: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CommitDraft")] draft: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EditContext")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let walked = kept_by_walk(&original);
    // The original is the kept one: the draft's items that are its own are named, not written.
    if let Some((o, serial, copy)) = &walked {
        let marked = marked_draft(&draft, copy).ok().filter(JsValue::is_string);
        if let Some(ds) = marked {
            let (d, cs, c) = draft_and_context(&ds, &draft, &context)?;
            if let Some(head) = api::plan_edit_marked_head(*serial, &d, &c) {
                let head = head.map_err(throw)?;
                return Ok(answer(&head, o, &ds, &cs, true));
            }
        }
    }
    let o = match &walked {
        Some((text, _, _)) => text.clone(),
        None => stringified(&original, "original")?,
    };
    // When the original is the one the API keeps, its text is not copied in and compared again.
    let kept = walked
        .map(|(_, serial, _)| serial)
        .or_else(|| kept_by_text(&o));
    if kept.is_none() {
        // A new original: the draft's items that are its own are named, not written.
        let marked = marked_against(&draft, &original)
            .ok()
            .filter(JsValue::is_string);
        if let Some(ds) = marked {
            let (d, cs, c) = draft_and_context(&ds, &draft, &context)?;
            let text = rust_string(&o).ok_or_else(|| not_json(&original, "original"))?;
            let head = keeping(&o, api::plan_edit_new_marked_head(&text, &d, &c)).map_err(throw)?;
            return Ok(answer(&head, &o, &ds, &cs, true));
        }
    }
    let ds = stringified(&draft, "draft")?;
    let (d, cs, c) = draft_and_context(&ds, &draft, &context)?;
    let head = match kept.and_then(|serial| api::plan_edit_kept_head(serial, &d, &c)) {
        Some(head) => head,
        None => {
            let text = rust_string(&o).ok_or_else(|| not_json(&original, "original"))?;
            keeping(&o, api::plan_edit_head(&text, &d, &c))
        }
    }
    .map_err(throw)?;
    Ok(answer(&head, &o, &ds, &cs, false))
}

/// The draft's text `ds` (plain or marked) in Rust, and the context's as a JS and a Rust string.
fn draft_and_context(
    ds: &JsValue,
    draft: &JsValue,
    context: &JsValue,
) -> Result<(String, JsValue, String), JsValue> {
    let d = rust_string(ds).ok_or_else(|| not_json(draft, "draft"))?;
    let cs = stringified(context, "context")?;
    let c = rust_string(&cs).ok_or_else(|| not_json(context, "context"))?;
    Ok((d, cs, c))
}

/// A head planned against the original spelled `text`, which the API keeps now: so does this side.
fn keeping(
    text: &JsValue,
    head: Result<api::PlanHead, ApiError>,
) -> Result<api::PlanHead, ApiError> {
    let serial = head.as_ref().ok().map(|h| h.original);
    KEPT_ORIGINAL.with(|k| {
        *k.borrow_mut() = serial.map(|serial| KeptText {
            text: text.clone(),
            serial,
            copy: None,
        })
    });
    head
}

/// planEdit's answer object, its preview computed when first read (from these texts if by then
/// the module holds another plan's).
fn answer(head: &api::PlanHead, o: &JsValue, ds: &JsValue, cs: &JsValue, marked: bool) -> JsValue {
    PREVIEW_OF.with(|f| {
        lazy_preview(
            &head.text,
            f.as_ref(),
            head.ticket as f64,
            o,
            ds,
            cs,
            marked,
        )
    })
}

#[wasm_bindgen(js_name = applyEdit, unchecked_return_type = "Commit")]
pub fn apply_edit(
    #[wasm_bindgen(unchecked_param_type = "Commit")] original: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EditCommitPayload")] payload: JsValue,
) -> Result<JsValue, JsValue> {
    let (o, p) = (text(&original, "original")?, text(&payload, "payload")?);
    api::apply_edit(&o, &p).map(|c| out(&c)).map_err(throw)
}

/// An editing session: holds the original and the draft in the module and plans each change.
#[wasm_bindgen]
pub struct CommitEditor {
    session: Session,
    /// What the last answer sent, on both sides of the boundary.
    answers: Answers,
    shared: JsValue,
}

impl CommitEditor {
    /// Makes the edit and answers with the plan: only what changed since the last answer crosses
    /// as JSON.
    fn answer(&mut self, edit: Edit<'_>) -> JsValue {
        let outcome = self.session.edit(edit);
        let text = self
            .session
            .answer_after(outcome.clone(), &mut self.answers);
        session_answer(&text, &self.shared).unwrap_or_else(|_| {
            // Both sides forget what was sent; a full answer refers to nothing kept.
            self.answers = Answers::default();
            self.shared = js_sys::Object::new().into();
            let text = self.session.answer_after(outcome, &mut self.answers);
            session_answer(&text, &self.shared).unwrap_or(JsValue::NULL)
        })
    }
}

#[wasm_bindgen]
impl CommitEditor {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Commit")] original: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EditContext")] context: JsValue,
    ) -> Result<CommitEditor, JsValue> {
        let (o, c) = (text(&original, "original")?, text(&context, "context")?);
        let session = Session::new(&parsed(&o, "original")?, &parsed(&c, "context")?);
        Ok(CommitEditor {
            session,
            answers: Answers::default(),
            shared: js_sys::Object::new().into(),
        })
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn set(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    ) -> Result<JsValue, JsValue> {
        let path = string(&path, "path")?;
        // A form's value is usually a string: it needs no JSON round trip.
        if let Some(text) = value.as_string() {
            // Measured as JSON text, as every other argument is (escapes count).
            if crate::json::write::quoted_len(&text) > crate::json::MAX_INPUT_BYTES {
                return Err(throw(api::too_large("value")));
            }
            let value = Value::String(text.into());
            return Ok(self.answer(Edit::Set(&path, Some(&value))));
        }
        let v = text_opt(&value, "value")?;
        let parsed = match &v {
            Some(t) => Some(api::any(t, "value").map_err(throw)?),
            None => None,
        };
        Ok(self.answer(Edit::Set(&path, parsed.as_ref())))
    }

    #[wasm_bindgen(js_name = addItem, unchecked_return_type = "SessionPlan")]
    pub fn add_item(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"access\" | \"invoice\"")] schedule: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AccessItemDraft | InvoiceItemDraft")] item: JsValue,
    ) -> Result<JsValue, JsValue> {
        let schedule = string(&schedule, "schedule")?;
        let t = text(&item, "item")?;
        let v = api::any(&t, "item").map_err(throw)?;
        Ok(self.answer(Edit::AddItem(&schedule, &v)))
    }

    #[wasm_bindgen(js_name = removeItem, unchecked_return_type = "SessionPlan")]
    pub fn remove_item(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    ) -> Result<JsValue, JsValue> {
        let path = string(&path, "path")?;
        Ok(self.answer(Edit::RemoveItem(&path)))
    }

    #[wasm_bindgen(js_name = replaceDraft, unchecked_return_type = "SessionPlan")]
    pub fn replace_draft(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CommitDraft")] draft: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t = text(&draft, "draft")?;
        let v = parsed(&t, "draft")?;
        Ok(self.answer(Edit::ReplaceDraft(&v)))
    }

    /// Plans against another context (invoice statuses, customer, now), keeping draft and history.
    #[wasm_bindgen(js_name = setContext, unchecked_return_type = "SessionPlan")]
    pub fn set_context(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EditContext")] context: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t = text(&context, "context")?;
        let v = parsed(&t, "context")?;
        Ok(self.answer(Edit::SetContext(&v)))
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn undo(&mut self) -> JsValue {
        self.answer(Edit::Undo)
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn redo(&mut self) -> JsValue {
        self.answer(Edit::Redo)
    }

    #[wasm_bindgen(getter, js_name = canUndo)]
    pub fn can_undo(&self) -> bool {
        self.session.can_undo()
    }

    #[wasm_bindgen(getter, js_name = canRedo)]
    pub fn can_redo(&self) -> bool {
        self.session.can_redo()
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn plan(&mut self) -> JsValue {
        self.answer(Edit::Nothing)
    }

    #[wasm_bindgen(unchecked_return_type = "Commit")]
    pub fn preview(&mut self) -> JsValue {
        out(&self.session.preview())
    }

    #[wasm_bindgen(unchecked_return_type = "CommitDraft")]
    pub fn draft(&self) -> JsValue {
        let text = api::to_json(&self.session.draft());
        // A NaN or a BigInt that was set comes back as itself, not as the marker it crossed as.
        // (Any string that starts with `$` takes that road; a substring search would cost 1.5 KB.)
        if text.as_bytes().windows(2).any(|w| w == b"\"$") {
            return parse_spelled(&text).unwrap_or(JsValue::NULL);
        }
        JSON::parse(&text).unwrap_or(JsValue::NULL)
    }
}

#[wasm_bindgen(js_name = planCreate, unchecked_return_type = "CreatePlan")]
pub fn plan_create(
    #[wasm_bindgen(unchecked_param_type = "CreateCommitDraft")] draft: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ now?: string }")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let (d, c) = (text(&draft, "draft")?, text_opt(&context, "context")?);
    api::plan_create(&d, c.as_deref())
        .map(|p| out(&p))
        .map_err(throw)
}

#[wasm_bindgen(js_name = planEndDate, unchecked_return_type = "EndDatePlan")]
pub fn plan_end_date(
    #[wasm_bindgen(unchecked_param_type = "Commit")] original: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EndDateRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EditContext")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let (o, r, c) = (
        text(&original, "original")?,
        text(&request, "request")?,
        text_opt(&context, "context")?,
    );
    api::plan_end_date(&o, &r, c.as_deref())
        .map(|p| out(&p))
        .map_err(throw)
}

#[wasm_bindgen(js_name = planDisableTrueup, unchecked_return_type = "TrueupPlan")]
pub fn plan_disable_trueup(
    #[wasm_bindgen(unchecked_param_type = "Commit")] original: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisableTrueupRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let (o, r) = (text(&original, "original")?, text(&request, "request")?);
    api::plan_disable_trueup(&o, &r)
        .map(|p| out(&p))
        .map_err(throw)
}

// The answer's items follow the rule's kind, so that they drop into a draft's `schedule_items`
// with no cast: overloads, which wasm-bindgen's own declaration cannot state.
#[wasm_bindgen(typescript_custom_section)]
const GENERATE_SCHEDULE_TS: &'static str = r#"
/** `generateSchedule`'s answer for an access rule: items for `access_schedule.schedule_items`. */
export type GeneratedAccessSchedule = Omit<GeneratedSchedule, "items"> & { items: AccessAdd[] };
/** `generateSchedule`'s answer for an invoice rule: items for `invoice_schedule.schedule_items`. */
export type GeneratedInvoiceSchedule = Omit<GeneratedSchedule, "items"> & { items: GeneratedInvoiceItem[] };
/** Spreads a total over a range by a frequency (see `ScheduleRule`); the items sum to it exactly. */
export function generateSchedule(rule: ScheduleRule & { kind: "access" }): GeneratedAccessSchedule;
export function generateSchedule(rule: ScheduleRule & { kind: "invoice" }): GeneratedInvoiceSchedule;
export function generateSchedule(rule: ScheduleRule): GeneratedSchedule;
"#;

#[wasm_bindgen(js_name = generateSchedule, skip_typescript)]
pub fn generate_schedule(
    #[wasm_bindgen(unchecked_param_type = "ScheduleRule")] rule: JsValue,
) -> Result<JsValue, JsValue> {
    let r = text(&rule, "rule")?;
    api::generate_schedule(&r).map(|g| out(&g)).map_err(throw)
}
