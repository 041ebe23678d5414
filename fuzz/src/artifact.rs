//! Failing inputs saved as JSON files (fuzz/artifacts/, not committed), and read back by `--replay`.

use crate::case::{Call, Failure, Fun, Op};
use crate::j::J;

fn text_or_null(t: &Option<String>) -> J {
    t.as_deref().map_or(J::Null, J::s)
}

fn op_json(op: &Op) -> J {
    let (name, fields): (&str, Vec<(&str, J)>) = match op {
        Op::Set(p, v) => ("set", vec![("path", J::s(p)), ("value", text_or_null(v))]),
        Op::AddItem(s, i) => ("add_item", vec![("schedule", J::s(s)), ("item", J::s(i))]),
        Op::RemoveItem(p) => ("remove_item", vec![("path", J::s(p))]),
        Op::ReplaceDraft(d) => ("replace_draft", vec![("draft", J::s(d))]),
        Op::SetContext(c) => ("set_context", vec![("context", J::s(c))]),
        Op::Undo => ("undo", vec![]),
        Op::Redo => ("redo", vec![]),
        Op::Plan => ("plan", vec![]),
        Op::Preview => ("preview", vec![]),
        Op::Draft => ("draft", vec![]),
    };
    let mut o = vec![("op", J::s(name))];
    o.extend(fields);
    J::obj(o)
}

/// The artifact: what failed, how, and the exact arguments (each as the JSON text the
/// boundary would have handed over; `null` for an absent optional argument).
pub fn render(seed: u64, case: u64, f: &Failure) -> String {
    let call = match &f.call {
        Call::Api(fun, args) => J::obj(vec![
            ("api", J::s(fun.name())),
            ("args", J::Arr(args.iter().map(text_or_null).collect())),
        ]),
        Call::Session {
            original,
            context,
            ops,
        } => J::obj(vec![
            ("session", J::Bool(true)),
            ("original", J::s(original)),
            ("context", J::s(context)),
            ("ops", J::Arr(ops.iter().map(op_json).collect())),
        ]),
    };
    let v = J::obj(vec![
        ("function", J::s(&f.function)),
        ("kind", J::s(f.kind)),
        ("message", J::s(&f.message)),
        ("cpu_ms", J::n(f.cpu.as_millis())),
        ("seed", J::n(seed)),
        ("case", J::n(case)),
        (
            "regenerate",
            J::s(&format!(
                "cargo run --release --manifest-path fuzz/Cargo.toml -- 1 {seed} --case {case}"
            )),
        ),
        ("call", call),
    ]);
    let mut out = v.text();
    out.push('\n');
    out
}

/// A file name for the artifact of a failure.
pub fn file_name(seed: u64, case: u64, f: &Failure) -> String {
    let fun: String = f
        .function
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{}-{fun}-seed{seed}-case{case}.json", f.kind)
}

/// Reads an artifact back into the call it records.
pub fn parse(text: &str) -> Result<Call, String> {
    use serde_json::Value as V;
    let v: V = serde_json::from_str(text).map_err(|e| format!("not an artifact: {e}"))?;
    let call = v.get("call").ok_or("no \"call\"")?;
    let s = |v: &V, k: &str| -> Result<String, String> {
        v.get(k)
            .and_then(V::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("no string {k:?}"))
    };
    if let Some(name) = call.get("api").and_then(V::as_str) {
        let fun = Fun::from_name(name).ok_or_else(|| format!("unknown function {name:?}"))?;
        let args = call
            .get("args")
            .and_then(V::as_array)
            .ok_or("no \"args\"")?
            .iter()
            .map(|a| a.as_str().map(str::to_owned))
            .collect();
        return Ok(Call::Api(fun, args));
    }
    let mut ops = Vec::new();
    for o in call.get("ops").and_then(V::as_array).ok_or("no \"ops\"")? {
        ops.push(match o.get("op").and_then(V::as_str).unwrap_or("") {
            "set" => Op::Set(
                s(o, "path")?,
                o.get("value").and_then(V::as_str).map(str::to_owned),
            ),
            "add_item" => Op::AddItem(s(o, "schedule")?, s(o, "item")?),
            "remove_item" => Op::RemoveItem(s(o, "path")?),
            "replace_draft" => Op::ReplaceDraft(s(o, "draft")?),
            "set_context" => Op::SetContext(s(o, "context")?),
            "undo" => Op::Undo,
            "redo" => Op::Redo,
            "plan" => Op::Plan,
            "preview" => Op::Preview,
            "draft" => Op::Draft,
            other => return Err(format!("unknown op {other:?}")),
        });
    }
    Ok(Call::Session {
        original: s(call, "original")?,
        context: s(call, "context")?,
        ops,
    })
}
