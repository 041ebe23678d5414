//! Property tests for the laws of planning an edit:
//! - nothing lost: the payload, applied to the original by an independent applier written here
//!   (not `applyEdit`), gives the draft exactly (every amount, instant and id), and so does `applyEdit`;
//! - `planEdit(x, x)` has a null payload and no issues;
//! - no update item in a payload changes nothing;
//! - no input of any shape panics.
#![cfg(not(target_arch = "wasm32"))]

mod gen;

use commit_editor::api;
use gen::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn plan(original: &Value, draft: &Value, context: &Value) -> Value {
    let p = api::plan_edit(
        &original.to_string(),
        &draft.to_string(),
        &context.to_string(),
    );
    serde_json::from_str(&api::to_json(&p.expect("objects are accepted"))).unwrap_or(Value::Null)
}

fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) => s.trim().parse().unwrap_or(f64::NAN),
        _ => f64::NAN,
    }
}

fn instant(v: &Value) -> i64 {
    v.as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s.trim()).ok())
        .map_or(i64::MIN, |t| t.timestamp_millis())
}

/// Access segments as (amount, start, end), sorted: the multiset a commit holds.
fn access_set(items: &[Value]) -> Vec<(i64, i64, i64)> {
    let mut v: Vec<_> = items
        .iter()
        .map(|i| {
            (
                (num(&i["amount"]) * 1000.0).round() as i64,
                instant(&i["starting_at"]),
                instant(&i["ending_before"]),
            )
        })
        .collect();
    v.sort();
    v
}

/// Invoice items as (timestamp, amount, quantity, unit_price), amount-only items priced 1 × amount.
fn invoice_set(items: &[Value]) -> Vec<(i64, i64, i64, i64)> {
    let mut v: Vec<_> = items
        .iter()
        .map(|i| {
            let (q, p) = if i.get("quantity").is_some_and(|q| !q.is_null()) {
                (num(&i["quantity"]), num(&i["unit_price"]))
            } else {
                (1.0, num(&i["amount"]))
            };
            let amount = if i.get("quantity").is_some_and(|q| !q.is_null()) {
                q * p
            } else {
                num(&i["amount"])
            };
            (
                instant(&i["timestamp"]),
                (amount * 1000.0).round() as i64,
                (q * 1000.0).round() as i64,
                (p * 1000.0).round() as i64,
            )
        })
        .collect();
    v.sort();
    v
}

