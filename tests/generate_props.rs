//! Property tests for generateSchedule and the three endpoint planners:
//! - generated items always tile `[starting_at, ending_before)` with no gap or overlap, on the
//!   hour, and sum to the total exactly (DIVIDED, DIVIDED_ROUNDED) or carry it each (EACH);
//! - every non-null payload validates against the schema (and has only its keys), and a payload
//!   is null exactly when an issue is an error;
//! - no input, however broken, panics.
#![cfg(not(target_arch = "wasm32"))]

#[path = "endpoints/schema.rs"]
mod schema;

use commit_editor::api;
use commit_editor::json;
use commit_editor::plan::generate::{generate_schedule, ScheduleItem};
use commit_editor::read::MAX_ITEMS;
use commit_editor::values::{Decimal, Instant};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn schemas() -> &'static schema::Schemas {
    static S: OnceLock<schema::Schemas> = OnceLock::new();
    S.get_or_init(schema::Schemas::load)
}

const C: &str = "4c91c473-fc12-445a-9c38-40421d47023f";
const P: &str = "f14d6729-6a44-4b13-9908-9387f1918790";
const K: &str = "e0b6a8a4-1d64-4b4f-9a36-7c2a5d0e8b11";

/// A total as text: a significand a JavaScript number holds exactly (up to 2^52) and 0 to 10
/// decimals. Larger ones are refused as `number_out_of_range`.
fn total() -> impl Strategy<Value = String> {
    (0u64..=4_503_599_627_370_496u64, 0u32..=10).prop_map(|(m, scale)| {
        let digits = m.to_string();
        if scale == 0 {
            return digits;
        }
        let s = scale as usize;
        let padded = format!("{digits:0>width$}", width = s + 1);
        let (int, frac) = padded.split_at(padded.len() - s);
        format!("{int}.{frac}")
    })
}

/// An hour-aligned instant between 1990 and 2150, as RFC 3339 text.
fn hour() -> impl Strategy<Value = i64> {
    // Hours since the epoch.
    (20 * 365 * 24i64..180 * 365 * 24i64).prop_map(|h| h)
}

fn at_hour(h: i64) -> String {
    Instant::from_millis(h * 3_600_000)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

fn frequency() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "MONTHLY",
        "QUARTERLY",
        "SEMI_ANNUAL",
        "ANNUAL",
        "monthly",
    ])
}

fn distribution() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "DIVIDED",
        "DIVIDED_ROUNDED",
        "EACH",
        "divided_rounded",
    ])
}

