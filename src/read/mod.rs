//! Reading JSON values into typed ones, field by field, with the path of each field: a value
//! that cannot be read becomes an issue at its path, never a panic or an exception.

pub mod commit;
pub mod context;
pub mod create;
pub mod draft;
pub mod field;
pub mod known_items;
pub mod payload;

pub use context::{Context, InvoiceStatus};
pub use field::Field;

use crate::issue::{Issue, IssueCode, Issues};
use crate::json::{JsOnly, Json, Path, Value};
use crate::model::Named;
use crate::values::{Decimal, DecimalError, Id, Instant, InstantError, ServerNumber};
use std::collections::BTreeMap;

/// Most items one schedule may hold; beyond it the list is refused with `too_many_items`.
pub const MAX_ITEMS: usize = 50_000;
/// Longest string (in bytes of UTF-8) any field may hold.
pub const MAX_STRING_BYTES: usize = 10_000;

/// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in ms: the instants RFC 3339 can write in UTC.
const RFC3339_MIN_MS: i64 = -62_167_219_200_000;
const RFC3339_END_MS: i64 = 253_402_300_800_000;

pub struct Reader<'i> {
    pub issues: &'i mut Issues,
    /// Reading the original commit: every problem is reported as `invalid_original`.
    original: bool,
    /// Reading a request body as sent (applyEdit): `null` is refused where read with `opt` or
    /// `optional`, a number must be a JSON number, an enum value must be spelled as the schema
    /// spells it (upper or lower case).
    strict: bool,
}

