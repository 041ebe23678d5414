//! A strict JSON reader (RFC 8259) with limits, so no input can exhaust the stack or stall:
//! nesting deeper than [`MAX_DEPTH`] and texts longer than [`MAX_INPUT_BYTES`] are refused.

use super::value::Value;
use std::borrow::Cow;

pub const MAX_DEPTH: usize = 64;
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    TooDeep,
    TooLarge,
    /// Byte offset and what was wrong there.
    Syntax(usize, &'static str),
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::TooDeep => write!(f, "input is nested more than {MAX_DEPTH} levels deep"),
            ParseError::TooLarge => write!(f, "input is larger than {} MiB", MAX_INPUT_BYTES >> 20),
            ParseError::Syntax(at, what) => write!(f, "invalid JSON at byte {at}: {what}"),
        }
    }
}

pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    parse_with(text, None)
}

/// [`parse`] for a text the module wrote itself from values it holds: no size limit (what it
/// holds may add up to more than one argument may be); the depth limit stays, it guards the stack.
pub fn parse_own(text: &str) -> Result<Value<'_>, ParseError> {
    parse_unsized(text, None)
}

/// Told about the items of a commit's two schedules (`/access_schedule/schedule_items` is
/// schedule 0, `/invoice_schedule/schedule_items` schedule 1) as the parser meets them, in order.
/// Only the last occurrence of a repeated key counts, as in [`Value::get`].
pub trait ItemWatch {
    /// The schedule's items are met (again): forget what was said about it before.
    fn restart(&mut self, schedule: usize);
    /// The item that starts at byte `at` of `text`: the length of its text if the watcher
    /// already knows that text as a whole JSON object ending in `}`. A known item is not parsed;
    /// `null` stands in its place.
    fn known(&mut self, schedule: usize, text: &str, at: usize) -> Option<usize>;
    /// An item that was parsed: it spans `at..end` of the text.
    fn parsed(&mut self, schedule: usize, at: usize, end: usize);
}

/// [`parse`], telling `watch` about the schedule items.
pub fn parse_watching<'a>(
    text: &'a str,
    watch: &mut dyn ItemWatch,
) -> Result<Value<'a>, ParseError> {
    parse_with(text, Some(watch))
}

fn parse_with<'a>(
    text: &'a str,
    watch: Option<&mut dyn ItemWatch>,
) -> Result<Value<'a>, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge);
    }
    parse_unsized(text, watch)
}

