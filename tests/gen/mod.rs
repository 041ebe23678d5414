//! Generators for property tests: valid commits, valid edits, and arbitrary JSON.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};

pub const CUSTOMER: &str = "4c91c473-fc12-445a-9c38-40421d47023f";
const HOUR: i64 = 3600;
const START: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

pub fn ts(hours: i64) -> String {
    chrono::DateTime::from_timestamp(START + hours * HOUR, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn id(prefix: u32, n: usize) -> String {
    format!("{prefix:08x}-0000-4000-8000-{n:012x}")
}

pub fn context() -> Value {
    json!({ "customer_id": CUSTOMER, "invoice_statuses": {} })
}

/// Amounts as a form or the API may hold them: cents, sometimes with fractions.
fn amount() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..10_000_000).prop_map(|n| json!(n)),
        (0u64..1_000_000, 1u32..3).prop_map(|(n, d)| json!(format!(
            "{}.{:0width$}",
            n / 10u64.pow(d),
            n % 10u64.pow(d),
            width = d as usize
        ))),
    ]
}

/// A valid PREPAID commit: contiguous hour-aligned segments, hour-aligned invoice items.
pub fn commit() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec((1i64..2000, 0u64..10_000_000), 1..8),
        proptest::collection::vec((0i64..20_000, 0u64..10_000_000, 1u32..5), 0..6),
        "[a-zA-Z ]{0,12}",
    )
        .prop_map(|(segments, invoices, name)| {
            let mut at = 0;
            let access: Vec<Value> = segments
                .iter()
                .enumerate()
                .map(|(n, (len, amt))| {
                    let item = json!({ "id": id(0xa1, n), "amount": amt, "starting_at": ts(at), "ending_before": ts(at + len) });
                    at += len;
                    item
                })
                .collect();
            let invoice: Vec<Value> = invoices
                .iter()
                .enumerate()
                .map(|(n, (h, price, q))| {
                    json!({ "id": id(0xb1, n), "invoice_id": null, "amount": price * u64::from(*q), "unit_price": price, "quantity": q, "timestamp": ts(*h) })
                })
                .collect();
            json!({
                "id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35",
                "type": "PREPAID",
                "name": name,
                "priority": 100,
                "product": { "id": "2e30f074-d04c-412e-a134-851ebfa5ceb2", "name": "P" },
                "created_at": "2025-12-01T00:00:00.000Z",
                "access_schedule": { "credit_type": { "id": "2714e483-4ff1-48e4-9e25-ac732e8f24f2", "name": "USD (cents)" }, "schedule_items": access },
                "invoice_schedule": { "schedule_items": invoice },
            })
        })
}

/// One valid edit of a draft.
#[derive(Clone, Debug)]
pub enum Edit {
    AccessAmount(usize, Value),
    AccessEnd(usize, i64),
    AccessAdd(Value, i64, i64),
    AccessRemove(usize),
    InvoiceAmount(usize, Value),
    InvoiceQuantity(usize, u32, u64),
    InvoiceMove(usize, i64),
    InvoiceAdd(i64, Value),
    InvoiceRemove(usize),
    Rename(String),
    Reverse,
}

pub fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..8, amount()).prop_map(|(i, a)| Edit::AccessAmount(i, a)),
        (0usize..8, 1i64..500).prop_map(|(i, h)| Edit::AccessEnd(i, h)),
        (amount(), 0i64..30_000, 1i64..1000).prop_map(|(a, s, l)| Edit::AccessAdd(a, s, l)),
        (0usize..8).prop_map(Edit::AccessRemove),
        (0usize..6, amount()).prop_map(|(i, a)| Edit::InvoiceAmount(i, a)),
        (0usize..6, 1u32..9, 1u64..100_000).prop_map(|(i, q, p)| Edit::InvoiceQuantity(i, q, p)),
        (0usize..6, 0i64..20_000).prop_map(|(i, h)| Edit::InvoiceMove(i, h)),
        (0i64..20_000, amount()).prop_map(|(h, a)| Edit::InvoiceAdd(h, a)),
        (0usize..6).prop_map(Edit::InvoiceRemove),
        "[a-z]{1,8}".prop_map(Edit::Rename),
        Just(Edit::Reverse),
    ]
}

