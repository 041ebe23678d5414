//! JSON text out: a compact serde serializer, small enough for the wasm size budget (SIZE.md,
//! attempt 3). Numbers are written from their decimal text, never through an f64: a `Decimal` or a
//! [`Value::Number`](super::Value) passes its spelling as a newtype struct named [`RAW_NUMBER`]
//! (as serde_json's `arbitrary_precision` does), so `0.1` stays `0.1` and 20 significant digits
//! stay 20. Other serializers see that spelling as a string.
//!
//! Map keys must be strings (every map here has string keys); floats are refused (none is sent).

use serde::ser::{self, Serialize};
use std::cell::Cell;
use std::fmt;

/// The newtype-struct name under which a number's decimal spelling is handed to the writer.
pub const RAW_NUMBER: &str = "$commit_editor::json::RawNumber";
/// Like [`RAW_NUMBER`], for a spelling already in canonical JSON and finite (a `Decimal`'s):
/// written as it is, without the checks.
pub const CANONICAL_NUMBER: &str = "$commit_editor::json::CanonicalNumber";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value cannot be written as JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Error {
        Error
    }
}

/// Compact JSON text of `value`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    // Answers of one page tend to be alike in length: starting at the last one's (up to 64 KiB)
    // spares the buffer's growing steps, each a copy.
    let hint = LAST_LEN.with(Cell::get).clamp(128, 1 << 16);
    let mut w = Writer {
        out: Vec::with_capacity(hint),
        raw: 0,
    };
    value.serialize(&mut w)?;
    LAST_LEN.with(|l| l.set(w.out.len()));
    String::from_utf8(w.out).map_err(|_| Error)
}

thread_local! {
    static LAST_LEN: Cell<usize> = const { Cell::new(0) };
}

/// Appends the compact JSON text of `value` to `out`; on an error `out` may hold part of it.
pub fn append<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    let mut w = Writer {
        out: std::mem::take(out),
        raw: 0,
    };
    let done = value.serialize(&mut w);
    *out = w.out;
    done
}

/// The decimal digits of `v`, without the formatter.
pub fn push_digits(out: &mut Vec<u8>, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

pub struct Writer {
    out: Vec<u8>,
    /// Inside a [`RAW_NUMBER`] (1) or [`CANONICAL_NUMBER`] (2): the next string is a number's spelling.
    raw: u8,
}

/// The smallest magnitude that rounds to infinity as an f64 (2^1024 − 2^970, the midpoint between
/// `f64::MAX` and 2^1024), all 309 digits: a spelling at or above it was written `null`, as
/// serde_json writes a non-finite f64, and still is.
const F64_OVERFLOW: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// The length of `s` written as a JSON string, quotes and escapes included: what an argument's
/// size limit counts.
pub fn quoted_len(s: &str) -> usize {
    let escapes: usize = s
        .bytes()
        .map(|c| match c {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
            0..=0x1f => 5,
            _ => 0,
        })
        .sum();
    s.len() + escapes + 2
}

impl Writer {
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let b = s.as_bytes();
        // Ids, instants, codes and paths need no escape: one tight scan, one copy.
        if !b.iter().any(|&c| c == b'"' || c == b'\\' || c < 0x20) {
            self.out.extend_from_slice(b);
            self.out.push(b'"');
            return;
        }
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            let esc = match c {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0c => b'f',
                0..=0x1f => b'u',
                _ => continue,
            };
            self.out.extend_from_slice(&b[start..i]);
            self.out.extend_from_slice(&[b'\\', esc]);
            if esc == b'u' {
                let hex = b"0123456789abcdef";
                self.out.extend_from_slice(&[
                    b'0',
                    b'0',
                    hex[(c >> 4) as usize],
                    hex[(c & 15) as usize],
                ]);
            }
            start = i + 1;
        }
        self.out.extend_from_slice(&b[start..]);
        self.out.push(b'"');
    }

    fn u64(&mut self, v: u64) {
        push_digits(&mut self.out, v);
    }

    /// A number spelled in the JSON grammar, leading zeros allowed (`-?\d+(\.\d+)?([eE][+-]?\d+)?`):
    /// written without the leading zeros JSON forbids, or `null` when its f64 would be infinite.
    fn number(&mut self, s: &str) {
        let b = s.as_bytes();
        let negative = b.first() == Some(&b'-');
        let body = &b[usize::from(negative)..];
        let mantissa_end = body
            .iter()
            .position(|c| *c == b'e' || *c == b'E')
            .unwrap_or(body.len());
        let int_len = body[..mantissa_end]
            .iter()
            .position(|c| *c == b'.')
            .unwrap_or(mantissa_end);
        let zeros = body[..int_len.saturating_sub(1)]
            .iter()
            .take_while(|c| **c == b'0')
            .count();
        // Significant digits and the power of ten just above the first: value = 0.d1d2… × 10^point.
        let digits: Vec<u8> = body[..mantissa_end]
            .iter()
            .copied()
            .filter(u8::is_ascii_digit)
            .collect();
        let lead = digits.iter().take_while(|c| **c == b'0').count();
        let mut exp: i64 = 0;
        let mut exp_negative = false;
        for &c in body.get(mantissa_end + 1..).unwrap_or(&[]) {
            match c {
                b'-' => exp_negative = true,
                b'0'..=b'9' => exp = (exp * 10 + (c - b'0') as i64).min(1 << 40),
                _ => {}
            }
        }
        let point = int_len as i64 - lead as i64 + if exp_negative { -exp } else { exp };
        let significant = &digits[lead..];
        // Same point: compare digit strings (a proper prefix of the limit is below it).
        let infinite = !significant.is_empty()
            && (point > F64_OVERFLOW.len() as i64
                || (point == F64_OVERFLOW.len() as i64 && significant >= F64_OVERFLOW));
        if infinite {
            self.out.extend_from_slice(b"null");
            return;
        }
        if negative {
            self.out.push(b'-');
        }
        self.out.extend_from_slice(&body[zeros..]);
    }
}

