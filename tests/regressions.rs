//! Regression cases found by the fuzz driver (fuzz/): each test names the seed and case that
//! found it (`cargo run --release --manifest-path fuzz/Cargo.toml -- 1 SEED --case K`).
#![cfg(not(target_arch = "wasm32"))]

use commit_editor::api;
use commit_editor::json::{self, parse_pointer};
use commit_editor::plan::output::SessionPlan;
use commit_editor::session::Session;
use commit_editor::values::Decimal;

const COMMIT: &str = r#"{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A",
  "product": {"id": "2e30f074-d04c-412e-a134-851ebfa5ceb2", "name": "P"},
  "created_at": "2025-12-01T00:00:00Z",
  "access_schedule": {"schedule_items": [
    {"id": "000000a1-0000-4000-8000-000000000000", "amount": 100,
     "starting_at": "2026-01-01T00:00:00Z", "ending_before": "2026-02-01T00:00:00Z"}]}}"#;
const CONTEXT: &str = r#"{"customer_id": "4c91c473-fc12-445a-9c38-40421d47023f"}"#;

fn session() -> Session {
    let (o, c) = (json::parse(COMMIT), json::parse(CONTEXT));
    Session::new(&o.expect("commit"), &c.expect("context"))
}

/// The last issue of a plan as `(code, path)`: where a refused session edit puts its own.
fn last_issue(plan: &SessionPlan) -> Option<(&str, &str)> {
    plan.issues
        .last()
        .map(|i| (i.code.as_str(), i.path.as_str()))
}

fn assert_paths_are_pointers(plan: &SessionPlan, what: &str) {
    for i in &plan.issues {
        assert!(
            i.path.is_empty() || (i.path.starts_with('/') && parse_pointer(&i.path).is_some()),
            "{what}: issue path {:?} is not a JSON Pointer ({})",
            i.path,
            i.message
        );
    }
}

/// Seed 1, cases 1 and 4: `set("~", …)` and `removeItem("~")` answered a `path_not_found`
/// issue whose path was the caller's `~`, which is not a JSON Pointer. The issue is now at the
/// root and the message quotes the path.
#[test]
fn a_path_that_is_not_a_json_pointer_is_refused_at_the_root() {
    let value = json::parse("1").expect("value");
    for path in [
        "~",
        "name",
        "~01",
        "#/name",
        "-",
        "/a~2",
        "/name/~",
        "access_schedule/0",
    ] {
        let mut s = session();
        let plan = s.set(path, Some(&value));
        assert_paths_are_pointers(&plan, &format!("set({path:?})"));
        let refused = plan.issues.last().expect("refused");
        assert_eq!(refused.code.as_str(), "path_not_found", "set({path:?})");
        assert!(
            refused.message.contains(&format!("{path:?}")),
            "{}",
            refused.message
        );
        assert!(plan.payload.is_none());

        let plan = s.remove_item(path);
        assert_paths_are_pointers(&plan, &format!("remove_item({path:?})"));
        assert_eq!(
            plan.issues.last().map(|i| i.code.as_str()),
            Some("path_not_found")
        );
    }
    // A pointer that names nothing keeps its own path.
    let mut s = session();
    let plan = s.remove_item("/access_schedule/schedule_items/7");
    assert_eq!(
        plan.issues.last().map(|i| i.path.as_str()),
        Some("/access_schedule/schedule_items/7")
    );
}

fn plan_edit_issue(draft_field: &str, value: &str) -> Vec<(String, String)> {
    let draft = COMMIT.replace(draft_field, value);
    assert_ne!(draft, COMMIT, "{draft_field} is in the commit");
    let plan = api::plan_edit(COMMIT, &draft, CONTEXT).expect("objects");
    plan.issues
        .iter()
        .map(|i| (i.code.as_str().to_owned(), i.path.clone()))
        .collect()
}

