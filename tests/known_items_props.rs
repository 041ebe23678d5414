//! planEdit takes a draft's unchanged items from the kept original by their text (src/read/
//! known_items.rs) instead of parsing them again. Whatever the draft's text (items moved,
//! repeated, replaced by something that is not an item, repeated keys, other spacing), the plan
//! must be the one made from scratch.
#![cfg(not(target_arch = "wasm32"))]

mod gen;

use commit_editor::api;
use commit_editor::json::{self, parse_watching};
use commit_editor::plan::edit::plan_edit;
use commit_editor::read::known_items::{KnownItems, Reused};
use gen::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::rc::Rc;

/// Ways to spell a draft as text.
#[derive(Clone, Debug)]
enum Spelling {
    Compact,
    Pretty,
    /// The original's access schedule first under the same key: the draft's, later, counts.
    RepeatedScheduleKey,
    /// The original's items first under `schedule_items` inside the draft's invoice schedule.
    RepeatedItemsKey,
    /// An original item and something that is not an item among the access items.
    NotAnItem(usize),
    /// One original item twice more, at the front.
    Repeated(usize),
    /// Spaces and line breaks between the items.
    Spaced,
}

fn spelling() -> impl Strategy<Value = Spelling> {
    prop_oneof![
        4 => Just(Spelling::Compact),
        1 => Just(Spelling::Pretty),
        1 => Just(Spelling::RepeatedScheduleKey),
        1 => Just(Spelling::RepeatedItemsKey),
        1 => (0usize..8).prop_map(Spelling::NotAnItem),
        1 => (0usize..8).prop_map(Spelling::Repeated),
        1 => Just(Spelling::Spaced),
    ]
}