impl<'i> Reader<'i> {
    pub fn new(issues: &'i mut Issues) -> Reader<'i> {
        Reader {
            issues,
            original: false,
            strict: false,
        }
    }

    pub fn for_body(issues: &'i mut Issues) -> Reader<'i> {
        Reader {
            issues,
            original: false,
            strict: true,
        }
    }

    pub fn for_original(issues: &'i mut Issues) -> Reader<'i> {
        Reader {
            issues,
            original: true,
            strict: false,
        }
    }

    pub fn report(&mut self, code: IssueCode, path: &Path<'_>, message: impl Into<String>) {
        let message = message.into();
        if self.original {
            self.issues.push(Issue::at(
                IssueCode::InvalidOriginal,
                path,
                format!("original commit: {message}"),
            ));
        } else {
            self.issues.push(Issue::at(code, path, message));
        }
    }

    fn wrong_type(&mut self, v: &Value<'_>, path: &Path<'_>, expected: &str) {
        self.report(
            IssueCode::InvalidType,
            path,
            format!("expected {expected}, got {}", v.kind()),
        );
    }

    pub fn id(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<Id> {
        let Some(s) = v.as_str() else {
            self.wrong_type(v, path, "a UUID string");
            return None;
        };
        let id = Id::parse(s);
        if id.is_none() {
            self.report(
                IssueCode::InvalidUuid,
                path,
                format!("{} is not a UUID", quote(s)),
            );
        }
        id
    }

    pub fn instant(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<Instant> {
        let Some(s) = v.as_str() else {
            self.wrong_type(v, path, "an RFC 3339 date-time string");
            return None;
        };
        match Instant::parse(s) {
            Ok(t) if t.is_leap_second() => {
                // RFC 3339 takes second 60 only for a real leap second; JavaScript's Date, the
                // request schema's date-time format and Metronome's timestamps take none.
                self.report(
                    IssueCode::InvalidTimestamp,
                    path,
                    format!(
                        "{} has second 60 (a leap second), which cannot be sent",
                        quote(s)
                    ),
                );
                None
            }
            Ok(t) if (RFC3339_MIN_MS..RFC3339_END_MS).contains(&t.timestamp_millis()) => Some(t),
            Ok(_) => {
                // An offset can move a year-9999 or year-0000 instant out of the four-digit
                // years; in UTC it could not be written back as RFC 3339 (`+10000-01-01T…Z`).
                self.report(
                    IssueCode::InvalidTimestamp,
                    path,
                    format!(
                        "{} is outside the years 0000 to 9999 in UTC, which RFC 3339 can write",
                        quote(s)
                    ),
                );
                None
            }
            Err(InstantError::MissingOffset) => {
                self.report(
                    IssueCode::TimestampWithoutOffset,
                    path,
                    format!("{} has no offset: add Z or ±hh:mm", quote(s)),
                );
                None
            }
            Err(InstantError::Syntax) => {
                self.report(
                    IssueCode::InvalidTimestamp,
                    path,
                    format!("{} is not an RFC 3339 date-time", quote(s)),
                );
                None
            }
        }
    }

    /// A number the server computed: as [`Reader::decimal`], but one finer than a `Decimal`
    /// holds is kept as spelled (see [`ServerNumber`]).
    pub fn server_number(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<ServerNumber> {
        if let Value::Number(n) = v {
            match Decimal::parse(n) {
                Ok(d) => return Some(ServerNumber::Exact(d)),
                Err(DecimalError::OutOfRange) => {
                    if let Some(kept) = ServerNumber::spelled(n) {
                        return Some(kept);
                    }
                }
                Err(DecimalError::Syntax) => {}
            }
        }
        self.decimal(v, path).map(ServerNumber::Exact)
    }

    /// A number, or a string holding one (as form controls do; not in a strict read).
    pub fn decimal(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<Decimal> {
        let text = match v {
            Value::Number(n) => n.as_ref(),
            Value::String(s) if !self.strict => s.as_ref(),
            _ => {
                self.not_a_number(v, path);
                return None;
            }
        };
        match Decimal::parse(text) {
            Ok(d) if d.fits_js_number() => Some(d),
            Ok(_) => {
                // Accepting it would send a different number: JSON.parse rounds it.
                self.report(
                    IssueCode::NumberOutOfRange,
                    path,
                    format!(
                        "{} has more digits than a JavaScript number holds exactly",
                        quote(text)
                    ),
                );
                None
            }
            Err(DecimalError::Syntax) => {
                self.report(
                    IssueCode::InvalidNumber,
                    path,
                    format!("{} is not a number", quote(text)),
                );
                None
            }
            Err(DecimalError::OutOfRange) => {
                self.report(
                    IssueCode::NumberOutOfRange,
                    path,
                    format!(
                        "{} cannot be held exactly (|x| < 1e19, at most 18 decimals)",
                        quote(text)
                    ),
                );
                None
            }
        }
    }

    /// A decimal that must not be negative (amounts, quantities, unit prices).
    pub fn amount(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<Decimal> {
        self.amount_as_drafted(v, path).filter(|d| !d.is_negative())
    }

    /// [`Reader::amount`], but a negative amount, once reported, is given back: a plan shows the
    /// edit as drafted in its preview and changes, next to the error.
    pub fn amount_as_drafted(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<Decimal> {
        let d = self.decimal(v, path)?;
        if d.is_negative() {
            self.report(IssueCode::NegativeAmount, path, format!("{d} is negative"));
        }
        Some(d)
    }

    pub fn string(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<String> {
        let Some(s) = v.as_str() else {
            self.wrong_type(v, path, "a string");
            return None;
        };
        if s.len() > MAX_STRING_BYTES {
            self.report(
                IssueCode::StringTooLong,
                path,
                format!("longer than {MAX_STRING_BYTES} bytes"),
            );
            return None;
        }
        Some(s.to_owned())
    }

    pub fn boolean(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong_type(v, path, "true or false");
                None
            }
        }
    }

    pub fn named<E: Named + PartialEq>(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<E> {
        let k = self.one_of(v, path, E::NAMES.len(), &|k| E::NAMES[k].0)?;
        Some(E::NAMES[k].1)
    }

    /// Which of `count` enum values (`name(k)`, in upper case) `v` is: in any case, spaces around
    /// it ignored, or, in a strict read, only as the schema lists it (all in upper or all in
    /// lower case). Not generic: one copy serves every enum.
    #[inline(never)]
    pub fn one_of(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
        count: usize,
        name: &dyn Fn(usize) -> &'static str,
    ) -> Option<usize> {
        let Some(s) = v.as_str() else {
            self.wrong_type(v, path, "a string");
            return None;
        };
        let strict = self.strict;
        let text = if strict { s } else { s.trim() };
        let spelled = |n: &str| {
            n.eq_ignore_ascii_case(text)
                && (!strict || text == n || !text.bytes().any(|b| b.is_ascii_uppercase()))
        };
        let k = (0..count).find(|&k| spelled(name(k)));
        if k.is_none() {
            let allowed: Vec<&str> = (0..count).map(name).collect();
            let case = if strict {
                " (all in upper or all in lower case)"
            } else {
                ""
            };
            self.report(
                IssueCode::InvalidEnum,
                path,
                format!("{} is not one of {}{case}", quote(s), allowed.join(", ")),
            );
        }
        k
    }

    /// Reads every element; `None` when the list itself is unusable or any element is invalid
    /// (each invalid element has been reported).
    pub fn list<T>(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
        element: impl FnMut(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let (all, out) = self.read_each(v, path, element);
        all.then_some(out)
    }

    /// [`Reader::list`] that keeps the elements it can read when others cannot be (each of those
    /// has reported its issue): an original's other items are still worth planning against.
    pub fn list_readable<T>(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
        element: impl FnMut(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let usable = matches!(v, Value::Array(items) if items.len() <= MAX_ITEMS);
        let (_, out) = self.read_each(v, path, element);
        usable.then_some(out)
    }

    /// The elements read, and whether the list was usable and every element was read.
    fn read_each<T>(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
        mut element: impl FnMut(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> (bool, Vec<T>) {
        // The loop and the checks are not generic (one copy, not one per element type).
        let mut out = Vec::new();
        let all = self.each(v, path, &mut |r, item, p| match element(r, item, p) {
            Some(x) => {
                out.push(x);
                true
            }
            None => false,
        });
        (all, out)
    }

    /// Calls `element` on every item of a list; false when it is not a usable list or an element
    /// was not read.
    #[inline(never)]
    fn each(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
        element: &mut dyn FnMut(&mut Self, &Value<'_>, &Path<'_>) -> bool,
    ) -> bool {
        let Value::Array(items) = v else {
            self.wrong_type(v, path, "a list");
            return false;
        };
        if items.len() > MAX_ITEMS {
            self.report(
                IssueCode::TooManyItems,
                path,
                format!("{} items; at most {MAX_ITEMS}", items.len()),
            );
            return false;
        }
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            ok &= element(self, item, &path.index(i));
        }
        ok
    }

    pub fn string_map(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
    ) -> Option<BTreeMap<String, String>> {
        let (Value::Object(entries), true) = (v, v.is_record()) else {
            self.wrong_type(v, path, "an object of strings");
            return None;
        };
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (k, val) in entries {
            if k.len() > MAX_STRING_BYTES {
                // Placed at the map: a pointer holding the key would be as long as the key.
                self.report(
                    IssueCode::StringTooLong,
                    path,
                    format!(
                        "the key {} is longer than {MAX_STRING_BYTES} bytes",
                        quote(k)
                    ),
                );
                ok = false;
                continue;
            }
            match self.string(val, &path.key(k)) {
                Some(s) => {
                    out.insert(k.to_string(), s);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub fn expect_object(&mut self, v: &Value<'_>, path: &Path<'_>) -> bool {
        let ok = v.is_record();
        if !ok {
            self.wrong_type(v, path, "an object");
        }
        ok
    }

    /// An optional key: absent or `null` gives `None` without an issue (a strict read reports
    /// the `null`).
    pub fn opt<T>(
        &mut self,
        obj: &Value<'_>,
        key: &str,
        path: &Path<'_>,
        read: impl FnOnce(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> Option<T> {
        let v = self.given(obj, key, path)?;
        read(self, v, &path.key(key))
    }

    /// The value at `key` of an object, unless absent or `null`; a strict read reports the `null`.
    #[inline(never)]
    fn given<'v, 'a>(
        &mut self,
        obj: &'v Value<'a>,
        key: &str,
        path: &Path<'_>,
    ) -> Option<&'v Value<'a>> {
        let v = obj.get(key)?;
        if !v.is_null() {
            return Some(v);
        }
        if self.strict {
            self.report(
                IssueCode::InvalidType,
                &path.key(key),
                "the endpoint takes no null here (leave the key out)",
            );
        }
        None
    }

    /// A JavaScript NaN, ±Infinity or BigInt (`JsOnly`) is not a JSON number, rather than a
    /// value of the wrong type.
    #[inline(never)]
    fn not_a_number(&mut self, v: &Value<'_>, path: &Path<'_>) {
        match v.js_only() {
            Some(JsOnly::NonFinite(name)) => self.report(
                IssueCode::InvalidNumber,
                path,
                format!("{name} is not a finite number"),
            ),
            Some(JsOnly::BigInt(digits)) => self.report(
                IssueCode::InvalidNumber,
                path,
                format!(
                    "{}n is a BigInt, not a JSON number (give a number or a numeric string)",
                    quote(digits).trim_matches('"')
                ),
            ),
            None => self.wrong_type(v, path, "a number"),
        }
    }

    /// An optional key inside a value read as a whole: absent or `null` is `Some(None)` (a strict
    /// read reports the `null`), a value that cannot be read is `None`, so the whole value fails
    /// with it (its issue is not lost).
    pub fn optional<T>(
        &mut self,
        obj: &Value<'_>,
        key: &str,
        path: &Path<'_>,
        read: impl FnOnce(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.given(obj, key, path) {
            None => Some(None),
            Some(v) => read(self, v, &path.key(key)).map(Some),
        }
    }

    /// A required key: absent or `null` is reported as `required`.
    pub fn req<T>(
        &mut self,
        obj: &Value<'_>,
        key: &str,
        path: &Path<'_>,
        read: impl FnOnce(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> Option<T> {
        let v = self.required(obj, key, path)?;
        read(self, v, &path.key(key))
    }

    #[inline(never)]
    fn required<'v, 'a>(
        &mut self,
        obj: &'v Value<'a>,
        key: &str,
        path: &Path<'_>,
    ) -> Option<&'v Value<'a>> {
        let v = present(obj, key);
        if v.is_none() {
            self.report(
                IssueCode::Required,
                &path.key(key),
                format!("{key} is required"),
            );
        }
        v
    }

    /// A draft key, keeping absent, `null`, unreadable and readable apart.
    pub fn field<T>(
        &mut self,
        obj: &Value<'_>,
        key: &str,
        path: &Path<'_>,
        read: impl FnOnce(&mut Self, &Value<'_>, &Path<'_>) -> Option<T>,
    ) -> Field<T> {
        match obj.get(key) {
            None => Field::Absent,
            Some(Value::Null) => Field::Null,
            Some(v) => match read(self, v, &path.key(key)) {
                Some(x) => Field::Set(x),
                None => Field::Invalid(owned(v)),
            },
        }
    }
}

/// The value at `key` of an object, unless absent or `null`.
#[inline(never)]
fn present<'v, 'a>(obj: &'v Value<'a>, key: &str) -> Option<&'v Value<'a>> {
    obj.get(key).filter(|v| !v.is_null())
}

#[inline(never)]
fn owned(v: &Value<'_>) -> Json {
    v.clone().into_owned()
}

/// Quotes user text for a message, cut short so a 1 MB paste does not become a 1 MB message.
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        format!("\"{s}\"")
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("\"{cut}…\"")
    }
}
