//! The documented limits, checked at their edges on every run: the value at the limit is
//! accepted, one past it is refused with its code or issue, and neither takes more than the hang
//! limit. The values come from the library's own constants, so this follows them.

use crate::case::{guard, Call, Failure, Fun, Op};
use crate::gen::{rfc3339, CUSTOMER, START};
use commit_editor::api;
use commit_editor::json::{self, MAX_DEPTH, MAX_INPUT_BYTES};
use commit_editor::read::{MAX_ITEMS, MAX_STRING_BYTES};
use commit_editor::session::{Session, UNDO_DEPTH};
use commit_editor::values::decimal::{MAX_INT_DIGITS, MAX_SCALE};

const COMMIT_ID: &str = "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35";
const PRODUCT: &str = "2e30f074-d04c-412e-a134-851ebfa5ceb2";

/// A PREPAID commit with `items` contiguous hour-long segments; the first has an id (as in the
/// original), the others are new.
fn commit(items: usize, name: &str, amount: &str) -> String {
    let list: Vec<String> = (0..items)
        .map(|i| {
            let id = if i == 0 {
                r#""id":"000000a1-0000-4000-8000-000000000000","#
            } else {
                ""
            };
            format!(
                r#"{{{id}"amount":{amount},"starting_at":"{}","ending_before":"{}"}}"#,
                rfc3339(START + i as i64 * 3600),
                rfc3339(START + (i as i64 + 1) * 3600)
            )
        })
        .collect();
    format!(
        r#"{{"id":"{COMMIT_ID}","type":"PREPAID","name":"{name}","product":{{"id":"{PRODUCT}","name":"P"}},"created_at":"2025-12-01T00:00:00Z","access_schedule":{{"schedule_items":[{}]}}}}"#,
        list.join(",")
    )
}

