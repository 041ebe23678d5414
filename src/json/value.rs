//! A JSON value that borrows from its source text where it can. Numbers keep their spelling so
//! money is read exactly; objects keep key order and are looked up by a linear scan (they are small).

use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// A JavaScript value JSON has no spelling for, as `src/js/arguments.js` writes it: NaN or
/// ±Infinity as `{"$nonFinite": "NaN"}`, a BigInt as `{"$bigint": "12"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsOnly<'v> {
    NonFinite(&'v str),
    BigInt(&'v str),
}

/// An owned value, for data kept after its source text is gone.
pub type Json = Value<'static>;

impl<'a> Value<'a> {
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The JavaScript value this object stands for, if it is one of the markers of [`JsOnly`].
    pub fn js_only(&self) -> Option<JsOnly<'_>> {
        let Value::Object(entries) = self else {
            return None;
        };
        let [(key, Value::String(text))] = entries.as_slice() else {
            return None;
        };
        // Only the spellings arguments.js writes: any other such object is data.
        match &**key {
            "$nonFinite" if matches!(&**text, "NaN" | "Infinity" | "-Infinity") => {
                Some(JsOnly::NonFinite(text))
            }
            "$bigint" if is_integer(text) => Some(JsOnly::BigInt(text)),
            _ => None,
        }
    }

    /// An object that is one: not a marker of [`JsOnly`] (a NaN or BigInt where an object belongs).
    pub fn is_record(&self) -> bool {
        matches!(self, Value::Object(_)) && self.js_only().is_none()
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// How many arrays and objects nest here (a scalar is 0, `{}` is 1), counted as the parser's
    /// depth limit counts them.
    pub fn depth(&self) -> usize {
        match self {
            Value::Array(items) => 1 + items.iter().map(Value::depth).max().unwrap_or(0),
            Value::Object(entries) => 1 + entries.iter().map(|(_, v)| v.depth()).max().unwrap_or(0),
            _ => 0,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => match self.js_only() {
                Some(JsOnly::NonFinite("NaN")) => "NaN",
                Some(JsOnly::NonFinite(_)) => "an infinite number",
                Some(JsOnly::BigInt(_)) => "a BigInt",
                None => "an object",
            },
        }
    }

    pub fn into_owned(self) -> Json {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(Cow::Owned(n.into_owned())),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }

    /// Structural equality that ignores key order and compares numbers by value.
    pub fn same_as(&self, other: &Value<'_>) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => {
                a == b
                    || crate::values::Decimal::parse(a).ok()
                        == crate::values::Decimal::parse(b).ok()
            }
            (Value::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_as(y))
            }
            (Value::Object(a), Value::Object(b)) => same_entries(a, b, &|v, w| v.same_as(w)),
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            _ => false,
        }
    }
}

impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => super::write::serialize_number(n, false, serializer),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k.as_ref(), v)?;
                }
                map.end()
            }
        }
    }
}

/// `-?(0|[1-9][0-9]*)`, not `-0`: how `String(n)` writes a BigInt.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = digits == "0" || (!digits.is_empty() && !digits.starts_with('0'));
    canonical && digits.bytes().all(|b| b.is_ascii_digit()) && text != "-0"
}

/// Whether two objects have the same entries, values compared by `same`: each key of `a` is looked
/// up in `b` as [`Value::get`] does (its last entry). Keys in the same order (a draft copied from its
/// original) are compared in one pass; otherwise small objects by scanning, large ones through `b`'s
/// keys sorted once, so that no object costs the square of its size.
pub fn same_entries<'x, 'y>(
    a: &[(Cow<'x, str>, Value<'x>)],
    b: &[(Cow<'y, str>, Value<'y>)],
    same: &dyn Fn(&Value<'x>, &Value<'y>) -> bool,
) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.iter().zip(b).all(|((k, _), (l, _))| k == l) {
        return a.iter().zip(b).all(|((_, v), (_, w))| same(v, w));
    }
    if b.len() <= 16 {
        let last = |k: &str| b.iter().rev().find(|(l, _)| l == k).map(|(_, w)| w);
        return a.iter().all(|(k, v)| last(k).is_some_and(|w| same(v, w)));
    }
    let order = crate::sort::stable_order(b.len(), &|i, j| b[i].0.cmp(&b[j].0));
    a.iter().all(|(k, v)| {
        // The last of the entries with this key: sorted stably, it ends their run.
        let end = order.partition_point(|&i| b[i as usize].0.as_ref() <= k.as_ref());
        end > 0 && {
            let (l, w) = &b[order[end - 1] as usize];
            l == k && same(v, w)
        }
    })
}
