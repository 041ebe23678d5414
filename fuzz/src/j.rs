//! The driver's own JSON tree. Unlike serde_json's it keeps numbers as written (`1e400`, `-0`,
//! `0.100000000000000000000000000000`), strings as escaped JSON text (so a lone surrogate `\ud800`
//! can be written, as `JSON.stringify` writes one), and has compact forms for huge inputs: a list
//! of n copies, and nesting n deep, written without building n nodes or recursing n times.

use commit_editor::json::Value;

#[derive(Clone, Debug)]
pub enum J {
    Null,
    Bool(bool),
    /// The number's text, written as is.
    Num(String),
    /// The string's body as JSON text, already escaped (without the quotes).
    Str(String),
    Arr(Vec<J>),
    /// Keys are escaped JSON text too.
    Obj(Vec<(String, J)>),
    /// `n` copies of one value in a list.
    Repeat(usize, Box<J>),
    /// A value inside `n` lists (`[[[v]]]`) or, when the flag is set, `n` objects (`{"a":{"a":v}}`).
    Deep(usize, bool, Box<J>),
}

/// Escapes text as `JSON.stringify` does.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

impl J {
    pub fn s(text: impl AsRef<str>) -> J {
        J::Str(esc(text.as_ref()))
    }

    pub fn n(x: impl std::fmt::Display) -> J {
        J::Num(x.to_string())
    }

    pub fn obj(pairs: Vec<(&str, J)>) -> J {
        J::Obj(pairs.into_iter().map(|(k, v)| (esc(k), v)).collect())
    }

    pub fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut J> {
        match self {
            J::Obj(entries) => entries
                .iter_mut()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets (or adds) a key of an object; nothing for other values.
    pub fn set(&mut self, key: &str, v: J) {
        if let J::Obj(entries) = self {
            match entries.iter_mut().rev().find(|(k, _)| k == key) {
                Some((_, slot)) => *slot = v,
                None => entries.push((esc(key), v)),
            }
        }
    }

    pub fn remove(&mut self, key: &str) {
        if let J::Obj(entries) = self {
            entries.retain(|(k, _)| k != key);
        }
    }

    /// The items of `self[section].schedule_items`, when it is a list.
    pub fn items_mut(&mut self, section: &str) -> Option<&mut Vec<J>> {
        match self.get_mut(section)?.get_mut("schedule_items")? {
            J::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn items(&self, section: &str) -> &[J] {
        match self.get(section).and_then(|s| s.get("schedule_items")) {
            Some(J::Arr(items)) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            J::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => {
                out.push('"');
                out.push_str(s);
                out.push('"');
            }
            J::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            J::Obj(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('"');
                    out.push_str(k);
                    out.push_str("\":");
                    v.write(out);
                }
                out.push('}');
            }
            J::Repeat(n, v) => {
                let one = v.text();
                out.reserve((one.len() + 1) * n + 2);
                out.push('[');
                for i in 0..*n {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&one);
                }
                out.push(']');
            }
            J::Deep(n, object, v) => {
                for _ in 0..*n {
                    out.push_str(if *object { "{\"a\":" } else { "[" });
                }
                v.write(out);
                for _ in 0..*n {
                    out.push(if *object { '}' } else { ']' });
                }
            }
        }
    }

    /// The length of [`J::text`], without writing it (saturating).
    pub fn size(&self) -> usize {
        match self {
            J::Null => 4,
            J::Bool(_) => 5,
            J::Num(n) => n.len(),
            J::Str(s) => s.len() + 2,
            J::Arr(items) => items.iter().fold(2, |a, v| a.saturating_add(v.size() + 1)),
            J::Obj(entries) => entries.iter().fold(2, |a, (k, v)| {
                a.saturating_add(k.len() + 4).saturating_add(v.size())
            }),
            J::Repeat(n, v) => v
                .size()
                .saturating_add(1)
                .saturating_mul(*n)
                .saturating_add(2),
            J::Deep(n, object, v) => v.size().saturating_add(n * if *object { 6 } else { 2 }),
        }
    }

    /// Nodes in a walk of the tree (a Repeat or Deep counts itself and its one inner value).
    pub fn count(&self) -> usize {
        1 + match self {
            J::Arr(items) => items.iter().map(J::count).sum(),
            J::Obj(entries) => entries.iter().map(|(_, v)| v.count()).sum(),
            J::Repeat(_, v) | J::Deep(_, _, v) => v.count(),
            _ => 0,
        }
    }

    /// The `at`-th node of a walk (0 is the root), with the key it sits under, if any.
    pub fn node_mut(&mut self, at: usize) -> Option<&mut J> {
        fn walk<'a>(v: &'a mut J, n: &mut usize, at: usize) -> Option<&'a mut J> {
            if *n == at {
                return Some(v);
            }
            *n += 1;
            match v {
                J::Arr(items) => {
                    for x in items {
                        let c = x.count();
                        if at < *n + c {
                            return walk(x, n, at);
                        }
                        *n += c;
                    }
                    None
                }
                J::Obj(entries) => {
                    for (_, x) in entries {
                        let c = x.count();
                        if at < *n + c {
                            return walk(x, n, at);
                        }
                        *n += c;
                    }
                    None
                }
                J::Repeat(_, x) | J::Deep(_, _, x) => walk(x, n, at),
                _ => None,
            }
        }
        walk(self, &mut 0, at)
    }
}

/// The library's parsed value as a tree of the driver's (used for fixtures and planned payloads).
pub fn from_value(v: &Value<'_>) -> J {
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => J::Num(n.to_string()),
        Value::String(s) => J::s(s),
        Value::Array(items) => J::Arr(items.iter().map(from_value).collect()),
        Value::Object(entries) => J::Obj(
            entries
                .iter()
                .map(|(k, v)| (esc(k), from_value(v)))
                .collect(),
        ),
    }
}