fn items(v: &Value, schedule: &str) -> Vec<Value> {
    v[schedule]["schedule_items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn spell(original: &Value, draft: &Value, how: &Spelling) -> String {
    let compact = draft.to_string();
    let rest = &compact[1..];
    let sep = if rest == "}" { "" } else { "," };
    match how {
        Spelling::Compact => compact,
        Spelling::Pretty => serde_json::to_string_pretty(draft).expect("json"),
        Spelling::RepeatedScheduleKey => {
            format!(
                "{{\"access_schedule\":{}{sep}{rest}",
                original["access_schedule"]
            )
        }
        Spelling::RepeatedItemsKey => {
            let mut d = draft.clone();
            let inner = d["invoice_schedule"].take().to_string();
            let first = json!(items(original, "invoice_schedule")).to_string();
            let inner = if inner.starts_with('{') && inner.len() > 2 {
                format!("{{\"schedule_items\":{first},{}", &inner[1..])
            } else {
                inner
            };
            let d = d.to_string();
            d.replacen(
                "\"invoice_schedule\":null",
                &format!("\"invoice_schedule\":{inner}"),
                1,
            )
        }
        Spelling::NotAnItem(k) => {
            let mut d = draft.clone();
            let orig = items(original, "access_schedule");
            let mut list = items(draft, "access_schedule");
            if let Some(item) = orig.get(k % orig.len().max(1)) {
                list.insert(0, item.clone());
            }
            list.insert(list.len() / 2, json!(5));
            d["access_schedule"]["schedule_items"] = json!(list);
            d.to_string()
        }
        Spelling::Repeated(k) => {
            let mut d = draft.clone();
            let orig = items(original, "invoice_schedule");
            let mut list = items(draft, "invoice_schedule");
            if let Some(item) = orig.get(k % orig.len().max(1)) {
                list.insert(0, item.clone());
                list.insert(0, item.clone());
            }
            d["invoice_schedule"]["schedule_items"] = json!(list);
            d.to_string()
        }
        Spelling::Spaced => compact.replace("},{", "} ,\n\t {").replace("[{", "[ \r\n{"),
    }
}

fn fresh(original: &str, draft: &str, context: &str) -> String {
    let (o, d, c) = (
        json::parse(original).expect("json"),
        json::parse(draft).expect("json"),
        json::parse(context).expect("json"),
    );
    api::to_json(&plan_edit(&o, &d, &c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn a_plan_with_items_taken_from_the_original_is_the_plan_from_scratch(
        original in commit(),
        edits in proptest::collection::vec(edit(), 0..5),
        how in spelling(),
    ) {
        let draft = apply_edits(&original, &edits);
        let (o, d, c) = (original.to_string(), spell(&original, &draft, &how), context().to_string());
        prop_assume!(json::parse(&d).is_ok());
        let expected = fresh(&o, &d, &c);
        // The first call reads the original; the later ones take items from it.
        for _ in 0..3 {
            let kept = api::plan_edit(&o, &d, &c).map(|p| api::to_json(&p)).expect("objects");
            prop_assert_eq!(&kept, &expected, "{:?}\n{}", how, d);
            let head = api::plan_edit_head(&o, &d, &c).expect("objects");
            let preview = api::edit_preview(head.ticket).expect("held");
            let mut joined: Value = serde_json::from_str(&head.text).expect("json");
            joined["preview"] = serde_json::from_str(&preview).expect("json");
            prop_assert_eq!(joined, serde_json::from_str::<Value>(&expected).expect("json"));
        }
    }
}

/// The reuse is really taken: an unchanged item is found, whatever the spacing around it, and
/// wherever it moved.
#[test]
fn unchanged_items_are_found_by_their_text() {
    let original = json!({
        "id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35",
        "access_schedule": {"schedule_items": [
            {"id": "a1000000-0000-4000-8000-000000000000", "amount": 1, "starting_at": ts(0), "ending_before": ts(1)},
            {"id": "a1000000-0000-4000-8000-000000000001", "amount": 2, "starting_at": ts(1), "ending_before": ts(2)},
            {"id": "a1000000-0000-4000-8000-000000000002", "amount": 3, "starting_at": ts(2), "ending_before": ts(3)},
        ]},
    });
    let known = KnownItems::read(Rc::from(original.to_string())).expect("json");
    let list = items(&original, "access_schedule");
    let item = |k: usize| list[k].to_string();
    let changed = item(1).replace("\"amount\":2", "\"amount\":20");
    let draft = format!(
        "{{\"access_schedule\":{{\"schedule_items\":[ {} ,\n{},{},{}]}}}}",
        item(2),
        changed,
        item(0),
        item(2)
    );
    let mut reused = Reused::new(&known);
    let v = parse_watching(&draft, &mut reused).expect("json");
    assert!(reused.any_in(0));
    assert_eq!(reused.count(0), 4);
    let found: Vec<bool> = (0..4).map(|k| reused.access(k).is_some()).collect();
    assert_eq!(found, [true, false, true, true]);
    let Some(json::Value::Array(parsed)) = v
        .get("access_schedule")
        .and_then(|s| s.get("schedule_items"))
    else {
        panic!("an array");
    };
    assert_eq!(
        parsed.iter().filter(|v| v.is_null()).count(),
        3,
        "stand-ins for the found items"
    );
}

/// The draft with each item that is one of the original's object items (same text) named by a
/// marker, as the JS boundary sends it (`src/js/arguments.js`).
fn marked(original: &Value, draft: &Value) -> String {
    let mut d = draft.clone();
    let mut placeholders = Vec::new();
    for (key, tag) in [("access_schedule", 'a'), ("invoice_schedule", 'i')] {
        let known: Vec<String> = items(original, key)
            .iter()
            .filter(|v| v.is_object())
            .map(Value::to_string)
            .collect();
        let Some(list) = d[key]["schedule_items"].as_array_mut() else {
            continue;
        };
        for item in list.iter_mut() {
            if let Some(k) = known.iter().position(|t| *t == item.to_string()) {
                let stand_in = format!("@@{}@@", placeholders.len());
                placeholders.push(format!("#{tag}{k}"));
                *item = json!(stand_in);
            }
        }
    }
    let mut text = d.to_string();
    for (n, m) in placeholders.iter().enumerate() {
        text = text.replace(&format!("\"@@{n}@@\""), m);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 800, ..ProptestConfig::default() })]

    /// A marked draft plans as its plain text does, its preview included; read without the
    /// original's items it is refused, never misread.
    #[test]
    fn a_marked_draft_plans_as_its_plain_text(
        original in commit(),
        edits in proptest::collection::vec(edit(), 0..5),
    ) {
        let draft = apply_edits(&original, &edits);
        let (o, c) = (original.to_string(), context().to_string());
        let (plain, marks) = (draft.to_string(), marked(&original, &draft));
        let expected: Value = serde_json::from_str(&fresh(&o, &plain, &c)).expect("json");
        let first = api::plan_edit_head(&o, &plain, &c).expect("objects");
        let head = api::plan_edit_marked_head(first.original, &marks, &c)
            .expect("the original is kept")
            .expect("objects");
        let preview = api::edit_preview(head.ticket).expect("held");
        let mut joined: Value = serde_json::from_str(&head.text).expect("json");
        joined["preview"] = serde_json::from_str(&preview).expect("json");
        prop_assert_eq!(&joined, &expected, "{}", marks);
        let late: Value = serde_json::from_str(&api::edit_preview_of_marked(&o, &marks, &c).expect("objects")).expect("json");
        prop_assert_eq!(&late, &expected["preview"]);
        // A first call: another original is kept, and this one is read once for both uses.
        api::plan_edit_head(&c, &c, &c).ok();
        let new = api::plan_edit_new_marked_head(&o, &marks, &c).expect("objects");
        let mut joined: Value = serde_json::from_str(&new.text).expect("json");
        joined["preview"] = serde_json::from_str(&api::edit_preview(new.ticket).expect("held")).expect("json");
        prop_assert_eq!(&joined, &expected, "{}", marks);
        let again = api::plan_edit_marked_head(new.original, &marks, &c).expect("kept with its items");
        prop_assert_eq!(&again.expect("objects").text, &new.text);
        if marks.contains('#') {
            prop_assert!(api::plan_edit(&o, &marks, &c).is_err(), "read as plain JSON");
        }
    }
}

#[test]
fn a_marker_of_an_item_the_original_lacks_is_refused() {
    let original = json!({
        "id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35",
        "access_schedule": {"schedule_items": [
            {"id": "a1000000-0000-4000-8000-000000000000", "amount": 1, "starting_at": ts(0), "ending_before": ts(1)},
        ]},
    });
    let o = original.to_string();
    let c = context().to_string();
    let first = api::plan_edit_head(&o, &o, &c).expect("objects");
    for bad in ["#a1", "#i0", "#a", "#x0", "#a99999999999"] {
        let draft = format!("{{\"access_schedule\":{{\"schedule_items\":[{bad}]}}}}");
        let answer = api::plan_edit_marked_head(first.original, &draft, &c).expect("kept");
        assert!(answer.is_err(), "{bad}");
    }
    let ok = "{\"access_schedule\":{\"schedule_items\":[#a0]}}";
    let answer = api::plan_edit_marked_head(first.original, ok, &c)
        .expect("kept")
        .expect("objects");
    assert!(answer.text.contains("\"payload\":null"), "{}", answer.text);
}