/// Seed 1, case 64594: the timestamp `9999-12-31T23:59:59-23:59` is year 10000 in UTC; the
/// payload carried `+10000-01-01T23:58:59Z`, which is not RFC 3339 and which applyEdit (and the
/// API) refuse. Such instants are now refused where they are read.
#[test]
fn an_instant_outside_the_four_digit_years_in_utc_is_refused() {
    let path = "/access_schedule/schedule_items/0/ending_before";
    for late in [
        "9999-12-31T23:59:59-23:59",
        "9999-12-31T23:00:00-01:00",
        "0000-01-01T00:00:00+00:01",
    ] {
        let issues = plan_edit_issue("\"2026-02-01T00:00:00Z\"", &format!("\"{late}\""));
        assert!(
            issues.contains(&("invalid_timestamp".into(), path.into())),
            "{late}: {issues:?}"
        );
    }
    for fine in ["9999-12-31T23:00:00Z", "9999-12-31T23:00:00+01:00"] {
        let issues = plan_edit_issue("\"2026-02-01T00:00:00Z\"", &format!("\"{fine}\""));
        assert!(
            !issues.iter().any(|(c, _)| c == "invalid_timestamp"),
            "{fine}: {issues:?}"
        );
    }
}

/// Seed 1, case 47844: the amount `9999999999999999999` was accepted (it is below 1e19) but
/// the payload, a JSON number, carried `1e19`: the edit was altered on the way out, and
/// applyEdit refused its own payload. An amount a JavaScript number cannot hold exactly is now
/// refused as `number_out_of_range`.
#[test]
fn an_amount_a_javascript_number_cannot_hold_is_refused_not_rounded() {
    let path = "/access_schedule/schedule_items/0/amount";
    for bad in [
        "9999999999999999999",
        "\"9999999999999999999\"",
        "9007199254740993",
        "\"0.123456789012345678\"",
    ] {
        let issues = plan_edit_issue("\"amount\": 100", &format!("\"amount\": {bad}"));
        assert!(
            issues.contains(&("number_out_of_range".into(), path.into())),
            "{bad}: {issues:?}"
        );
    }
    for (fine, sent) in [
        ("9007199254740992", "9007199254740992"),
        ("\"0.1\"", "0.1"),
        ("1e18", "1e18"),
        ("\" 12.50 \"", "12.5"),
        ("123456789012345.6", "123456789012345.6"),
    ] {
        let draft = COMMIT.replace("\"amount\": 100", &format!("\"amount\": {fine}"));
        let plan = api::plan_edit(COMMIT, &draft, CONTEXT).expect("objects");
        assert!(plan.issues.is_empty(), "{fine}: {:?}", plan.issues);
        let payload = api::to_json(&plan.payload);
        assert_eq!(
            amount_in(&payload, "update_schedule_items"),
            Decimal::parse(sent).ok(),
            "{fine}: {payload}"
        );
        // The payload applies, and gives the amount back.
        let applied =
            api::to_json(&api::apply_edit(COMMIT, &payload).expect("own payload applies"));
        assert_eq!(
            amount_in(&applied, "schedule_items"),
            Decimal::parse(sent).ok(),
            "{fine}: {applied}"
        );
    }
}

/// The amount of the first access item of `list` in a JSON text, exactly.
fn amount_in(text: &str, list: &str) -> Option<Decimal> {
    let v = json::parse(text).ok()?;
    match v.get("access_schedule")?.get(list)? {
        json::Value::Array(items) => match items.first()?.get("amount")? {
            json::Value::Number(n) => Decimal::parse(n).ok(),
            _ => None,
        },
        _ => None,
    }
}

/// Seed 1, case 980726: a draft holding 50,000 copies of one item took 1.5 s in planEdit, every
/// copy asking every other for its position. Each copy after the first is still a duplicate, and
/// the first is not (fuzz/src/limits.rs checks the time at 50,000 copies).
#[test]
fn copies_of_one_item_are_duplicates_after_the_first() {
    let item = r#"{"id": "000000a1-0000-4000-8000-000000000000", "amount": 100,
     "starting_at": "2026-01-01T00:00:00Z", "ending_before": "2026-02-01T00:00:00Z"}"#;
    let other = r#"{"amount": 5, "starting_at": "2026-02-01T00:00:00Z", "ending_before": "2026-03-01T00:00:00Z"}"#;
    let list = format!("[{other}, {item}, {item}, {other}, {item}]");
    let start = COMMIT.find("[").expect("a list");
    let end = COMMIT.rfind("]").expect("a list");
    let draft = format!("{}{list}{}", &COMMIT[..start], &COMMIT[end + 1..]);
    let plan = api::plan_edit(COMMIT, &draft, CONTEXT).expect("objects");
    let dups: Vec<&str> = plan
        .issues
        .iter()
        .filter(|i| i.code.as_str() == "duplicate_item_id")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(
        dups,
        [
            "/access_schedule/schedule_items/2/id",
            "/access_schedule/schedule_items/4/id"
        ]
    );
}