/// The independent applier: what the server holds after `payload`, from the edit endpoint's docs.
fn independent_apply(original: &Value, payload: &Value) -> (Vec<Value>, Vec<Value>, Value) {
    let mut access: Vec<Value> = original["access_schedule"]["schedule_items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut invoice: Vec<Value> = original["invoice_schedule"]["schedule_items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ids = |p: &Value| -> Vec<String> {
        p.as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["id"].as_str().map(str::to_owned))
            .collect()
    };
    let a = &payload["access_schedule"];
    let removed = ids(&a["remove_schedule_items"]);
    access.retain(|i| !removed.iter().any(|r| Some(r.as_str()) == i["id"].as_str()));
    for u in a["update_schedule_items"].as_array().into_iter().flatten() {
        let item = access
            .iter_mut()
            .find(|i| i["id"] == u["id"])
            .expect("update of a known id");
        for k in ["amount", "starting_at", "ending_before"] {
            if let Some(v) = u.get(k) {
                item[k] = v.clone();
            }
        }
    }
    access.extend(
        a["add_schedule_items"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    );
    let inv = &payload["invoice_schedule"];
    let removed = ids(&inv["remove_schedule_items"]);
    invoice.retain(|i| !removed.iter().any(|r| Some(r.as_str()) == i["id"].as_str()));
    for u in inv["update_schedule_items"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let item = invoice
            .iter_mut()
            .find(|i| i["id"] == u["id"])
            .expect("update of a known id");
        if let Some(t) = u.get("timestamp") {
            item["timestamp"] = t.clone();
        }
        if u.get("quantity").is_some() {
            assert!(
                u.get("unit_price").is_some(),
                "R6: quantity travels with unit_price"
            );
            assert!(
                u.get("amount").is_none(),
                "R6: no amount beside quantity and unit_price"
            );
            item["quantity"] = u["quantity"].clone();
            item["unit_price"] = u["unit_price"].clone();
        } else if let Some(amount) = u.get("amount") {
            item["quantity"] = json!(1);
            item["unit_price"] = amount.clone();
        }
    }
    invoice.extend(
        inv["add_schedule_items"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    );
    let name = payload
        .get("name")
        .cloned()
        .unwrap_or_else(|| original["name"].clone());
    (access, invoice, name)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn nothing_is_lost(original in commit(), edits in proptest::collection::vec(edit(), 0..6)) {
        let ctx = context();
        let draft = apply_edits(&original, &edits);
        let p = plan(&original, &draft, &ctx);
        let errors: Vec<&Value> = p["issues"].as_array().into_iter().flatten().filter(|i| i["severity"] == "error").collect();
        prop_assert!(errors.is_empty(), "valid edits gave errors: {errors:?}");
        let payload = &p["payload"];
        let want_access = access_set(draft["access_schedule"]["schedule_items"].as_array().map_or(&[], |v| v));
        let want_invoice = invoice_set(draft["invoice_schedule"]["schedule_items"].as_array().map_or(&[], |v| v));
        if payload.is_null() {
            prop_assert_eq!(access_set(original["access_schedule"]["schedule_items"].as_array().map_or(&[], |v| v)), want_access);
            prop_assert_eq!(invoice_set(original["invoice_schedule"]["schedule_items"].as_array().map_or(&[], |v| v)), want_invoice);
            prop_assert_eq!(&original["name"], &draft["name"]);
            return Ok(());
        }
        let (access, invoice, name) = independent_apply(&original, payload);
        prop_assert_eq!(access_set(&access), want_access.clone());
        prop_assert_eq!(invoice_set(&invoice), want_invoice.clone());
        prop_assert_eq!(&name, &draft["name"]);
        // Ids: every kept item keeps its id; removed ones are exactly those missing from the draft.
        let kept: Vec<&str> = draft["access_schedule"]["schedule_items"].as_array().into_iter().flatten().filter_map(|i| i["id"].as_str()).collect();
        for i in &access {
            if let Some(id) = i["id"].as_str() { prop_assert!(kept.contains(&id)); }
        }
        // applyEdit agrees with the independent applier.
        let applied: Value = serde_json::from_str(&api::to_json(&api::apply_edit(&original.to_string(), &payload.to_string()).expect("own payload applies"))).unwrap_or(Value::Null);
        prop_assert_eq!(access_set(applied["access_schedule"]["schedule_items"].as_array().map_or(&[], |v| v)), want_access);
        prop_assert_eq!(invoice_set(applied["invoice_schedule"]["schedule_items"].as_array().map_or(&[], |v| v)), want_invoice);
        prop_assert_eq!(&p["preview"], &applied, "preview is applyEdit of the payload");
        // No update item changes nothing.
        for section in ["access_schedule", "invoice_schedule"] {
            for u in payload[section]["update_schedule_items"].as_array().into_iter().flatten() {
                let before = original[section]["schedule_items"].as_array().into_iter().flatten().find(|i| i["id"] == u["id"]).expect("known id");
                let changes = u.as_object().into_iter().flatten().filter(|(k, _)| *k != "id").any(|(k, v)| {
                    if k == "starting_at" || k == "ending_before" || k == "timestamp" { instant(v) != instant(&before[k]) } else { num(v) != num(&before[k]) || k == "amount" }
                });
                prop_assert!(changes, "update item changes nothing: {u}");
            }
        }
    }

    #[test]
    fn an_unchanged_draft_plans_nothing(original in commit()) {
        let p = plan(&original, &original, &context());
        prop_assert!(p["payload"].is_null());
        prop_assert_eq!(p["issues"].as_array().map_or(0, Vec::len), 0, "{}", p["issues"]);
        prop_assert_eq!(p["changes"].as_array().map_or(0, Vec::len), 0);
    }

    #[test]
    fn no_input_panics(original in any_json(), draft in any_json(), context in any_json()) {
        let _ = api::plan_edit(&original.to_string(), &draft.to_string(), &context.to_string());
        let _ = api::apply_edit(&original.to_string(), &draft.to_string());
    }

    #[test]
    fn no_damaged_commit_panics(original in commit(), damage in proptest::collection::vec((0usize..40, any_json()), 1..5)) {
        let mut draft = original.clone();
        for (at, junk) in damage {
            damage_at(&mut draft, at + 1, junk);
        }
        let p = plan(&original, &draft, &context());
        prop_assert!(p["issues"].is_array());
        let _ = api::plan_edit(&draft.to_string(), &original.to_string(), &context().to_string());
    }
}