fn d(s: &str) -> Decimal {
    Decimal::parse(s).expect("a decimal")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_items_tile_the_range_and_sum_to_the_total(
        total in total(),
        start in hour(),
        // Up to ~60 years, at least an hour.
        hours in 1i64..(60 * 366 * 24),
        frequency in frequency(),
        distribution in distribution(),
        invoice in any::<bool>(),
    ) {
        let (s, e) = (at_hour(start), at_hour(start + hours));
        let kind = if invoice { "invoice" } else { "access" };
        let rule = json!({"total": total, "starting_at": s, "ending_before": e,
            "frequency": frequency, "distribution": distribution, "kind": kind}).to_string();
        let g = generate_schedule(&json::parse(&rule).expect("JSON"));
        prop_assert!(g.issues.is_empty(), "{:?}", g.issues);
        prop_assert!(!g.items.is_empty() && g.items.len() <= MAX_ITEMS);
        let (s, e) = (Instant::parse(&s).unwrap(), Instant::parse(&e).unwrap());
        let total = d(&total);
        // Ranges: the access items' own, or for invoice items [timestamp, next timestamp).
        let mut ranges = Vec::new();
        let mut amounts = Vec::new();
        for (i, item) in g.items.iter().enumerate() {
            match (item, invoice) {
                (ScheduleItem::Access(a), false) => {
                    ranges.push((a.starting_at, a.ending_before));
                    amounts.push(a.amount);
                }
                (ScheduleItem::Invoice(v), true) => {
                    let next = match g.items.get(i + 1) {
                        Some(ScheduleItem::Invoice(n)) => n.timestamp,
                        _ => e,
                    };
                    ranges.push((v.timestamp, next));
                    amounts.push(v.amount);
                }
                _ => prop_assert!(false, "an item of the wrong kind"),
            }
        }
        prop_assert_eq!(ranges[0].0, s);
        prop_assert_eq!(ranges[ranges.len() - 1].1, e);
        for w in ranges.windows(2) {
            prop_assert_eq!(w[0].1, w[1].0, "gap or overlap");
        }
        for (a, b) in &ranges {
            prop_assert!(a < b, "an empty item");
            prop_assert!(a.is_hour_aligned() && b.is_hour_aligned());
        }
        prop_assert!(amounts.iter().all(|a| !a.is_negative()));
        let (head, last) = amounts.split_at(amounts.len() - 1);
        match distribution.to_ascii_uppercase().as_str() {
            "EACH" => prop_assert!(amounts.iter().all(|a| *a == total)),
            dist => {
                let sum = amounts.iter().try_fold(Decimal::ZERO, |t, a| t.checked_add(*a));
                prop_assert_eq!(sum, Some(total), "the items must sum to the total");
                let max_scale = if dist == "DIVIDED" { 8 } else { 0 };
                // DIVIDED: equal shares when the total divides exactly, at any scale.
                let equal = dist == "DIVIDED" && amounts.iter().all(|a| *a == amounts[0]);
                prop_assert!(equal || head.iter().all(|a| a.scale() <= max_scale));
                prop_assert!(head.iter().all(|a| *a <= last[0]), "the remainder goes on the last item");
            }
        }
    }

    #[test]
    fn generated_items_plan_as_a_create_draft(
        total in (0u64..100_000_000).prop_map(|n| n.to_string()),
        start in hour(),
        hours in 1i64..(5 * 366 * 24),
        frequency in frequency(),
        distribution in distribution(),
    ) {
        let (s, e) = (at_hour(start), at_hour(start + hours));
        let rule = json!({"total": total, "starting_at": s, "ending_before": e,
            "frequency": frequency, "distribution": distribution, "kind": "access"});
        let g: Value = serde_json::from_str(&api::to_json(
            &api::generate_schedule(&rule.to_string()).expect("an object"))).unwrap();
        let draft = json!({"customer_id": C, "type": "PREPAID", "priority": 1, "product_id": P,
            "access_schedule": {"schedule_items": g["items"]}});
        let plan: Value = serde_json::from_str(&api::to_json(
            &api::plan_create(&draft.to_string(), None).expect("an object"))).unwrap();
        prop_assert_eq!(&plan["issues"], &json!([]));
        prop_assert!(!plan["payload"].is_null());
    }
}

// ---------------------------------------------------------------------------------------------
// Payloads: schema keys only, null exactly on error
// ---------------------------------------------------------------------------------------------

fn uuid_like() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => Just(json!(C)),
        2 => Just(json!(K.to_uppercase())),
        1 => Just(json!("not-a-uuid")),
        1 => Just(json!(7)),
    ]
}

fn instant_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => hour().prop_map(|h| json!(at_hour(h))),
        1 => hour().prop_map(|h| json!(at_hour(h).replace(":00:00Z", ":30:00Z"))),
        1 => Just(json!("2026-01-01T00:00:00")),
        1 => Just(json!("2026-01-01T05:00:00+05:00")),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    prop_oneof![1 => Just(None), 2 => s.prop_map(Some)]
}