/// planEdit crosses as the plan's text without its preview, which is computed when first read:
/// the head and the preview make the whole plan, whether the module still holds what the
/// preview is computed from (the ticket) or has to plan the same texts again.
#[test]
fn the_plan_head_and_its_later_preview_make_the_whole_plan() {
    let blocked = COMMIT.replace("\"amount\": 100", "\"amount\": -5");
    let drafts = [
        COMMIT.replace("\"amount\": 100", "\"amount\": 250"),
        blocked,
        COMMIT.to_owned(),
    ];
    for draft in &drafts {
        let plan = api::plan_edit(COMMIT, draft, CONTEXT).expect("objects");
        let whole: serde_json::Value = serde_json::from_str(&api::to_json(&plan)).expect("json");
        let head = api::plan_edit_head(COMMIT, draft, CONTEXT).expect("objects");
        let mut joined: serde_json::Value = serde_json::from_str(&head.text).expect("json");
        let held = api::edit_preview(head.ticket).expect("the last plan's preview is held");
        joined["preview"] = serde_json::from_str(&held).expect("json");
        assert_eq!(joined, whole, "{draft}");
        assert_eq!(
            api::edit_preview(head.ticket),
            None,
            "a held preview is given once"
        );

        let first = api::plan_edit_head(COMMIT, draft, CONTEXT).expect("objects");
        let _later = api::plan_edit_head(COMMIT, &drafts[0], CONTEXT).expect("objects");
        assert_eq!(
            api::edit_preview(first.ticket),
            None,
            "a later plan took its place"
        );
        let again = api::edit_preview_of(COMMIT, draft, CONTEXT).expect("objects");
        assert_eq!(again, held);
    }
    let head = api::plan_edit_head(COMMIT, &drafts[1], CONTEXT).expect("objects");
    let v: serde_json::Value = serde_json::from_str(&head.text).expect("json");
    assert!(v["payload"].is_null() && !v["issues"].as_array().expect("issues").is_empty());
}

/// `api::plan_edit` keeps the last original it read. Alternating originals, drafts and contexts,
/// every answer equals a plan made from scratch (a context that locks a segment included).
#[test]
fn the_kept_original_never_changes_an_answer() {
    let other = COMMIT.replace("\"name\": \"A\"", "\"name\": \"Z\"");
    let locked = r#"{"customer_id": "4c91c473-fc12-445a-9c38-40421d47023f", "invoice_statuses": {"00000000-0000-4000-8000-0000000000f1": "FINALIZED"}}"#;
    let drafts = [
        COMMIT.replace("\"amount\": 100", "\"amount\": 7"),
        COMMIT.replace("\"name\": \"A\"", "\"name\": \"B\""),
        COMMIT.to_owned(),
        "{}".to_owned(),
    ];
    let originals = [
        COMMIT,
        other.as_str(),
        COMMIT,
        COMMIT,
        other.as_str(),
        "[]",
        COMMIT,
    ];
    for (k, original) in originals.iter().enumerate() {
        for draft in &drafts {
            for context in [CONTEXT, locked] {
                let kept = api::plan_edit(original, draft, context).map(|p| api::to_json(&p));
                let fresh = match (
                    json::parse(original),
                    json::parse(draft),
                    json::parse(context),
                ) {
                    (Ok(o @ json::Value::Object(_)), Ok(d), Ok(c)) => Ok(api::to_json(
                        &commit_editor::plan::edit::plan_edit(&o, &d, &c),
                    )),
                    _ => Err(()),
                };
                assert_eq!(kept.is_ok(), fresh.is_ok(), "call {k}");
                if let (Ok(a), Ok(b)) = (kept, fresh) {
                    assert_eq!(a, b, "call {k}: {draft} in {context}");
                }
            }
        }
    }
}