fn context() -> String {
    format!(r#"{{"customer_id":"{CUSTOMER}"}}"#)
}

/// planEdit's issues at `path` with `code`, counted; and whether it has a payload.
fn plan_issues(
    original: &str,
    draft: &str,
    code: &str,
    path: &str,
) -> Result<(usize, bool), String> {
    let plan =
        api::plan_edit(original, draft, &context()).map_err(|e| format!("threw {}", e.code))?;
    let n = plan
        .issues
        .iter()
        .filter(|i| i.code.as_str() == code && i.path == path)
        .count();
    Ok((n, plan.payload.is_some()))
}

fn expect(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

fn error_code(r: Result<json::Value<'_>, api::ApiError>) -> Option<&'static str> {
    r.err().map(|e| e.code.as_str())
}

/// Runs every check; answers (checks passed, failures).
pub fn check_all() -> (usize, Vec<Failure>) {
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut run = |name: &str, input: Call, f: &dyn Fn() -> Result<(), String>| match guard(
        &format!("limit: {name}"),
        || input.clone(),
        f,
    ) {
        Ok(()) => passed += 1,
        Err(e) => failures.push(e),
    };
    let any = |t: &str| Call::Api(Fun::Any, vec![Some(t.to_owned())]);

    // Nesting: MAX_DEPTH levels are read, one more (or 100,000) is `too_deep`.
    let at = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let over = format!("[{at}]");
    let deep = format!("{}0{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    run(
        &format!("nesting {MAX_DEPTH} deep is read, deeper is too_deep"),
        any(&over),
        &|| {
            expect(api::any(&at, "value").is_ok(), || {
                format!("{MAX_DEPTH} levels refused")
            })?;
            expect(
                error_code(api::any(&over, "value")) == Some("too_deep"),
                || format!("{} levels not refused as too_deep", MAX_DEPTH + 1),
            )?;
            expect(
                error_code(api::object(&deep, "value")) == Some("too_deep"),
                || "100,000 levels not refused as too_deep".into(),
            )
        },
    );

    // Size: a text over MAX_INPUT_BYTES is `too_large`, before it is read.
    let big = format!("\"{}\"", "x".repeat(MAX_INPUT_BYTES - 1));
    run(
        &format!("a text over {} bytes is too_large", MAX_INPUT_BYTES),
        Call::Api(
            Fun::Any,
            vec![Some("(a string of MAX_INPUT_BYTES + 1 bytes)".into())],
        ),
        &|| {
            expect(
                error_code(api::any(&big, "value")) == Some("too_large"),
                || format!("{} bytes not refused as too_large", big.len()),
            )
        },
    );

    // Items: MAX_ITEMS per schedule are planned; one more is `too_many_items`, with no payload.
    let original = commit(1, "A", "100");
    let full = commit(MAX_ITEMS, "A", "100");
    let over = commit(MAX_ITEMS + 1, "A", "100");
    let path = "/access_schedule/schedule_items";
    run(
        &format!("{MAX_ITEMS} items are planned"),
        Call::Api(
            Fun::PlanEdit,
            vec![Some(original.clone()), Some(full.clone()), Some(context())],
        ),
        &|| {
            let plan = api::plan_edit(&original, &full, &context())
                .map_err(|e| e.code.as_str().to_owned())?;
            expect(plan.issues.is_empty() && plan.payload.is_some(), || {
                let first: Vec<_> = plan.issues.iter().take(3).collect();
                format!("{MAX_ITEMS} items: no payload; issues {first:?}")
            })
        },
    );
    run(
        &format!("{} items are too_many_items", MAX_ITEMS + 1),
        Call::Api(
            Fun::PlanEdit,
            vec![Some(original.clone()), Some(over.clone()), Some(context())],
        ),
        &|| {
            let (n, payload) = plan_issues(&original, &over, "too_many_items", path)?;
            expect(n == 1 && !payload, || {
                format!(
                    "{} items: {n} too_many_items issues at {path}, payload {payload}",
                    MAX_ITEMS + 1
                )
            })
        },
    );

    // Strings: MAX_STRING_BYTES bytes of UTF-8 are kept; one byte more is `string_too_long`.
    let at_limit = commit(1, &"x".repeat(MAX_STRING_BYTES), "100");
    let over_ascii = commit(1, &"x".repeat(MAX_STRING_BYTES + 1), "100");
    let over_utf8 = commit(1, &"é".repeat(MAX_STRING_BYTES / 2 + 1), "100");
    run(
        &format!("strings of {MAX_STRING_BYTES} bytes are kept, longer are string_too_long"),
        Call::Api(
            Fun::PlanEdit,
            vec![
                Some(original.clone()),
                Some(over_utf8.clone()),
                Some(context()),
            ],
        ),
        &|| {
            let (n, _) = plan_issues(&original, &at_limit, "string_too_long", "/name")?;
            expect(n == 0, || {
                format!("a name of {MAX_STRING_BYTES} bytes refused")
            })?;
            for (what, draft) in [("ASCII", &over_ascii), ("two-byte UTF-8", &over_utf8)] {
                let (n, _) = plan_issues(&original, draft, "string_too_long", "/name")?;
                expect(n == 1, || {
                    format!("a longer {what} name not refused as string_too_long")
                })?;
            }
            Ok(())
        },
    );

    // Money: exact or refused. The largest amount a JavaScript number holds exactly (2^53) and the
    // finest fraction (MAX_SCALE decimals) reach the payload unchanged; one more digit than a JS
    // number holds, 1e19, or one more decimal is `number_out_of_range`, never rounded.
    let largest = "9007199254740992".to_owned();
    let finest = format!("0.{}1", "0".repeat(MAX_SCALE as usize - 1));
    let too_big = format!("1e{MAX_INT_DIGITS}");
    let too_fine = format!("0.{}1", "0".repeat(MAX_SCALE as usize));
    let too_many_digits = "9007199254740993".to_owned();
    let amount_path = "/access_schedule/schedule_items/0/amount";
    run(
        "amounts a JavaScript number holds are exact, others are number_out_of_range",
        Call::Api(
            Fun::PlanEdit,
            vec![
                Some(original.clone()),
                Some(commit(1, "A", &too_fine)),
                Some(context()),
            ],
        ),
        &|| {
            for ok in [&largest, &finest, &format!("-{finest}")] {
                let (n, _) = plan_issues(
                    &original,
                    &commit(1, "A", ok),
                    "number_out_of_range",
                    amount_path,
                )?;
                expect(n == 0, || format!("amount {ok} refused"))?;
            }
            let plan = api::plan_edit(&original, &commit(1, "A", &largest), &context())
                .map_err(|e| e.code.as_str().to_owned())?;
            let sent = api::to_json(&plan.payload);
            expect(sent.contains(&largest), || {
                format!("the payload for amount {largest} is {sent}")
            })?;
            for bad in [&too_big, &too_fine, &too_many_digits] {
                let (n, payload) = plan_issues(
                    &original,
                    &commit(1, "A", bad),
                    "number_out_of_range",
                    amount_path,
                )?;
                expect(n == 1 && !payload, || {
                    format!("amount {bad} not refused as number_out_of_range")
                })?;
            }
            Ok(())
        },
    );

    // Undo: the last UNDO_DEPTH changes can be undone, older ones are dropped.
    let ops: Vec<Op> = (0..UNDO_DEPTH + 5)
        .map(|i| {
            let path = if i % 2 == 0 { "/name" } else { "/description" };
            Op::Set(path.into(), Some(format!("\"v{i}\"")))
        })
        .collect();
    let session_call = Call::Session {
        original: original.clone(),
        context: context(),
        ops: ops.clone(),
    };
    run(
        &format!("{UNDO_DEPTH} changes can be undone"),
        session_call,
        &|| {
            let o = json::parse(&original).map_err(|e| e.to_string())?;
            let ctx = context();
            let c = json::parse(&ctx).map_err(|e| e.to_string())?;
            let mut s = Session::new(&o, &c);
            for op in &ops {
                if let Op::Set(path, Some(v)) = op {
                    let v = json::parse(v).map_err(|e| e.to_string())?;
                    s.set(path, Some(&v));
                }
            }
            let mut undone = 0;
            while s.can_undo() && undone <= UNDO_DEPTH {
                s.undo();
                undone += 1;
            }
            expect(undone == UNDO_DEPTH, || {
                format!("{undone} undos, not {UNDO_DEPTH}")
            })?;
            let name = api::to_json(&s.draft());
            expect(name.contains("\"name\":\"v4\""), || {
                format!(
                    "after {UNDO_DEPTH} undos the name is not the 5th change's: {}",
                    name.chars().take(200).collect::<String>()
                )
            })
        },
    );

    // Texts of the largest allowed size made of the smallest values are read within the time
    // limit (reserving room for 8 entries per `{}` made these take 6 s and 5 GB).
    for (what, unit) in [
        ("{}", "{},"),
        ("[]", "[],"),
        ("{\"a\":0}", "{\"a\":0},"),
        ("0", "0,"),
    ] {
        let n = (MAX_INPUT_BYTES - 2) / unit.len();
        let text = format!("[{}0]", unit.repeat(n - 1));
        run(
            &format!(
                "a {} MiB text of {what} is read in time",
                MAX_INPUT_BYTES >> 20
            ),
            Call::Api(Fun::Any, vec![Some(format!("(a list of {n} {what})"))]),
            &|| {
                expect(api::any(&text, "value").is_ok(), || {
                    format!("a list of {what} refused")
                })
            },
        );
    }

    // MAX_ITEMS copies of one item: every copy after the first is a duplicate, found in time
    // (asking every copy for the position of every other made this quadratic: 1.5 s).
    let copies = commit(1, "A", "100").replace(
        "\"schedule_items\":[",
        &format!(
            "\"schedule_items\":[{}",
            format!(
                r#"{{"id":"000000a1-0000-4000-8000-000000000000","amount":100,"starting_at":"{}","ending_before":"{}"}},"#,
                rfc3339(START),
                rfc3339(START + 3600)
            )
            .repeat(MAX_ITEMS - 1)
        ),
    );
    run(
        &format!(
            "{MAX_ITEMS} copies of one item are {} duplicates",
            MAX_ITEMS - 1
        ),
        Call::Api(
            Fun::PlanEdit,
            vec![
                Some(original.clone()),
                Some(copies.clone()),
                Some(context()),
            ],
        ),
        &|| {
            let plan = api::plan_edit(&original, &copies, &context())
                .map_err(|e| e.code.as_str().to_owned())?;
            let dups = plan
                .issues
                .iter()
                .filter(|i| i.code.as_str() == "duplicate_item_id")
                .count();
            let first = plan
                .issues
                .iter()
                .any(|i| i.path == "/access_schedule/schedule_items/0/id");
            expect(dups == MAX_ITEMS - 1 && !first, || {
                format!("{dups} duplicate_item_id issues (first copy flagged: {first})")
            })
        },
    );

    // generateSchedule: a range of more than MAX_ITEMS periods is `too_many_items`.
    let rule = r#"{"total":1,"starting_at":"0001-01-01T00:00:00Z","ending_before":"9999-01-01T00:00:00Z","frequency":"MONTHLY","distribution":"EACH","kind":"access"}"#;
    run(
        &format!("generateSchedule refuses more than {MAX_ITEMS} periods"),
        Call::Api(Fun::GenerateSchedule, vec![Some(rule.into())]),
        &|| {
            let g = api::generate_schedule(rule).map_err(|e| e.code.as_str().to_owned())?;
            let out = api::to_json(&g);
            expect(out.contains("\"too_many_items\""), || {
                format!(
                    "no too_many_items: {}",
                    out.chars().take(300).collect::<String>()
                )
            })
        },
    );

    (passed, failures)
}
