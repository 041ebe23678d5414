//! A small JSON Schema check for request bodies, against the OpenAPI cut-out in
//! `tests/reference/metronome-openapi-commits.json` (a copy of the shared reference): `$ref`, `type`, `properties`, `required`,
//! `items`, `enum`, `format` (uuid, date-time), `minLength`/`maxLength`, `additionalProperties`.
//! Stricter than the schema in one way: an object without `additionalProperties` may only carry
//! the keys its `properties` name (a payload carries no key outside the schema).

use serde_json::Value;
use std::path::PathBuf;

pub struct Schemas(Value);

impl Schemas {
    pub fn load() -> Schemas {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/reference/metronome-openapi-commits.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let doc: Value = serde_json::from_str(&text).expect("the OpenAPI file is JSON");
        Schemas(doc["components"]["schemas"].clone())
    }

    /// Every way `value` breaks schema `name`, each with its JSON Pointer.
    pub fn check(&self, name: &str, value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.walk(&self.0[name], value, "", &mut out);
        out
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap_or("");
                assert!(self.0.get(name).is_some(), "unknown $ref {r}");
                &self.0[name]
            }
            None => schema,
        }
    }

    fn walk(&self, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        let schema = self.resolve(schema);
        assert!(schema.is_object(), "no schema at {at}");
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            if !allowed.contains(v) {
                out.push(format!("{at}: {v} is not one of {allowed:?}"));
            }
        }
        match schema.get("type").and_then(Value::as_str) {
            Some("object") => {
                let Some(obj) = v.as_object() else {
                    out.push(format!("{at}: expected an object, got {v}"));
                    return;
                };
                for key in schema["required"].as_array().into_iter().flatten() {
                    let key = key.as_str().unwrap_or("");
                    if !obj.contains_key(key) {
                        out.push(format!("{at}: required key {key} is missing"));
                    }
                }
                for (k, val) in obj {
                    let here = format!("{at}/{k}");
                    match (
                        schema.get("properties").and_then(|p| p.get(k)),
                        schema.get("additionalProperties"),
                    ) {
                        (Some(s), _) => self.walk(s, val, &here, out),
                        (None, Some(s)) if s.is_object() => self.walk(s, val, &here, out),
                        _ => out.push(format!("{here}: key not in the schema")),
                    }
                }
            }
            Some("array") => {
                let Some(items) = v.as_array() else {
                    out.push(format!("{at}: expected an array, got {v}"));
                    return;
                };
                for (i, item) in items.iter().enumerate() {
                    self.walk(&schema["items"], item, &format!("{at}/{i}"), out);
                }
            }
            Some("string") => {
                let Some(s) = v.as_str() else {
                    out.push(format!("{at}: expected a string, got {v}"));
                    return;
                };
                let n = s.chars().count() as u64;
                if let Some(min) = schema.get("minLength").and_then(Value::as_u64) {
                    if n < min {
                        out.push(format!("{at}: shorter than {min}"));
                    }
                }
                if let Some(max) = schema.get("maxLength").and_then(Value::as_u64) {
                    if n > max {
                        out.push(format!("{at}: longer than {max}"));
                    }
                }
                match schema.get("format").and_then(Value::as_str) {
                    Some("uuid") if !is_uuid(s) => out.push(format!("{at}: {s} is not a uuid")),
                    Some("date-time") if chrono::DateTime::parse_from_rfc3339(s).is_err() => {
                        out.push(format!("{at}: {s} is not an RFC 3339 date-time"))
                    }
                    _ => {}
                }
            }
            Some("number") if !v.is_number() => {
                out.push(format!("{at}: expected a number, got {v}"));
            }
            Some("boolean") if !v.is_boolean() => {
                out.push(format!("{at}: expected a boolean, got {v}"));
            }
            Some("number" | "boolean") => {}
            Some(other) => panic!("schema type {other} at {at} is not handled"),
            None => {}
        }
    }
}

/// Hyphenated, lower case: what the payloads emit.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
        })
}

/// The schema of each endpoint's body.
pub fn schema_of(function: &str) -> Option<&'static str> {
    match function {
        "planCreate" => Some("CreateCustomerCommitPayload"),
        "planEndDate" => Some("UpdateCommitEndDatePayload"),
        "planDisableTrueup" => Some("DisableCommitTrueupPayload"),
        _ => None,
    }
}
