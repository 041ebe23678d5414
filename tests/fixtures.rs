#![cfg(not(target_arch = "wasm32"))]
//! The fixture table, run natively through the same JSON-text API the wasm exports use.

mod common;

use commit_editor::api::{self, ApiError};
use serde_json::Value;

fn text(v: Option<&Value>) -> String {
    v.map_or("null".into(), |v| v.to_string())
}

fn outcome<T: serde::Serialize>(r: Result<T, ApiError>) -> common::Outcome {
    r.map(|t| serde_json::from_str(&api::to_json(&t)).unwrap_or(Value::Null))
        .map_err(|e| (e.code.as_str().to_owned(), e.path))
}

pub fn call(f: &str, args: &[Value]) -> Option<common::Outcome> {
    let a = |i: usize| text(args.get(i));
    Some(match f {
        "planEdit" => outcome(api::plan_edit(&a(0), &a(1), &a(2))),
        "applyEdit" => outcome(api::apply_edit(&a(0), &a(1))),
        "planCreate" => outcome(api::plan_create(
            &a(0),
            args.get(1).map(Value::to_string).as_deref(),
        )),
        "planEndDate" => outcome(api::plan_end_date(
            &a(0),
            &a(1),
            args.get(2).map(Value::to_string).as_deref(),
        )),
        "planDisableTrueup" => outcome(api::plan_disable_trueup(&a(0), &a(1))),
        "generateSchedule" => outcome(api::generate_schedule(&a(0))),
        _ => return None,
    })
}

#[test]
fn every_fixture_passes_natively() {
    let (ran, failures) = common::run_all(call);
    assert!(ran > 150, "only {ran} fixtures ran");
    assert!(
        failures.is_empty(),
        "{} of {ran} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