fn parse_unsized<'a>(
    text: &'a str,
    watch: Option<&mut dyn ItemWatch>,
) -> Result<Value<'a>, ParseError> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
        watch,
        schedule: None,
        items: None,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return Err(p.err("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a, 'w> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    watch: Option<&'w mut dyn ItemWatch>,
    /// Inside the value of the root key of this schedule.
    schedule: Option<usize>,
    /// Inside the value of that schedule's `schedule_items` key.
    items: Option<usize>,
}

impl<'a> Parser<'a, '_> {
    fn err(&self, what: &'static str) -> ParseError {
        ParseError::Syntax(self.i, what)
    }

    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &'static str, v: Value<'a>) -> Result<Value<'a>, ParseError> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, ParseError> {
        match self.b.get(self.i) {
            None => Err(self.err("unexpected end")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.i += 1;
        // No room reserved up front: each `[]` of a 32 MiB text of them would hold the room for
        // four values (found by fuzz/: such texts took seconds and gigabytes).
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        // Depth 3 under the flag is the `schedule_items` array itself (root object 1, schedule 2).
        let watched = if depth == 3 { self.items } else { None };
        loop {
            self.ws();
            match (watched, self.watch.as_deref_mut()) {
                (Some(s), Some(w)) => {
                    let at = self.i;
                    match w.known(s, self.s, at) {
                        Some(len) => {
                            self.i += len;
                            items.push(Value::Null);
                        }
                        None => {
                            items.push(self.value(depth)?);
                            if let Some(w) = self.watch.as_deref_mut() {
                                w.parsed(s, at, self.i);
                            }
                        }
                    }
                }
                _ => items.push(self.value(depth)?),
            }
            self.ws();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.err("expected , or ]"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.i += 1;
        // Grown as entries come (4, then 8 for a commit item): room for 8 entries reserved for
        // every `{}` or `{"a":…}` made a 32 MiB text of them take 6 s and 5 GB (found by fuzz/).
        let mut entries = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Value::Object(entries));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a key"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(self.err("expected :"));
            }
            self.ws();
            let v = if self.watch.is_some() && depth <= 2 {
                self.watched_value(depth, &key)?
            } else {
                self.value(depth)?
            };
            entries.push((key, v));
            self.ws();
            if self.eat(b'}') {
                return Ok(Value::Object(entries));
            }
            if !self.eat(b',') {
                return Err(self.err("expected , or }"));
            }
        }
    }

    /// The value of `key` in an object at `depth`, noting whether it is a schedule or its items.
    fn watched_value(&mut self, depth: usize, key: &str) -> Result<Value<'a>, ParseError> {
        let outer = (self.schedule, self.items);
        if depth == 1 {
            self.schedule = match key {
                "access_schedule" => Some(0),
                "invoice_schedule" => Some(1),
                _ => None,
            };
            self.items = None;
            if let (Some(s), Some(w)) = (self.schedule, self.watch.as_deref_mut()) {
                w.restart(s);
            }
        } else {
            self.items = self.schedule.filter(|_| key == "schedule_items");
            if let (Some(s), Some(w)) = (self.items, self.watch.as_deref_mut()) {
                w.restart(s);
            }
        }
        let v = self.value(depth);
        (self.schedule, self.items) = outer;
        v
    }

    fn number(&mut self) -> Result<Value<'a>, ParseError> {
        let start = self.i;
        self.eat(b'-');
        let digits = |p: &mut Parser<'a, '_>| {
            let s = p.i;
            while p.i < p.b.len() && p.b[p.i].is_ascii_digit() {
                p.i += 1;
            }
            p.i - s
        };
        if digits(self) == 0 {
            return Err(self.err("expected a digit"));
        }
        if self.eat(b'.') && digits(self) == 0 {
            return Err(self.err("expected a digit"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if digits(self) == 0 {
                return Err(self.err("expected a digit"));
            }
        }
        Ok(Value::Number(Cow::Borrowed(&self.s[start..self.i])))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let h = self
            .b
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err("short \\u escape"))?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16
                + (c as char)
                    .to_digit(16)
                    .ok_or_else(|| self.err("bad \\u escape"))?;
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.i += 1;
        let start = self.i;
        // Most strings have no escape: find the end in one tight scan and borrow them.
        let rest = &self.b[self.i..];
        self.i += rest
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
            .unwrap_or(rest.len());
        match self.b.get(self.i) {
            Some(b'"') => {
                let s = &self.s[start..self.i];
                self.i += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(c) if *c < 0x20 => return Err(self.err("control character in string")),
            _ => {}
        }
        let mut out = String::from(&self.s[start..self.i]);
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err(self.err("unterminated string"));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' => {
                    self.i += 1;
                    let Some(&e) = self.b.get(self.i) else {
                        return Err(self.err("unterminated string"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return Err(self.err("bad escape")),
                    }
                }
                c if c < 0x20 => return Err(self.err("control character in string")),
                _ => {
                    // Copy one whole UTF-8 sequence; the input is a &str so boundaries are valid.
                    let len = match c {
                        0x00..=0x7f => 1,
                        0xc0..=0xdf => 2,
                        0xe0..=0xef => 3,
                        _ => 4,
                    };
                    let end = (self.i + len).min(self.b.len());
                    out.push_str(self.s.get(self.i..end).unwrap_or("\u{fffd}"));
                    self.i = end;
                }
            }
        }
    }

    /// A lone surrogate (JS strings may hold one) becomes U+FFFD rather than an error.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let hi = self.hex4()?;
        if (0xd800..0xdc00).contains(&hi) && self.b[self.i..].starts_with(b"\\u") {
            let save = self.i;
            self.i += 2;
            let lo = self.hex4()?;
            if (0xdc00..0xe000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.i = save;
        }
        Ok(char::from_u32(hi).unwrap_or('\u{fffd}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json() {
        let v = parse(r#" {"a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00", "c": {}} "#)
            .unwrap();
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"é😀"));
        match v.get("a") {
            Some(Value::Array(items)) => assert_eq!(items[1], Value::Number("-2.5e3".into())),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lone_surrogates_are_replaced() {
        assert_eq!(
            parse(r#""\ud800x""#).unwrap(),
            Value::String("\u{fffd}x".into())
        );
    }

    #[test]
    fn refuses_bad_and_deep_input() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01x",
            "\"\u{1}\"",
            "nul",
            "1.",
            "-",
            "[1 2]",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep), Err(ParseError::TooDeep));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
