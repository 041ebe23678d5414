//! The fixture table and how a result is judged against it: shared by the native runner
//! (tests/fixtures.rs) and the wasm runner (tests/wasm.rs), so both apply the same checks.
#![allow(dead_code)]

use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));

/// What a call gave: the JSON it returned, or the `(code, path)` of what it threw.
pub type Outcome = Result<Value, (String, String)>;

/// Checks one fixture; `Err` says what differs.
pub fn check(fixture: &Value, outcome: Outcome) -> Result<(), String> {
    let expect = &fixture["expect"];
    if let Some(t) = expect.get("throws") {
        return match outcome {
            Err((code, path))
                if t["code"] == code.as_str()
                    && t.get("path").map_or(true, |p| p == path.as_str()) =>
            {
                Ok(())
            }
            other => Err(format!("expected a throw {t}, got {other:?}")),
        };
    }
    let got = outcome.map_err(|e| format!("threw {e:?}"))?;
    if let Some(commit) = expect.get("commit") {
        return same(commit, &got)
            .then_some(())
            .ok_or_else(|| format!("commit differs:\n want {commit}\n got  {got}"));
    }
    if let Some(payload) = expect.get("payload") {
        if !same(payload, &got["payload"]) {
            return Err(format!(
                "payload differs:\n want {payload}\n got  {}",
                got["payload"]
            ));
        }
    }
    if let Some(preview) = expect.get("preview") {
        if !same(preview, &got["preview"]) {
            return Err(format!(
                "preview differs:\n want {preview}\n got  {}",
                got["preview"]
            ));
        }
    }
    // Single fields of the preview, by JSON Pointer: `{"/name": "Renamed", …}`.
    for (pointer, want) in expect
        .get("preview_has")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let have = got["preview"].pointer(pointer).unwrap_or(&Value::Null);
        if !same(want, have) {
            return Err(format!(
                "preview{pointer} differs:\n want {want}\n got  {have}"
            ));
        }
    }
    if let Some(items) = expect.get("items") {
        if !same(items, &got["items"]) {
            return Err(format!(
                "items differ:\n want {items}\n got  {}",
                got["items"]
            ));
        }
    }
    if let Some(want) = expect.get("issues").and_then(Value::as_array) {
        let mut want: Vec<(String, String)> = want
            .iter()
            .map(|i| (s(&i["code"]), s(&i["path"])))
            .collect();
        let mut have: Vec<(String, String)> = got["issues"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| (s(&i["code"]), s(&i["path"])))
            .collect();
        want.sort();
        have.sort();
        if want != have {
            return Err(format!(
                "issues differ:\n want {want:?}\n got  {have:?}\n full {}",
                got["issues"]
            ));
        }
        for i in got["issues"].as_array().into_iter().flatten() {
            let severity = s(&i["severity"]);
            let errors = severity == "error";
            if errors && !got["payload"].is_null() {
                return Err("an error issue came with a payload".into());
            }
            if s(&i["message"]).is_empty() {
                return Err(format!("issue without a message: {i}"));
            }
        }
    }
    Ok(())
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// JSON equality with numbers compared by value (`1500` equals `1500.0`).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Runs every fixture through `call(fn, args)` and reports each failure by name.
pub fn run_all(call: impl Fn(&str, &[Value]) -> Option<Outcome>) -> (usize, Vec<String>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for (name, text) in FIXTURES {
        let fixture: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: not JSON: {e}"));
                continue;
            }
        };
        let f = fixture["fn"].as_str().unwrap_or_default();
        let args = fixture["args"].as_array().cloned().unwrap_or_default();
        let Some(outcome) = call(f, &args) else {
            failures.push(format!("{name}: no runner for {f:?}"));
            continue;
        };
        ran += 1;
        if let Err(e) = check(&fixture, outcome) {
            failures.push(format!("{name}: {e}"));
        }
    }
    (ran, failures)
}

/// What `src/session/answer.js` does, in Rust: a session answer's text back into the plan.
/// `kept` holds what the previous answer sent (its payload and elements) and is updated.
pub fn reassemble(text: &str, kept: &mut (Value, Vec<Value>)) -> Result<Value, String> {
    let all: Vec<Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if all.len() < 2 {
        return Err("no counts or payload".into());
    }
    let n: Vec<usize> = all[0]
        .as_array()
        .ok_or("no counts")?
        .iter()
        .map(|v| v.as_u64().unwrap_or(0) as usize)
        .collect();
    let mut payload = match &all[1] {
        Value::Number(z) if z.as_u64() == Some(0) => kept.0.clone(),
        Value::Object(_) | Value::Null => all[1].clone(),
        other => return Err(format!("not a payload: {other}")),
    };
    kept.0 = payload.clone();
    let mut elements = Vec::new();
    for e in &all[2..] {
        let e = match e {
            Value::Number(k) => {
                let k = k.as_u64().ok_or(format!("bad reference {k}"))? as usize;
                kept.1
                    .get(k)
                    .cloned()
                    .ok_or(format!("reference {k} to nothing"))?
            }
            Value::Object(_) => e.clone(),
            other => return Err(format!("not an element: {other}")),
        };
        elements.push(e);
    }
    kept.1 = elements.clone();
    let mut rest = elements.into_iter();
    let mut take = |count: usize| -> Vec<Value> { rest.by_ref().take(count).collect() };
    for (s, name) in ["access_schedule", "invoice_schedule"].iter().enumerate() {
        for (l, list) in [
            "add_schedule_items",
            "update_schedule_items",
            "remove_schedule_items",
        ]
        .iter()
        .enumerate()
        {
            let items = take(n[3 * s + l]);
            if !items.is_empty() {
                payload[*name][*list] = Value::Array(items);
            }
        }
    }
    let issues = take(n[6]);
    let changes = take(n[7]);
    if rest.next().is_some() {
        return Err("more elements than counted".into());
    }
    Ok(serde_json::json!({ "payload": payload, "issues": issues, "changes": changes }))
}
