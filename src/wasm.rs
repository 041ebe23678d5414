//! The JavaScript boundary: every `#[wasm_bindgen]` export, and nothing but conversions. Arguments
//! cross as JSON text (one `JSON.stringify` per argument, which also refuses cycles and BigInts),
//! answers as JSON text (`JSON.parse`), so plain objects come out and nothing is copied field by field.

use crate::api::{self, ApiError};
use crate::json::Value;
use crate::session::Session;
use js_sys::{Error, JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;

fn text(v: &JsValue, argument: &'static str) -> Result<String, JsValue> {
    if v.is_undefined() {
        return Err(throw(ApiError::new(
            "not_an_object",
            argument,
            "",
            "expected an object, got undefined",
        )));
    }
    match JSON::stringify(v) {
        Ok(s) => Ok(String::from(s)),
        Err(e) => {
            let range = e.dyn_ref::<js_sys::RangeError>().is_some();
            let (code, why) = if range {
                ("too_deep", "nested too deeply")
            } else {
                ("unserializable", "not JSON data (a cycle or a BigInt?)")
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

fn throw(e: ApiError) -> JsValue {
    let err = Error::new(&e.to_string());
    err.set_name("CommitEditorError");
    for (k, v) in [("code", e.code), ("argument", e.argument)] {
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
    let (o, d, c) = (
        text(&original, "original")?,
        text(&draft, "draft")?,
        text(&context, "context")?,
    );
    api::plan_edit(&o, &d, &c).map(|p| out(&p)).map_err(throw)
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
        Ok(CommitEditor { session })
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn set(
        &mut self,
        path: &str,
        #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    ) -> Result<JsValue, JsValue> {
        let v = text_opt(&value, "value")?;
        let parsed = match &v {
            Some(t) => Some(api::any(t, "value").map_err(throw)?),
            None => None,
        };
        Ok(out(&self.session.set(path, parsed.as_ref())))
    }

    #[wasm_bindgen(js_name = addItem, unchecked_return_type = "SessionPlan")]
    pub fn add_item(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"access\" | \"invoice\"")] schedule: &str,
        #[wasm_bindgen(unchecked_param_type = "AccessItemDraft | InvoiceItemDraft")] item: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t = text(&item, "item")?;
        let v = api::any(&t, "item").map_err(throw)?;
        Ok(out(&self.session.add_item(schedule, &v)))
    }

    #[wasm_bindgen(js_name = removeItem, unchecked_return_type = "SessionPlan")]
    pub fn remove_item(&mut self, path: &str) -> JsValue {
        out(&self.session.remove_item(path))
    }

    #[wasm_bindgen(js_name = replaceDraft, unchecked_return_type = "SessionPlan")]
    pub fn replace_draft(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CommitDraft")] draft: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t = text(&draft, "draft")?;
        let v = parsed(&t, "draft")?;
        Ok(out(&self.session.replace_draft(&v)))
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn undo(&mut self) -> JsValue {
        out(&self.session.undo())
    }

    #[wasm_bindgen(unchecked_return_type = "SessionPlan")]
    pub fn redo(&mut self) -> JsValue {
        out(&self.session.redo())
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
        out(&self.session.plan())
    }

    #[wasm_bindgen(unchecked_return_type = "Commit")]
    pub fn preview(&mut self) -> JsValue {
        out(&self.session.preview())
    }

    #[wasm_bindgen(unchecked_return_type = "CommitDraft")]
    pub fn draft(&self) -> JsValue {
        out(&self.session.draft())
    }
}
