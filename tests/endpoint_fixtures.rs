//! Runs every fixture in fixtures/{create,end_date,trueup,generate}/ through the JSON-text API
//! (src/api.rs), exactly as the wasm exports call it. A fixture is
//! `{"name", "fn", "args": [...the JS arguments...], "expect": {"payload"?, "issues", "items"?, "preview"?}}`:
//! `payload`, `items` and `preview` are compared exactly (numbers by value, keys in any order),
//! `issues` as a set of (code, path). Every non-null payload is also checked against the schema.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::same;

#[path = "endpoints/schema.rs"]
mod schema;

use commit_editor::api;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

const FOLDERS: &[(&str, &str)] = &[
    ("create", "planCreate"),
    ("end_date", "planEndDate"),
    ("trueup", "planDisableTrueup"),
    ("generate", "generateSchedule"),
];

fn call(function: &str, args: &[Value]) -> Result<Value, api::ApiError> {
    let text = |i: usize| args.get(i).map(|v| v.to_string());
    let arg = |i: usize| text(i).unwrap_or_else(|| "undefined".to_owned());
    let out = match function {
        "planCreate" => api::to_json(&api::plan_create(&arg(0), text(1).as_deref())?),
        "planEndDate" => api::to_json(&api::plan_end_date(&arg(0), &arg(1), text(2).as_deref())?),
        "planDisableTrueup" => api::to_json(&api::plan_disable_trueup(&arg(0), &arg(1))?),
        "generateSchedule" => api::to_json(&api::generate_schedule(&arg(0))?),
        other => panic!("unknown fn {other}"),
    };
    Ok(serde_json::from_str(&out).expect("the API answers JSON"))
}

/// Issues as a sorted list of (code, path): compared as a multiset, as the lead's runner does
/// (a set with no repeats, as every fixture expects).
fn issue_list(v: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["code"].as_str().unwrap_or("?").to_owned(),
                i["path"].as_str().unwrap_or("?").to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn check(fixture: &Value, folder_fn: &str, schemas: &schema::Schemas) -> Vec<String> {
    let mut errs = Vec::new();
    let function = fixture["fn"].as_str().unwrap_or("");
    if function != folder_fn {
        errs.push(format!("fn is {function}, the folder holds {folder_fn}"));
    }
    let args = fixture["args"].as_array().cloned().unwrap_or_default();
    let expect = &fixture["expect"];
    let got = match call(function, &args) {
        Ok(v) => v,
        Err(e) => return vec![format!("threw {} at {}: {}", e.code, e.path, e.message)],
    };
    for key in ["payload", "items", "preview"] {
        if let Some(want) = expect.get(key) {
            if !same(want, &got[key]) {
                errs.push(format!("{key}:\n  want {}\n  got  {}", want, got[key]));
            }
        }
    }
    if function != "generateSchedule" && expect.get("payload").is_none() {
        errs.push("expect.payload is missing".into());
    }
    let (want, have) = (issue_list(&expect["issues"]), issue_list(&got["issues"]));
    if want != have {
        errs.push(format!("issues:\n  want {want:?}\n  got  {have:?}"));
    }
    for i in got["issues"].as_array().into_iter().flatten() {
        if i["message"].as_str().map_or(true, str::is_empty) {
            errs.push(format!("issue without a message: {i}"));
        }
    }
    if let (Some(name), false) = (schema::schema_of(function), got["payload"].is_null()) {
        for e in schemas.check(name, &got["payload"]) {
            errs.push(format!("payload breaks {name}: {e}"));
        }
    }
    let has_error = got["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|i| i["severity"] == "error");
    if function != "generateSchedule" && has_error != got["payload"].is_null() {
        errs.push("payload must be null exactly when there is an error".into());
    }
    if function == "generateSchedule"
        && has_error
        && got["items"].as_array().is_some_and(|a| !a.is_empty())
    {
        errs.push("items must be empty when there is an error".into());
    }
    errs
}

#[test]
fn every_endpoint_fixture_passes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let schemas = schema::Schemas::load();
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for (folder, function) in FOLDERS {
        let dir = root.join(folder);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        if files.is_empty() {
            failures.push(format!("no fixtures in {}", dir.display()));
        }
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a readable fixture");
            let fixture: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let name = fixture["name"].as_str().unwrap_or("").to_owned();
            if file.file_stem().and_then(|s| s.to_str()) != Some(name.as_str()) {
                failures.push(format!(
                    "{}: name {name:?} is not the file name",
                    file.display()
                ));
            }
            if !names.insert(format!("{folder}/{name}")) {
                failures.push(format!("{}: duplicate name", file.display()));
            }
            for e in check(&fixture, function, &schemas) {
                failures.push(format!("{folder}/{name}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
