//! The boundary, in wasm: the whole fixture table through the exported functions, and the
//! promises of the JS surface (plain objects, null not undefined, errors as real `Error`s, and a
//! module that keeps working after junk). Runs in Node, and in headless Chromium with
//! WASM_BINDGEN_USE_BROWSER=1.
#![cfg(target_arch = "wasm32")]

mod common;

use commit_editor::wasm;
use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

fn js(v: &Value) -> JsValue {
    JSON::parse(&v.to_string()).unwrap_or(JsValue::UNDEFINED)
}

fn back(v: &JsValue) -> Value {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

fn prop(v: &JsValue, key: &str) -> String {
    Reflect::get(v, &key.into())
        .ok()
        .and_then(|x| x.as_string())
        .unwrap_or_default()
}

fn outcome(r: Result<JsValue, JsValue>) -> common::Outcome {
    r.map(|v| back(&v))
        .map_err(|e| (prop(&e, "code"), prop(&e, "path")))
}

fn call(f: &str, args: &[Value]) -> Option<common::Outcome> {
    let a = |i: usize| args.get(i).map_or(JsValue::UNDEFINED, js);
    Some(match f {
        "planEdit" => {
            // Three times: the second call finds the original kept by its text, the third by the
            // walk beside its copy; neither may change the answer.
            let first = outcome(wasm::plan_edit(a(0), a(1), a(2)));
            for call in ["second", "third"] {
                if outcome(wasm::plan_edit(a(0), a(1), a(2))) != first {
                    let why =
                        format!("the {call} planEdit with the same arguments answered otherwise");
                    return Some(Err((why, String::new())));
                }
            }
            first
        }
        "applyEdit" => outcome(wasm::apply_edit(a(0), a(1))),
        "planCreate" => outcome(wasm::plan_create(a(0), a(1))),
        "planEndDate" => outcome(wasm::plan_end_date(a(0), a(1), a(2))),
        "planDisableTrueup" => outcome(wasm::plan_disable_trueup(a(0), a(1))),
        "generateSchedule" => outcome(wasm::generate_schedule(a(0))),
        _ => return None,
    })
}

#[wasm_bindgen_test]
fn every_fixture_passes_in_wasm() {
    let (ran, failures) = common::run_all(call);
    assert!(ran > 150, "only {ran} fixtures ran");
    assert!(
        failures.is_empty(),
        "{} of {ran} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn sample() -> (JsValue, JsValue) {
    let (_, text) = common::FIXTURES
        .iter()
        .find(|(n, _)| n.ends_with("access_amount_updated.json"))
        .copied()
        .unwrap_or(("", "{}"));
    let f: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    (js(&f["args"][0]), js(&f["args"][2]))
}

#[wasm_bindgen_test]
fn answers_are_plain_objects_with_null_not_undefined() {
    let (original, context) = sample();
    let plan = wasm::plan_edit(original.clone(), original, context).unwrap_or(JsValue::UNDEFINED);
    assert_eq!(
        Object::get_prototype_of(&plan),
        Object::get_prototype_of(&Object::new())
    );
    let payload = Reflect::get(&plan, &"payload".into()).unwrap_or(JsValue::UNDEFINED);
    assert!(
        payload.is_null(),
        "an unchanged draft gives payload null, not undefined"
    );
    assert!(Array::is_array(
        &Reflect::get(&plan, &"issues".into()).unwrap_or(JsValue::UNDEFINED)
    ));
    let preview = Reflect::get(&plan, &"preview".into()).unwrap_or(JsValue::UNDEFINED);
    assert!(preview.is_object() && !preview.is_instance_of::<js_sys::Map>());
}

#[wasm_bindgen_test]
fn unusable_input_throws_a_real_error_with_code_and_path() {
    let (original, context) = sample();
    for junk in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from(5),
        JsValue::from("x"),
        Array::new().into(),
    ] {
        let err = wasm::plan_edit(junk, original.clone(), context.clone())
            .err()
            .unwrap_or(JsValue::NULL);
        assert!(err.is_instance_of::<js_sys::Error>());
        assert_eq!(prop(&err, "name"), "CommitEditorError");
        assert_eq!(prop(&err, "code"), "not_an_object");
        assert!(Reflect::has(&err, &"path".into()).unwrap_or(false));
    }
    // A cycle: JSON.stringify refuses it; the module answers with an Error and stays usable.
    let cyclic = Object::new();
    let _ = Reflect::set(&cyclic, &"self".into(), &cyclic);
    let err = wasm::plan_edit(cyclic.into(), original.clone(), context.clone())
        .err()
        .unwrap_or(JsValue::NULL);
    assert_eq!(prop(&err, "code"), "unserializable");
    assert!(
        wasm::plan_edit(original.clone(), original, context).is_ok(),
        "the module still works after junk"
    );
}

#[wasm_bindgen_test]
fn the_session_answers_like_plan_edit() {
    let (original, context) = sample();
    let mut editor = wasm::CommitEditor::new(original.clone(), context.clone())
        .unwrap_or_else(|_| unreachable!());
    let plan = editor
        .set(
            "/access_schedule/schedule_items/1/amount".into(),
            JsValue::from("150000"),
        )
        .unwrap_or(JsValue::NULL);
    let one_shot = wasm::plan_edit(original, editor.draft(), context).unwrap_or(JsValue::NULL);
    for key in ["payload", "issues", "changes"] {
        let a = back(&Reflect::get(&plan, &key.into()).unwrap_or(JsValue::NULL));
        let b = back(&Reflect::get(&one_shot, &key.into()).unwrap_or(JsValue::NULL));
        assert_eq!(a, b, "{key}");
    }
    assert!(editor.can_undo());
    let _ = editor.set(JsValue::from("/no_such_field"), JsValue::from(1));
    let _ = editor.undo();
    let _ = editor.undo();
    assert!(!editor.can_undo());
    assert!(
        back(&Reflect::get(&editor.plan(), &"payload".into()).unwrap_or(JsValue::NULL)).is_null()
    );
}

/// The heap grows geometrically (`src/heap.rs`): 32 MiB allocated 4 KiB at a time grows memory a
/// few times past 8 MiB, not once per few pieces (in V8 each grow costs time in proportion to the
/// memory there, which made the first large input of an instance quadratic).
#[wasm_bindgen_test]
fn memory_grows_geometrically() {
    use std::arch::wasm32::memory_size;
    let (mut pages, mut grows) = (memory_size::<0>(), 0);
    let mut kept = Vec::new();
    for i in 0..(32 << 20) / 4096 {
        kept.push(vec![i as u8; 4096]);
        let now = memory_size::<0>();
        if now != pages && now * 65_536 > 8 << 20 {
            grows += 1;
        }
        pages = now;
    }
    assert_eq!(kept.len(), 8_192);
    assert!(grows <= 6, "memory grew {grows} times past 8 MiB");
}
