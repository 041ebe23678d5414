//! The editing session answers exactly what planEdit answers for the same draft (payload, issues,
//! changes), over random sequences of set, add, remove, undo, redo and whole-draft replacement.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod gen;

use commit_editor::api;
use commit_editor::json;
use commit_editor::session::{answer::Answers, Edit as Change, Session};
use gen::*;
use proptest::prelude::*;
use serde_json::{json, Value};

#[derive(Clone, Debug)]
enum Step {
    Set(String, usize, &'static str, Option<Value>),
    SetItem(String, usize, Value),
    SetTop(&'static str, Option<Value>),
    Add(&'static str, Value),
    Remove(String, usize),
    Undo,
    Redo,
    Replace(Vec<Edit>),
    BadPath(String),
}

fn value() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => (0u64..5_000_000).prop_map(|n| Some(json!(n))),
        2 => (0u64..5000).prop_map(|n| Some(json!(format!(" {n}.5 ")))),
        2 => (0i64..20_000).prop_map(|h| Some(json!(ts(h)))),
        1 => Just(Some(json!("abc"))),
        1 => Just(Some(json!("2024-13-01"))),
        1 => Just(Some(json!(-3))),
        1 => Just(Some(Value::Null)),
        1 => Just(None),
        1 => Just(Some(json!("a1000000-0000-4000-8000-000000000001"))),
        1 => Just(Some(json!("000000a1-0000-4000-8000-000000000000"))),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let section = prop_oneof![
        Just("access_schedule".to_owned()),
        Just("invoice_schedule".to_owned())
    ];
    let field = prop_oneof![
        Just("amount"),
        Just("starting_at"),
        Just("ending_before"),
        Just("timestamp"),
        Just("quantity"),
        Just("unit_price"),
        Just("id")
    ];
    prop_oneof![
        8 => (section.clone(), 0usize..10, field, value()).prop_map(|(s, i, f, v)| Step::Set(s, i, f, v)),
        2 => (prop_oneof![Just("name"), Just("priority"), Just("rate_type"), Just("applicable_product_tags"), Just("type")], prop_oneof![
            Just(Some(json!("renamed"))), Just(Some(json!("12"))), Just(Some(json!("list_rate"))), Just(Some(json!(["b", "a"]))), Just(Some(Value::Null)), Just(None)
        ]).prop_map(|(k, v)| Step::SetTop(k, v)),
        2 => (prop_oneof![Just("access"), Just("invoice")], (0u64..1000, 0i64..20_000, 1i64..500)).prop_map(|(s, (a, h, l))| {
            Step::Add(s, if s == "access" { json!({"amount": a, "starting_at": ts(h), "ending_before": ts(h + l)}) } else { json!({"timestamp": ts(h), "amount": a}) })
        }),
        // Segments of one range: the overlap index orders equal ranges as the draft does, also
        // after a removal is undone (audit 5, D3).
        1 => (0u64..1000).prop_map(|a| Step::Add("access", json!({"amount": a, "starting_at": ts(100), "ending_before": ts(300)}))),
        // An item that is no object is held as set or added, as any value is (audit 9, 2).
        1 => (section.clone(), 0usize..4, prop_oneof![Just(Value::Null), Just(json!(42)), Just(json!("x"))]).prop_map(|(s, i, v)| Step::SetItem(s, i, v)),
        1 => (prop_oneof![Just("access"), Just("invoice")], prop_oneof![Just(Value::Null), Just(json!(42))]).prop_map(|(s, v)| Step::Add(s, v)),
        2 => (section.clone(), 0usize..10).prop_map(|(s, i)| Step::Remove(s, i)),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => proptest::collection::vec(edit(), 0..4).prop_map(Step::Replace),
        1 => prop_oneof![Just("/nope".to_owned()), Just("/access_schedule/schedule_items/99/amount".to_owned()), Just("bad".to_owned()), Just("/ledger".to_owned())].prop_map(Step::BadPath),
    ]
}

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::from_str(&api::to_json(t)).unwrap_or(Value::Null)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn session_equals_plan_edit(original in commit(), steps in proptest::collection::vec(step(), 1..25)) {
        let ctx = json!({ "customer_id": CUSTOMER, "invoice_statuses": {}, "now": "2026-06-01T00:00:00Z" });
        let (o_text, c_text) = (original.to_string(), ctx.to_string());
        let o = json::parse(&o_text).expect("valid");
        let c = json::parse(&c_text).expect("valid");
        let mut session = Session::new(&o, &c);
        let mut answers = Answers::default();
        let mut kept = (Value::Null, Vec::new());
        for s in &steps {
            let mut extra_issue = false;
            let (set_text, add_text, replace_text);
            let outcome = match s {
                Step::Set(section, i, field, v) => {
                    set_text = v.as_ref().map(Value::to_string);
                    let parsed = set_text.as_deref().map(|t| json::parse(t).expect("valid"));
                    let path = format!("/{section}/schedule_items/{i}/{field}");
                    session.edit(Change::Set(&path, parsed.as_ref()))
                }
                Step::SetItem(section, i, v) => {
                    set_text = Some(v.to_string());
                    let parsed = set_text.as_deref().map(|t| json::parse(t).expect("valid"));
                    session.edit(Change::Set(&format!("/{section}/schedule_items/{i}"), parsed.as_ref()))
                }
                Step::SetTop(key, v) => {
                    set_text = v.as_ref().map(Value::to_string);
                    let parsed = set_text.as_deref().map(|t| json::parse(t).expect("valid"));
                    session.edit(Change::Set(&format!("/{key}"), parsed.as_ref()))
                }
                Step::Add(section, item) => {
                    add_text = item.to_string();
                    session.edit(Change::AddItem(section, &json::parse(&add_text).expect("valid")))
                }
                Step::Remove(section, i) => session.edit(Change::RemoveItem(&format!("/{section}/schedule_items/{i}"))),
                Step::Undo => session.edit(Change::Undo),
                Step::Redo => session.edit(Change::Redo),
                Step::Replace(edits) => {
                    replace_text = apply_edits(&original, edits).to_string();
                    session.edit(Change::ReplaceDraft(&json::parse(&replace_text).expect("valid")))
                }
                Step::BadPath(p) => {
                    extra_issue = true;
                    // A value no original holds there: a read-only field given its own value
                    // back is no edit, and would not be refused.
                    session.edit(Change::Set(p, Some(&json::Value::String("x".into()))))
                }
            };
            // The same plan twice: in full, and as the answer text that refers to earlier answers.
            let answer = session.plan_after(outcome.clone());
            let text = session.answer_after(outcome, &mut answers);
            let mut answer = to_value(&answer);
            // The shared answer text says the same, also where it refers to earlier answers.
            prop_assert_eq!(common::reassemble(&text, &mut kept), Ok(answer.clone()), "after {:?}", s);
            extra_issue |= answer["issues"].as_array().and_then(|i| i.last()).is_some_and(|i| i["code"] == "path_not_found");
            let draft = to_value(&session.draft());
            let one_shot = to_value(&api::plan_edit(&o_text, &draft.to_string(), &c_text).expect("objects"));
            if extra_issue {
                // A refused path adds its own issue and no payload; otherwise the plan is the same.
                let issues = answer["issues"].as_array_mut().expect("issues");
                prop_assert!(matches!(issues.pop(), Some(ref i) if i["code"] == "path_not_found" || i["code"] == "field_not_editable"));
                prop_assert!(answer["payload"].is_null());
                answer["payload"] = one_shot["payload"].clone();
            }
            for key in ["payload", "issues", "changes"] {
                prop_assert_eq!(&answer[key], &one_shot[key], "{} after {:?}", key, s);
            }
            // The preview on demand is planEdit's preview.
            prop_assert_eq!(to_value(&session.preview()), one_shot["preview"].clone());
        }
    }
}