fn create_draft() -> impl Strategy<Value = Value> {
    let valid_number = prop_oneof![
        (0u32..100_000).prop_map(|n| json!(n)),
        (0u32..100_000).prop_map(|n| json!(format!(" {n}.25 "))),
    ];
    let valid_access = (valid_number.clone(), hour(), 1i64..(400 * 24)).prop_map(|(a, s, len)| {
        json!({"amount": a, "starting_at": at_hour(s), "ending_before": at_hour(s + len)})
    });
    let valid_invoice = (hour(), 0u32..100_000, 0u8..3).prop_map(|(t, a, how)| match how {
        0 => json!({"timestamp": at_hour(t), "amount": a}),
        1 => json!({"timestamp": at_hour(t), "quantity": "2", "unit_price": a}),
        _ => json!({"timestamp": at_hour(t), "amount": 2 * u64::from(a), "quantity": 2, "unit_price": a}),
    });
    let valid_recurring = (
        hour(),
        1i64..(3 * 366 * 24),
        prop::sample::select(vec!["MONTHLY", "quarterly", "SEMI_ANNUAL", "annual"]),
        distribution(),
        0u32..100_000,
        any::<bool>(),
    )
        .prop_map(|(s, len, f, dist, amount, by_amount)| {
            let mut r = json!({"starting_at": at_hour(s), "ending_before": at_hour(s + len),
                "frequency": f, "amount_distribution": dist});
            if by_amount {
                r["amount"] = json!(amount);
            } else {
                r["quantity"] = json!(2);
                r["unit_price"] = json!(amount);
            }
            r
        });
    let prepaid = (
        prop::sample::select(vec!["PREPAID", "prepaid"]),
        prop::collection::vec(valid_access, 1..4),
        prop_oneof![
            Just(None),
            prop::collection::vec(valid_invoice, 1..3)
                .prop_map(|i| Some(json!({"schedule_items": i}))),
            valid_recurring
                .prop_map(|r| Some(json!({"recurring_schedule": r, "do_not_invoice": false}))),
        ],
    )
        .prop_map(|(ty, access, invoice)| {
            let mut d = json!({"type": ty, "access_schedule": {"schedule_items": access}});
            if let Some(i) = invoice {
                d["invoice_schedule"] = i;
                d["invoice_contract_id"] = json!(K);
            }
            d
        });
    let postpaid = (0u32..1_000_000, hour(), 1i64..(400 * 24), any::<bool>()).prop_map(
        |(amount, s, len, by_quantity)| {
            let item = if by_quantity {
                json!({"timestamp": at_hour(s + len), "quantity": 1, "unit_price": amount})
            } else {
                json!({"timestamp": at_hour(s + len), "amount": amount.to_string()})
            };
            json!({"type": "postpaid", "invoice_contract_id": K.to_uppercase(),
                "access_schedule": {"credit_type_id": K, "schedule_items": [
                    {"amount": amount, "starting_at": at_hour(s), "ending_before": at_hour(s + len)}]},
                "invoice_schedule": {"schedule_items": [item]}})
        },
    );
    let extras = (
        opt(Just(json!("Commit 2026"))),
        opt((1usize..=128).prop_map(|n| "é".repeat(n))),
        prop_oneof![
            Just(json!({})),
            Just(
                json!({"specifiers": [{"product_tags": ["gpu"], "presentation_group_values": {"a": "b"}}]})
            ),
            Just(json!({"applicable_product_ids": [P], "applicable_product_tags": ["gpu"]})),
            Just(json!({"applicable_contract_ids": [K], "custom_fields": {"deal": "42"}})),
            Just(
                json!({"rate_type": "list_rate", "netsuite_sales_order_id": "SO-1",
                "salesforce_opportunity_id": "OPP-1", "description": ""})
            ),
        ],
    );
    let breakage = prop_oneof![
        6 => Just(None),
        1 => (prop::sample::select(vec![
            "/customer_id", "/type", "/priority", "/product_id", "/name", "/uniqueness_key",
            "/invoice_contract_id", "/access_schedule/schedule_items/0/amount",
            "/access_schedule/schedule_items/0/starting_at", "/invoice_schedule",
            "/specifiers", "/hierarchy_configuration", "/access_schedule/schedule_items",
        ]), prop_oneof![
            Just(Value::Null), Just(json!("")), Just(json!("abc")), Just(json!(-1)),
            Just(json!([])), Just(json!({})), Just(json!("2026-01-01T00:30:00Z")),
            Just(json!([{"product_id": P}])), Just(json!("k".repeat(129))),
        ]).prop_map(Some),
    ];
    (
        prop_oneof![3 => prepaid, 1 => postpaid],
        valid_number,
        extras,
        breakage,
    )
        .prop_map(|(mut d, priority, (name, key, extra), breakage)| {
            d["customer_id"] = json!(C);
            d["product_id"] = json!(P);
            d["priority"] = priority;
            if let Some(n) = name {
                d["name"] = n;
            }
            if let Some(k) = key {
                d["uniqueness_key"] = json!(k);
            }
            if let (Some(obj), Value::Object(more)) = (d.as_object_mut(), extra) {
                obj.extend(more);
            }
            if let Some((path, value)) = breakage {
                if let Some(slot) = d.pointer_mut(path) {
                    *slot = value;
                } else if let Some(obj) = d.as_object_mut() {
                    obj.insert(path.trim_start_matches('/').to_owned(), value);
                }
            }
            d
        })
}

fn commit_json() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec!["PREPAID", "POSTPAID"]),
        prop::collection::vec((hour(), 1i64..(60 * 24)), 0..4),
        prop::collection::vec(hour(), 0..4),
        opt(Just(json!({"id": K}))),
        opt(Just(json!({"id": C}))),
    )
        .prop_map(|(ty, access, invoices, contract, invoice_contract)| {
            let mut c = json!({"id": "5e7e82cf-ccb7-428c-a96f-a8e4f67af822", "type": ty,
                "product": {"id": P, "name": "x"}, "created_at": "2026-01-01T00:00:00Z",
                "access_schedule": {"schedule_items": access.iter().enumerate().map(|(i, (s, len))| json!({
                    "id": format!("00000000-0000-4000-8000-{i:012}"), "amount": 10,
                    "starting_at": at_hour(*s), "ending_before": at_hour(s + len)})).collect::<Vec<_>>()},
                "invoice_schedule": {"schedule_items": invoices.iter().enumerate().map(|(i, t)| json!({
                    "id": format!("00000000-0000-4000-9000-{i:012}"), "amount": 10, "quantity": 1,
                    "unit_price": 10, "timestamp": at_hour(*t)})).collect::<Vec<_>>()}});
            if let Some(x) = contract {
                c["contract"] = x;
            }
            if let Some(x) = invoice_contract {
                c["invoice_contract"] = x;
            }
            c
        })
}