/// An array, object or externally tagged variant being written; `close` ends it.
pub struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    close: &'static [u8],
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        self.w.string(key);
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }

    fn finish(self) -> Result<(), Error> {
        self.w.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'a> Writer {
    fn open(&'a mut self, open: &[u8], close: &'static [u8]) -> Compound<'a> {
        self.out.extend_from_slice(open);
        Compound {
            w: self,
            first: true,
            close,
        }
    }

    /// `{"variant":` before a variant's content; the caller closes the brace.
    fn variant(&mut self, variant: &str) {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.out.push(b'-');
        }
        self.u64(v.unsigned_abs());
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.u64(v);
        Ok(())
    }

    /// No float is ever sent: amounts are `Decimal`s, written from their digits.
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(Error)
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(Error)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        match self.raw {
            0 => self.string(v),
            1 => self.number(v),
            _ => self.out.extend_from_slice(v.as_bytes()),
        }
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.raw = if name == RAW_NUMBER {
            1
        } else {
            2 * u8::from(name == CANONICAL_NUMBER)
        };
        let r = value.serialize(&mut *self);
        self.raw = 0;
        r
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(b"[", b"]}"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b"{", b"}"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    /// Keys are strings: written as one, then the colon.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.element(key)?;
        self.w.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// Hands a number's spelling to the writer (see [`RAW_NUMBER`]); `canonical` when it is already
/// canonical JSON and finite.
pub fn serialize_number<S: ser::Serializer>(
    text: &str,
    canonical: bool,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_newtype_struct(
        if canonical {
            CANONICAL_NUMBER
        } else {
            RAW_NUMBER
        },
        text,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, Value};
    use std::collections::BTreeMap;

    #[test]
    fn quoted_len_is_the_written_length() {
        for s in [
            "",
            "plain",
            "é\u{2028}",
            "\"\\\n\r\t\u{8}\u{c}",
            "\u{1}\u{1f} x",
        ] {
            assert_eq!(
                Some(quoted_len(s)),
                to_string(&s).map(|t| t.len()).ok(),
                "{s:?}"
            );
        }
    }

    fn num(s: &str) -> String {
        to_string(&Value::Number(s.into())).unwrap()
    }

    #[test]
    fn numbers_keep_their_digits() {
        for (spelling, written) in [
            ("0", "0"),
            ("-0", "-0"),
            ("007", "7"),
            ("-00.50", "-0.50"),
            ("0e5", "0e5"),
            ("1.5E+3", "1.5E+3"),
            ("12345678901234567890.123456789", "12345678901234567890.123456789"),
            ("1e308", "1e308"),
            ("1.0e308", "1.0e308"),
            ("17976931348623158e292", "17976931348623158e292"),
            ("1.7976931348623157e308", "1.7976931348623157e308"),
            ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791"),
            ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "null"),
            ("1.7976931348623159e308", "null"),
            ("-1e309", "null"),
            ("0.001e312", "null"),
            ("1e-400", "1e-400"),
            ("00000.0e99999999999999999999", "0.0e99999999999999999999"),
        ] {
            assert_eq!(num(spelling), written, "{spelling}");
            // What JavaScript would read: the same f64 as from the spelling.
            let expected: f64 = spelling.parse().unwrap();
            if written == "null" {
                assert!(expected.is_infinite(), "{spelling}");
            } else {
                assert_eq!(written.parse::<f64>().unwrap().to_bits(), expected.to_bits());
            }
        }
    }

    #[test]
    fn strings_structs_and_maps() {
        #[derive(serde::Serialize)]
        #[serde(tag = "type")]
        enum E {
            A { x: Option<u8> },
            B(Vec<i32>),
        }
        #[derive(serde::Serialize)]
        enum X {
            U,
            N(i64),
            T(u8, u8),
            S { k: bool },
        }
        let mut m = BTreeMap::new();
        m.insert(
            "k\"\\\n\u{1}é".to_owned(),
            "\t\u{8}\u{c}\r/\u{2028}".to_owned(),
        );
        assert_eq!(
            to_string(&m).unwrap(),
            "{\"k\\\"\\\\\\n\\u0001é\":\"\\t\\b\\f\\r/\u{2028}\"}"
        );
        assert_eq!(
            to_string(&E::A { x: None }).unwrap(),
            r#"{"type":"A","x":null}"#
        );
        assert_eq!(
            to_string(&(X::U, X::N(-5), X::T(1, 2), X::S { k: true })).unwrap(),
            r#"["U",{"N":-5},{"T":[1,2]},{"S":{"k":true}}]"#
        );
        assert_eq!(
            to_string(&[i64::MIN, 0, i64::MAX]).unwrap(),
            "[-9223372036854775808,0,9223372036854775807]"
        );
        assert_eq!(to_string(&u64::MAX).unwrap(), "18446744073709551615");
        assert!(to_string(&1.5f64).is_err());
        let _ = E::B(vec![]);
        let text = r#"{"a":[1,-2.5e3,true,null,"x\"y"],"b":{}}"#;
        assert_eq!(to_string(&parse(text).unwrap()).unwrap(), text);
    }
}