/// One unreadable item in an original is reported there; the schedule's other items are still
/// the original's (they used to be dropped with it, and every draft item was then "unknown").
#[test]
fn an_unreadable_original_item_leaves_the_others_known() {
    let original = r#"{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A",
      "product": {"id": "2e30f074-d04c-412e-a134-851ebfa5ceb2", "name": "P"},
      "created_at": "2026-01-01T00:00:00Z",
      "access_schedule": {"schedule_items": [
        {"id": "a1000000-0000-4000-8000-000000000001", "amount": 100, "starting_at": "2026-01-01T00:00:00Z", "ending_before": "2026-02-01T00:00:00Z"},
        {"id": "a1000000-0000-4000-8000-000000000002", "amount": "abc", "starting_at": "2026-02-01T00:00:00Z", "ending_before": "2026-03-01T00:00:00Z"},
        {"id": "a1000000-0000-4000-8000-000000000003", "amount": 100, "starting_at": "2026-03-01T00:00:00Z", "ending_before": "2026-04-01T00:00:00Z"}]}}"#;
    let plan = api::plan_edit(original, original, CONTEXT).expect("objects");
    let at = |path: &str| {
        plan.issues
            .iter()
            .filter(|i| i.path.starts_with(path))
            .map(|i| i.code.as_str())
            .collect::<Vec<_>>()
    };
    // Its own id is the original's: no `unknown_item_id` beside `invalid_original` (audit 5, F7).
    let item = at("/access_schedule/schedule_items/1");
    assert!(item.contains(&"invalid_original"), "{:?}", plan.issues);
    assert!(!item.contains(&"unknown_item_id"), "{:?}", plan.issues);
    assert!(
        at("/access_schedule/schedule_items/0").is_empty(),
        "{:?}",
        plan.issues
    );
    assert!(
        at("/access_schedule/schedule_items/2").is_empty(),
        "{:?}",
        plan.issues
    );
    assert!(plan.payload.is_none());
}