fn check_plan(function: &str, plan: &Value) -> Result<(), TestCaseError> {
    let errors = plan["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|i| i["severity"] == "error");
    prop_assert_eq!(
        errors,
        plan["payload"].is_null(),
        "null exactly on error: {}",
        plan
    );
    if let Some(name) = schema::schema_of(function).filter(|_| !errors) {
        let broken = schemas().check(name, &plan["payload"]);
        prop_assert!(
            broken.is_empty(),
            "{} breaks {}: {:?}",
            plan["payload"],
            name,
            broken
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn create_payloads_follow_the_schema(draft in create_draft(), now in opt(hour())) {
        let cx = now.map(|h| json!({"now": at_hour(h)}).to_string());
        let plan = api::plan_create(&draft.to_string(), cx.as_deref()).expect("an object");
        let plan: Value = serde_json::from_str(&api::to_json(&plan)).unwrap();
        check_plan("planCreate", &plan)?;
    }

    #[test]
    fn end_date_payloads_follow_the_schema(
        commit in commit_json(),
        access in opt(instant_text()),
        invoices in opt(instant_text()),
        customer in uuid_like(),
    ) {
        let mut req = json!({"customer_id": customer});
        if let Some(a) = access { req["access_ending_before"] = a; }
        if let Some(i) = invoices { req["invoices_ending_before"] = i; }
        let plan = api::plan_end_date(&commit.to_string(), &req.to_string(), None).expect("objects");
        let plan: Value = serde_json::from_str(&api::to_json(&plan)).unwrap();
        check_plan("planEndDate", &plan)?;
        // The preview never ends access later than the request says.
        if let Some(end) = plan["payload"]["access_ending_before"].as_str() {
            for item in plan["preview"]["access_schedule"]["schedule_items"].as_array().into_iter().flatten() {
                let e = item["ending_before"].as_str().unwrap_or("");
                prop_assert!(Instant::parse(e).unwrap() <= Instant::parse(end).unwrap());
            }
        }
    }

    #[test]
    fn trueup_payloads_follow_the_schema(
        commit in commit_json(),
        contract in opt(uuid_like()),
        amendment in opt(uuid_like()),
        customer in uuid_like(),
    ) {
        let mut req = json!({"customer_id": customer});
        if let Some(c) = contract { req["contract_id"] = c; }
        if let Some(a) = amendment { req["amendment_id"] = a; }
        let plan = api::plan_disable_trueup(&commit.to_string(), &req.to_string()).expect("objects");
        let plan: Value = serde_json::from_str(&api::to_json(&plan)).unwrap();
        check_plan("planDisableTrueup", &plan)?;
    }
}

// ---------------------------------------------------------------------------------------------
// No panics on any JSON
// ---------------------------------------------------------------------------------------------

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        prop::sample::select(vec![
            "",
            "x",
            "2026-01-01T00:00:00Z",
            "1e400",
            "-1",
            C,
            "MONTHLY",
            "each",
            "access",
            "POSTPAID",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(vec![
            "customer_id",
            "type",
            "priority",
            "product_id",
            "access_schedule",
            "invoice_schedule",
            "schedule_items",
            "recurring_schedule",
            "amount",
            "starting_at",
            "ending_before",
            "timestamp",
            "quantity",
            "unit_price",
            "frequency",
            "amount_distribution",
            "total",
            "distribution",
            "kind",
            "id",
            "product",
            "contract_id",
            "access_ending_before",
            "invoices_ending_before",
            "ledger",
            "invoice_statuses",
            "now",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            prop::collection::btree_map(keys, inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_input_panics(a in any_json(), b in any_json(), c in any_json()) {
        let (a, b, c) = (a.to_string(), b.to_string(), c.to_string());
        let _ = api::plan_create(&a, Some(&c));
        let _ = api::plan_end_date(&a, &b, Some(&c));
        let _ = api::plan_disable_trueup(&a, &b);
        let _ = api::generate_schedule(&a);
    }
}