fn items<'a>(d: &'a mut Value, section: &str) -> &'a mut Vec<Value> {
    if d[section]["schedule_items"].as_array().is_none() {
        d[section] = json!({ "schedule_items": [] });
    }
    d[section]["schedule_items"]
        .as_array_mut()
        .expect("set above")
}

pub fn apply_edits(original: &Value, edits: &[Edit]) -> Value {
    let mut d = original.clone();
    for e in edits {
        match e {
            Edit::AccessAmount(i, a) => {
                let v = items(&mut d, "access_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    v[n]["amount"] = a.clone();
                }
            }
            Edit::AccessEnd(i, h) => {
                let v = items(&mut d, "access_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    let start = v[n]["starting_at"]
                        .as_str()
                        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                        .map_or(0, |t| (t.timestamp() - START) / HOUR);
                    v[n]["ending_before"] = json!(ts(start + h));
                }
            }
            Edit::AccessAdd(a, s, l) => items(&mut d, "access_schedule")
                .push(json!({ "amount": a, "starting_at": ts(*s), "ending_before": ts(s + l) })),
            Edit::AccessRemove(i) => {
                let v = items(&mut d, "access_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    v.remove(n);
                }
            }
            Edit::InvoiceAmount(i, a) => {
                let v = items(&mut d, "invoice_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    let item = v[n].as_object_mut().expect("items are objects");
                    item.remove("quantity");
                    item.remove("unit_price");
                    item.insert("amount".into(), a.clone());
                }
            }
            Edit::InvoiceQuantity(i, q, p) => {
                let v = items(&mut d, "invoice_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    v[n]["quantity"] = json!(q);
                    v[n]["unit_price"] = json!(p);
                    v[n]["amount"] = json!(u64::from(*q) * p);
                }
            }
            Edit::InvoiceMove(i, h) => {
                let v = items(&mut d, "invoice_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    v[n]["timestamp"] = json!(ts(*h));
                }
            }
            Edit::InvoiceAdd(h, a) => {
                items(&mut d, "invoice_schedule").push(json!({ "timestamp": ts(*h), "amount": a }))
            }
            Edit::InvoiceRemove(i) => {
                let v = items(&mut d, "invoice_schedule");
                if !v.is_empty() {
                    let n = i % v.len();
                    v.remove(n);
                }
            }
            Edit::Rename(n) => d["name"] = json!(n),
            Edit::Reverse => {
                items(&mut d, "access_schedule").reverse();
                items(&mut d, "invoice_schedule").reverse();
            }
        }
    }
    d
}

/// Arbitrary JSON, including what breaks naive code: huge and tiny numbers, -0, long strings,
/// deep-ish nesting, `__proto__` keys.
pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        Just(json!(-0.0)),
        Just(json!(1e308)),
        Just(json!(5e-324)),
        Just(json!(9007199254740993u64)),
        ".{0,12}".prop_map(Value::String),
        Just(json!("2026-01-01T00:00:00Z")),
        Just(json!("a1000000-0000-4000-8000-000000000001")),
        Just(json!(" 12.50 ")),
        Just(Value::String("x".repeat(20_000))),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec(
                (
                    prop_oneof![
                        ".{0,8}".boxed(),
                        Just("__proto__".to_owned()).boxed(),
                        key().boxed()
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("access_schedule"),
        Just("invoice_schedule"),
        Just("schedule_items"),
        Just("amount"),
        Just("id"),
        Just("timestamp"),
        Just("starting_at"),
        Just("quantity"),
        Just("type"),
        Just("product"),
        Just("specifiers"),
        Just("hierarchy_configuration"),
        Just("child_access"),
    ]
    .prop_map(str::to_owned)
}

/// Replaces the `at`-th node (in a walk of the tree) with `junk`.
pub fn damage_at(v: &mut Value, at: usize, junk: Value) {
    fn walk(v: &mut Value, n: &mut usize, at: usize, junk: &mut Option<Value>) {
        if *n == at {
            if let Some(j) = junk.take() {
                *v = j;
            }
            return;
        }
        *n += 1;
        match v {
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, n, at, junk)),
            Value::Object(o) => o.values_mut().for_each(|x| walk(x, n, at, junk)),
            _ => {}
        }
    }
    walk(v, &mut 0, at, &mut Some(junk));
}