/// Audit 5, D1: a value at the argument depth limit, set one level down, left a draft the session
/// could not re-read, and every later top-level `set` was dropped without an issue. Such a value
/// is now refused, and the draft keeps taking edits.
#[test]
fn a_value_too_deep_for_the_draft_is_refused_and_later_edits_are_kept() {
    let nested = |levels: usize| "[".repeat(levels) + &"]".repeat(levels);
    let name = json::parse(r#""B""#).expect("name");
    for (path, levels) in [
        ("/custom_fields", 64),
        ("/description", 64),
        ("/specifiers/0", 64),
    ] {
        let mut s = session();
        let text = nested(levels);
        let value = json::parse(&text).expect("at the argument limit");
        let plan = s.set(path, Some(&value));
        assert_eq!(last_issue(&plan), Some(("value_too_deep", path)), "{path}");
        let plan = s.set("/name", Some(&name));
        assert!(plan.issues.is_empty(), "{path}: {:?}", plan.issues);
        assert_eq!(
            s.draft().name,
            commit_editor::read::field::Field::Set("B".to_owned())
        );
    }
    // One level less fits, and is an ordinary (invalid) value of the field.
    let mut s = session();
    let text = nested(63);
    let value = json::parse(&text).expect("value");
    s.set("/description", Some(&value));
    let plan = s.set("/name", Some(&name));
    assert!(
        plan.issues.iter().all(|i| i.path == "/description"),
        "{:?}",
        plan.issues
    );
    assert_eq!(
        s.draft().name,
        commit_editor::read::field::Field::Set("B".to_owned())
    );
    let text = format!(r#"{{"amount": {}}}"#, nested(61));
    let item = json::parse(&text).expect("item");
    let plan = s.add_item("access", &item);
    assert_eq!(
        plan.issues.last().map(|i| i.code.as_str()),
        Some("value_too_deep")
    );
}

/// Audit 5, D2: every paste kept a whole copy of the draft for undo, bounded only by the count of
/// steps, so pasting a large commit again and again ran the module out of memory. The history now
/// holds at most `UNDO_BYTES` of JSON in what its steps keep; the oldest steps go first.
#[test]
fn the_undo_history_of_whole_drafts_is_bounded_by_bytes() {
    use commit_editor::session::UNDO_BYTES;
    let n = 5_000;
    let items: Vec<String> = (0..n)
        .map(|k| {
            format!(
                r#"{{"id": "000000a1-0000-4000-8000-{k:012}", "amount": 1, "starting_at": "2026-01-01T{h:02}:00:00Z", "ending_before": "2026-01-01T{e:02}:00:00Z"}}"#,
                h = k % 23,
                e = k % 23 + 1
            )
        })
        .collect();
    let commit = COMMIT.replace(
        &COMMIT
            [COMMIT.find(r#"{"id": "000000a1"#).expect("item")..COMMIT.rfind("]}}").expect("end")],
        &items.join(","),
    );
    let (o, c) = (
        json::parse(&commit).expect("commit"),
        json::parse(CONTEXT).expect("context"),
    );
    let mut s = Session::new(&o, &c);
    let weight = 64 + api::to_json(&s.draft()).len();
    let pastes = 2 * UNDO_BYTES / weight;
    for k in 0..pastes {
        let draft = commit.replacen(r#""name": "A""#, &format!(r#""name": "A{k}""#), 1);
        s.replace_draft(&json::parse(&draft).expect("draft"));
    }
    let mut undone: usize = 0;
    while s.can_undo() {
        s.undo();
        undone += 1;
    }
    // The names add a few bytes to each step: one step more or less than an exact division.
    let kept = UNDO_BYTES / weight;
    assert!(
        undone.abs_diff(kept) <= 1,
        "{undone} whole-draft steps kept of {pastes}, about {kept} expected"
    );
    assert_eq!(
        s.draft().name,
        commit_editor::read::field::Field::Set(format!("A{}", pastes - undone - 1))
    );
}

/// Audit 6, D1: a top-level `set` keeps the top-level fields it replaced for undo, and each such
/// step counted as one item however large: a 4.5 MB description and 900 keystrokes in other fields
/// ran the module out of memory. They count by their bytes now.
#[test]
fn the_undo_history_of_top_level_sets_is_bounded_by_bytes() {
    use commit_editor::session::UNDO_BYTES;
    let mut s = session();
    let big = json::Value::String("d".repeat(1 << 20).into());
    s.set("/description", Some(&big));
    for k in 0..300 {
        let name = json::Value::String(format!("n{k}").into());
        s.set("/name", Some(&name));
        let text = k.to_string();
        let priority = json::parse(&text).expect("number");
        s.set("/priority", Some(&priority));
    }
    let mut undone = 0;
    while s.can_undo() {
        s.undo();
        undone += 1;
    }
    assert!(
        undone > 1 && undone <= UNDO_BYTES / (1 << 20) + 1,
        "{undone} steps kept"
    );
}

/// Audit 5, D3: two segments with the same range, the first removed and the removal undone: the
/// session reported the overlap on the other segment than planEdit does for the same draft (the
/// index ordered equal ranges by when an item was inserted, not by where it stands).
#[test]
fn an_undone_removal_keeps_equal_ranges_in_draft_order() {
    let mut s = session();
    for amount in [1, 2] {
        let item = format!(
            r#"{{"amount": {amount}, "starting_at": "2027-01-01T00:00:00Z", "ending_before": "2027-03-01T00:00:00Z"}}"#
        );
        s.add_item("access", &json::parse(&item).expect("item"));
    }
    let before = s.plan().issues;
    s.remove_item("/access_schedule/schedule_items/1");
    let after = s.undo().issues;
    let draft = api::to_json(&s.draft());
    let planned = api::plan_edit(COMMIT, &draft, CONTEXT)
        .expect("objects")
        .issues;
    let shown = |issues: &[commit_editor::issue::Issue]| {
        issues
            .iter()
            .map(|i| format!("{} {} {}", i.code.as_str(), i.path, i.message))
            .collect::<Vec<_>>()
    };
    assert!(
        shown(&before)
            .iter()
            .any(|i| i.starts_with("access_overlap")),
        "{:?}",
        shown(&before)
    );
    assert_eq!(shown(&after), shown(&planned));
    assert_eq!(shown(&after), shown(&before));
}

/// Audit 6: `set` inside a reference or a schedule at a key the draft does not keep was answered
/// as if made, and the value was gone (an undo step for nothing). It is now refused; the product's
/// name is kept, and a new one for the same product is `field_not_editable` (as in planEdit).
#[test]
fn a_set_the_draft_cannot_keep_is_refused_and_a_renamed_product_is_not_editable() {
    let value = json::parse(r#""x""#).expect("value");
    for path in [
        "/product/colour",
        "/product/id/x",
        "/invoice_contract/name",
        "/access_schedule/foo",
        "/invoice_schedule/bar",
    ] {
        let mut s = session();
        let plan = s.set(path, Some(&value));
        assert_eq!(last_issue(&plan), Some(("path_not_found", path)), "{path}");
        assert!(!s.can_undo(), "{path}: nothing was done, nothing to undo");
    }
    let mut s = session();
    let plan = s.set("/product/name", Some(&value));
    assert_eq!(
        last_issue(&plan),
        Some(("field_not_editable", "/product/name"))
    );
    let renamed = COMMIT.replace(r#""name": "P""#, r#""name": "Q""#);
    let planned = api::plan_edit(COMMIT, &renamed, CONTEXT).expect("objects");
    assert_eq!(
        planned
            .issues
            .iter()
            .map(|i| (i.code.as_str(), i.path.as_str()))
            .collect::<Vec<_>>(),
        [("field_not_editable", "/product/name")]
    );
    assert!(api::plan_edit(COMMIT, COMMIT, CONTEXT)
        .expect("objects")
        .issues
        .is_empty());
}

/// Found by audit (session 5, F2): a negative amount showed the original item in `preview` and
/// `changes`, next to its error; both show the edit as drafted.
#[test]
fn a_negative_amount_is_previewed_as_drafted_next_to_its_error() {
    let original = r#"{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A",
      "product": {"id": "2e30f074-d04c-412e-a134-851ebfa5ceb2", "name": "P"},
      "created_at": "2025-12-01T00:00:00Z",
      "access_schedule": {"schedule_items": [
        {"id": "000000a1-0000-4000-8000-000000000000", "amount": 100,
         "starting_at": "2026-01-01T00:00:00Z", "ending_before": "2026-02-01T00:00:00Z"}]},
      "invoice_schedule": {"schedule_items": [
        {"id": "000000b1-0000-4000-8000-000000000000", "amount": 100, "quantity": 1, "unit_price": 100,
         "timestamp": "2026-01-01T00:00:00Z"}]}}"#;
    let draft = original
        .replace(
            r#""amount": 100,
         "starting_at""#,
            r#""amount": -5,
         "starting_at""#,
        )
        .replace(
            r#""amount": 100, "quantity": 1"#,
            r#""amount": -200, "quantity": -2"#,
        );
    assert_ne!(draft, original);
    let plan = api::plan_edit(original, &draft, CONTEXT).expect("objects");
    let codes: Vec<(&str, &str)> = plan
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert!(
        codes.contains(&(
            "negative_amount",
            "/access_schedule/schedule_items/0/amount"
        )),
        "{codes:?}"
    );
    assert!(
        codes.contains(&(
            "negative_amount",
            "/invoice_schedule/schedule_items/0/quantity"
        )),
        "{codes:?}"
    );
    assert!(plan.payload.is_none());
    let preview: serde_json::Value =
        serde_json::from_str(&api::to_json(&plan.preview)).expect("json");
    assert_eq!(
        preview["access_schedule"]["schedule_items"][0]["amount"],
        -5
    );
    let item = &preview["invoice_schedule"]["schedule_items"][0];
    assert_eq!(
        (&item["amount"], &item["quantity"], &item["unit_price"]),
        (&(-200).into(), &(-2).into(), &100.into())
    );
    let changes = api::to_json(&plan.changes);
    assert!(changes.contains(r#""path":"/access_schedule/schedule_items/0/amount","kind":"updated","before":100,"after":-5"#), "{changes}");
}

/// Found by audit (session 6): a marked draft was held to the size of its text, so a draft over
/// the 32 MiB limit was planned when the original its markers name was kept, and refused when not.
#[test]
fn a_marked_draft_is_held_to_the_size_of_the_draft_it_stands_for() {
    let note = "x".repeat(1 << 20);
    let items: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"id": "000000a1-0000-4000-8000-{i:012}", "amount": 1, "starting_at": "2026-01-01T00:00:00Z", "ending_before": "2026-02-01T00:00:00Z", "note": "{note}"}}"#
            )
        })
        .collect();
    let original = format!(
        r#"{{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A", "access_schedule": {{"schedule_items": [{}]}}}}"#,
        items.join(",")
    );
    let markers: Vec<String> = (0..20).map(|k| format!("#a{k}")).collect();
    let big = "y".repeat(13 << 20);
    let marked = format!(
        r#"{{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A", "description": "{big}", "access_schedule": {{"schedule_items": [{}]}}}}"#,
        markers.join(",")
    );
    let small = marked.replace(&big, "short");
    let first = api::plan_edit_head(&original, &original, CONTEXT).expect("objects");
    let kept = api::plan_edit_marked_head(first.original, &marked, CONTEXT).expect("kept");
    assert_eq!(
        kept.map(|_| ()).map_err(|e| e.code.as_str()),
        Err("too_large")
    );
    api::plan_edit_head(CONTEXT, CONTEXT, CONTEXT).expect("objects");
    let new = api::plan_edit_new_marked_head(&original, &marked, CONTEXT);
    assert_eq!(
        new.map(|_| ()).map_err(|e| e.code.as_str()),
        Err("too_large")
    );
    let fine = api::plan_edit_new_marked_head(&original, &small, CONTEXT).expect("under the limit");
    assert!(
        fine.text
            .contains(r#""path":"/description","kind":"added""#),
        "{}",
        fine.text
    );
}

/// Audit 6, D3: a `set` at index == the number of items appended an item without a word, though
/// the path names nothing (RFC 6901: only `-` names the place after the last element).
#[test]
fn a_set_past_the_last_item_names_nothing() {
    let mut s = session();
    let item = json::parse(
        r#"{"amount": 5, "starting_at": "2026-03-01T00:00:00Z", "ending_before": "2026-04-01T00:00:00Z"}"#,
    )
    .expect("item");
    let plan = s.set("/access_schedule/schedule_items/1", Some(&item));
    assert_eq!(
        plan.issues.last().map(|i| i.code.as_str()),
        Some("path_not_found")
    );
    assert!(plan.payload.is_none());
    assert!(!s.can_undo());
}

/// Audit 6, D4: a `set` of an invoice item's `invoice_id` was `path_not_found`, though `draft()`
/// holds that field and planEdit answers `field_not_editable` for the same change.
#[test]
fn a_set_of_an_invoice_id_is_judged_as_planedit_judges_it() {
    let original = r#"{"id": "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35", "type": "PREPAID", "name": "A",
      "product": {"id": "2e30f074-d04c-412e-a134-851ebfa5ceb2", "name": "P"},
      "created_at": "2025-12-01T00:00:00Z",
      "invoice_schedule": {"schedule_items": [
        {"id": "000000b1-0000-4000-8000-000000000000", "invoice_id": "c1000000-0000-4000-8000-000000000002",
         "amount": 100, "quantity": 1, "unit_price": 100, "timestamp": "2026-01-01T00:00:00Z"}]}}"#;
    let (o, c) = (
        json::parse(original).expect("commit"),
        json::parse(CONTEXT).expect("context"),
    );
    let mut s = Session::new(&o, &c);
    let other = json::Value::String("c1000000-0000-4000-8000-000000000009".into());
    let path = "/invoice_schedule/schedule_items/0/invoice_id";
    let plan = s.set(path, Some(&other));
    let codes: Vec<&str> = plan.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["field_not_editable"], "{:?}", plan.issues);
    let draft = api::to_json(&s.draft());
    let fresh = api::plan_edit(original, &draft, CONTEXT).expect("objects");
    assert_eq!(api::to_json(&fresh.issues), api::to_json(&plan.issues));
    let same = json::Value::String("C1000000-0000-4000-8000-000000000002".into());
    assert!(
        s.set(path, Some(&same)).issues.is_empty(),
        "the same id in another case is no change"
    );
}

/// Audit 8, C1: a `set` to a key a specifier or the hierarchy configuration does not have
/// (`productId`, `childAccess`) was kept for undo and then dropped when the draft was read: an
/// edit lost without a word. It is `path_not_found`, as a misspelt key anywhere else is.
#[test]
fn a_set_to_a_key_a_specifier_or_the_hierarchy_lacks_is_refused() {
    let original = COMMIT.replace(
        r#""created_at""#,
        r#""specifiers": [{"product_tags": ["a"], "exclude": [{"product_tags": ["b"]}]}],
           "hierarchy_configuration": {"child_access": {"type": "ALL"}},
           "created_at""#,
    );
    let context = json::parse(CONTEXT).expect("context");
    let value = json::parse(r#""x""#).expect("value");
    for path in [
        "/specifiers/0/productId",
        "/specifiers/0/exclude/0/tags",
        "/hierarchy_configuration/childAccess",
        "/hierarchy_configuration/child_access/contractIds",
    ] {
        let mut s = Session::new(&json::parse(&original).expect("commit"), &context);
        let plan = s.set(path, Some(&value));
        assert_eq!(last_issue(&plan), Some(("path_not_found", path)), "{path}");
        assert!(!s.can_undo(), "{path}: nothing was done, nothing to undo");
    }
    for path in [
        "/specifiers/0/product_id",
        "/specifiers/0/exclude/0/product_tags/0",
        "/hierarchy_configuration/child_access/type",
    ] {
        let mut s = Session::new(&json::parse(&original).expect("commit"), &context);
        s.set(path, Some(&value));
        assert!(s.can_undo(), "{path} is a field the draft keeps");
    }
}

/// Review 8, 6: an original whose `invoice_schedule` is `null` has none; the session refused
/// `addItem("invoice", …)` (`path_not_found` at the root) though planEdit plans the same item.
#[test]
fn an_item_can_be_added_to_a_schedule_the_original_holds_as_null() {
    let original = COMMIT.replace(
        r#""created_at""#,
        r#""invoice_schedule": null, "created_at""#,
    );
    let context = json::parse(CONTEXT).expect("context");
    let mut s = Session::new(&json::parse(&original).expect("commit"), &context);
    let item = json::parse(r#"{"timestamp": "2026-05-01T00:00:00Z", "amount": 5}"#).expect("item");
    let plan = s.add_item("invoice", &item);
    assert!(plan.issues.is_empty(), "{:?}", plan.issues);
    let sent = api::to_json(&plan.payload);
    assert!(
        sent.contains(r#""add_schedule_items":[{"timestamp":"2026-05-01T00:00:00Z","amount":5}]"#),
        "{sent}"
    );
    let planned = api::plan_edit(&original, &api::to_json(&s.draft()), CONTEXT).expect("objects");
    assert_eq!(
        api::to_json(&planned.payload),
        sent,
        "the session agrees with planEdit"
    );
}

/// Audit 7: `set('/balance', same value)` was refused while `set('/created_at', same value)` was
/// not; a read-only field given its own value back (a form writing what it shows) is no edit.
#[test]
fn a_read_only_field_given_its_own_value_is_no_edit() {
    let original = COMMIT.replace(r#""created_at""#, r#""balance": 0.5, "created_at""#);
    let context = json::parse(CONTEXT).expect("context");
    let mut s = Session::new(&json::parse(&original).expect("commit"), &context);
    for same in ["0.5", "\"0.50\""] {
        let plan = s.set("/balance", Some(&json::parse(same).expect("value")));
        assert!(plan.issues.is_empty(), "{same}: {:?}", plan.issues);
        assert!(!s.can_undo(), "{same}: nothing was done");
    }
    let plan = s.set("/balance", Some(&json::parse("7").expect("value")));
    assert_eq!(last_issue(&plan), Some(("field_not_editable", "/balance")));
    assert!(!s.can_undo());
}

/// Audit 9, D3: `set('/name', 'a')`, `setContext(…)`, `set('/name', 'b')` were one undo step, so
/// one undo went back past the first set. A context change ends a run of typing.
#[test]
fn a_context_change_ends_a_run_of_typing() {
    let mut s = session();
    let (a, b) = (
        json::Value::String("a".into()),
        json::Value::String("b".into()),
    );
    s.set("/name", Some(&a));
    s.set_context(&json::parse(CONTEXT).expect("context"));
    s.set("/name", Some(&b));
    s.undo();
    let name = |s: &Session| {
        json::parse(&api::to_json(&s.draft()))
            .expect("draft")
            .get("name")
            .and_then(|n| n.as_str().map(str::to_owned))
    };
    assert_eq!(name(&s).as_deref(), Some("a"));
    s.undo();
    assert_eq!(name(&s).as_deref(), Some("A"));
    assert!(!s.can_undo());
}
