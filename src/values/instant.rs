//! Instants: read from any RFC 3339 spelling that carries an offset, compared as UTC instants,
//! written as RFC 3339 UTC with `Z` (fractional seconds only when present).
//!
//! Own civil-date arithmetic rather than a date library (SIZE.md, attempt 2). The behaviour is
//! chrono 0.4's, which this replaced and which the tests compare against: its RFC 3339 grammar,
//! its date range (years -262143 to 262142), its leap-second reading of `:60`, and the three
//! offset-less spellings it recognises for [`InstantError::MissingOffset`].

use std::fmt;

/// Seconds and nanoseconds since 1970-01-01T00:00:00Z. `nanos` is below 10^9, except for a leap
/// second (`…:59:60`), held as second 59 plus 10^9 + fraction (as chrono holds it), so derived
/// order, equality and hashing follow the instant.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    secs: i64,
    nanos: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstantError {
    /// Not a date-time at all, or an impossible one (`2024-13-01`).
    Syntax,
    /// A valid local date-time with no `Z` or `±hh:mm`: its instant is unknown.
    MissingOffset,
}

const NANOS: u32 = 1_000_000_000;
const DAY: i64 = 86_400;
const MIN_YEAR: i64 = -262_143;
const MAX_YEAR: i64 = 262_142;

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn month_days(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid date in range, else `None` (Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> Option<i64> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y)
        || !(1..=12).contains(&m)
        || d < 1
        || d > month_days(y, m)
    {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m as i64 + 9) % 12) + 2) / 5 + d as i64 - 1;
    Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
}

/// `(year, month, day)` of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Byte cursor over ASCII grammar.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn eat(&mut self, c: u8) -> bool {
        let ok = self.b.get(self.i) == Some(&c);
        self.i += usize::from(ok);
        ok
    }

    fn digit(&mut self) -> Option<i64> {
        let c = *self.b.get(self.i).filter(|c| c.is_ascii_digit())?;
        self.i += 1;
        Some((c - b'0') as i64)
    }

    /// Exactly two digits.
    fn two(&mut self) -> Option<i64> {
        Some(self.digit()? * 10 + self.digit()?)
    }

    /// One to `max` digits (chrono's `scan::number`), after any whitespace when `space`.
    fn number(&mut self, max: usize, space: bool) -> Option<i64> {
        if space {
            self.space();
        }
        let mut v = self.digit()?;
        for _ in 1..max {
            match self.digit() {
                Some(d) => v = v.checked_mul(10)?.checked_add(d)?,
                None => break,
            }
        }
        Some(v)
    }

    /// After a `.`: one or more digits, the first nine read as nanoseconds, the rest skipped.
    /// Up to nanoseconds. Digits past the ninth must be zeros: chrono drops them, but then
    /// `…00.0000000001Z` would pass as on the hour and be sent as another instant.
    fn fraction(&mut self) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        let mut finer = false;
        while let Some(d) = self.digit() {
            if self.i - start <= 9 {
                v = v * 10 + d as u32;
            } else {
                finer |= d != 0;
            }
        }
        let n = self.i - start;
        (n > 0 && !finer).then(|| v * 10u32.pow(9 - n.min(9) as u32))
    }

    /// Unicode whitespace, as `str::trim_start`.
    fn space(&mut self) {
        let rest = std::str::from_utf8(&self.b[self.i..]).unwrap_or("");
        self.i += rest.len() - rest.trim_start().len();
    }

    fn done(&self) -> bool {
        self.i == self.b.len()
    }
}

/// Seconds and nanoseconds of a date and time of day (second 60 is a leap second), if valid.
fn instant(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64, frac: u32) -> Option<Instant> {
    let days = days_from_civil(y, u32::try_from(mo).ok()?, u32::try_from(d).ok()?)?;
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let (s, nanos) = if s == 60 {
        (59, NANOS + frac)
    } else {
        (s, frac)
    };
    Some(Instant {
        secs: days * DAY + h * 3600 + mi * 60 + s,
        nanos,
    })
}

/// `YYYY-MM-DD(T|t| )hh:mm:ss(.f+)?(Z|z|±hh:mm)`, as chrono's `DateTime::parse_from_rfc3339`.
fn rfc3339(b: &[u8]) -> Option<Instant> {
    rfc3339_with_offset(b).map(|(t, _)| t)
}

/// [`rfc3339`], with the offset east of UTC in seconds.
fn rfc3339_with_offset(b: &[u8]) -> Option<(Instant, i64)> {
    let mut c = Scan { b, i: 0 };
    let y = c.two()? * 100 + c.two()?;
    c.eat(b'-').then_some(())?;
    let mo = c.two()?;
    c.eat(b'-').then_some(())?;
    let d = c.two()?;
    (c.eat(b'T') || c.eat(b't') || c.eat(b' ')).then_some(())?;
    let h = c.two()?;
    c.eat(b':').then_some(())?;
    let mi = c.two()?;
    c.eat(b':').then_some(())?;
    let s = c.two()?;
    let frac = if c.eat(b'.') { c.fraction()? } else { 0 };
    let local = instant(y, mo, d, h, mi, s, frac)?;
    let offset = if c.eat(b'Z') || c.eat(b'z') {
        0
    } else {
        let negative = if c.eat(b'+') {
            false
        } else if c.eat(b'-') || (c.eat(0xE2) && c.eat(0x88) && c.eat(0x92)) {
            // `-`, or U+2212 MINUS SIGN
            true
        } else {
            return None;
        };
        let oh = c.two()?;
        c.eat(b':').then_some(())?;
        let om = c.two()?;
        let secs = oh * 3600 + om * 60;
        if om > 59 || secs >= DAY {
            return None;
        }
        if negative {
            -secs
        } else {
            secs
        }
    };
    c.done().then_some((
        Instant {
            secs: local.secs - offset,
            ..local
        },
        offset,
    ))
}

/// Whether chrono's `NaiveDateTime::parse_from_str` reads `b` with `%Y-%m-%dT%H:%M:%S%.f`
/// (`t_sep`), `%Y-%m-%d %H:%M:%S%.f` (`!t_sep`; the space matches any run of whitespace, or
/// none) or, without `seconds`, `%Y-%m-%dT%H:%M`. Each number may follow whitespace and has one
/// to its width of digits; a year may instead be signed, with any number of digits.
fn local(b: &[u8], t_sep: bool, seconds: bool) -> Option<Instant> {
    let mut c = Scan { b, i: 0 };
    c.space();
    let y = if c.eat(b'-') {
        -c.number(usize::MAX, false)?
    } else if c.eat(b'+') {
        c.number(usize::MAX, false)?
    } else {
        c.number(4, false)?
    };
    c.eat(b'-').then_some(())?;
    let mo = c.number(2, true)?;
    c.eat(b'-').then_some(())?;
    let d = c.number(2, true)?;
    if t_sep {
        c.eat(b'T').then_some(())?;
    } else {
        c.space();
    }
    let h = c.number(2, true)?;
    c.eat(b':').then_some(())?;
    let mi = c.number(2, true)?;
    let (mut s, mut frac) = (0, 0);
    if seconds {
        c.eat(b':').then_some(())?;
        s = c.number(2, true)?;
        if c.eat(b'.') {
            frac = c.fraction()?;
        }
    }
    c.done().then_some(())?;
    instant(y, mo, d, h, mi, s, frac)
}

impl Instant {
    pub const EPOCH: Instant = Instant { secs: 0, nanos: 0 };

    pub fn parse(text: &str) -> Result<Instant, InstantError> {
        let s = text.trim().as_bytes();
        if let Some(t) = rfc3339(s) {
            return Ok(t);
        }
        let offsetless = local(s, true, true)
            .or_else(|| local(s, false, true))
            .or_else(|| local(s, true, false));
        Err(if offsetless.is_some() {
            InstantError::MissingOffset
        } else {
            InstantError::Syntax
        })
    }

    /// The offset east of UTC, in seconds, that an RFC 3339 `text` is written in (`Z`: 0).
    pub fn offset_of(text: &str) -> Option<i64> {
        rfc3339_with_offset(text.trim().as_bytes()).map(|(_, offset)| offset)
    }

    pub fn from_millis(ms: i64) -> Option<Instant> {
        let secs = ms.div_euclid(1000);
        let days = secs.div_euclid(DAY);
        let min = days_from_civil(MIN_YEAR, 1, 1)?;
        let max = days_from_civil(MAX_YEAR, 12, 31)?;
        (min..=max).contains(&days).then_some(Instant {
            secs,
            nanos: ms.rem_euclid(1000) as u32 * 1_000_000,
        })
    }

    pub fn ymd_h(year: i32, month: u32, day: u32, hour: u32) -> Option<Instant> {
        instant(year as i64, month as i64, day as i64, hour as i64, 0, 0, 0)
    }

    /// Read from a `:60` seconds field.
    pub fn is_leap_second(&self) -> bool {
        self.nanos >= 1_000_000_000
    }

    /// Minutes, seconds and sub-seconds all zero.
    pub fn is_hour_aligned(&self) -> bool {
        self.secs.rem_euclid(3600) == 0 && self.nanos == 0
    }

    /// Calendar-month arithmetic that clamps to the month's last day (Jan 31 + 1 month = Feb 29).
    pub fn add_months(&self, months: u32) -> Option<Instant> {
        let days = self.secs.div_euclid(DAY);
        let (y, m, d) = civil_from_days(days);
        let total = (y * 12 + m as i64 - 1).checked_add(i64::from(i32::try_from(months).ok()?))?;
        i32::try_from(total).ok()?;
        let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        let new_days = days_from_civil(ny, nm, d.min(month_days(ny, nm)))?;
        Some(Instant {
            secs: self.secs + (new_days - days) * DAY,
            nanos: self.nanos,
        })
    }

    /// [`Instant::add_months`] on the calendar of the wall clock `offset` seconds east of UTC:
    /// March 1 at +05:00 plus one month is April 1 at +05:00, not the 29th.
    pub fn add_months_at(&self, months: u32, offset: i64) -> Option<Instant> {
        let local = Instant {
            secs: self.secs.checked_add(offset)?,
            nanos: self.nanos,
        };
        let moved = local.add_months(months)?;
        Some(Instant {
            secs: moved.secs - offset,
            nanos: moved.nanos,
        })
    }

    /// Day of the month (UTC).
    pub fn day(&self) -> u32 {
        civil_from_days(self.secs.div_euclid(DAY)).2
    }

    /// Nanoseconds since the epoch (a leap second's nanoseconds run into the next second).
    pub fn as_nanos(&self) -> i128 {
        i128::from(self.secs) * 1_000_000_000 + i128::from(self.nanos)
    }

    pub fn timestamp_millis(&self) -> i64 {
        self.secs * 1000 + (self.nanos / 1_000_000) as i64
    }
}

/// Text built on the stack: an instant is at most 38 bytes (`+262142-12-31T23:59:60.999999999Z`).
struct Text {
    b: [u8; 40],
    n: usize,
}

impl Text {
    fn push(&mut self, c: u8) {
        self.b[self.n] = c;
        self.n += 1;
    }

    /// `v` in `width` digits at least, zero-padded (`v` < 10^6 unless `width` holds it: a year).
    fn digits(&mut self, mut v: u32, width: usize) {
        let len = width.max(if v >= 100_000 {
            6
        } else if v >= 10_000 {
            5
        } else {
            0
        });
        for k in (self.n..self.n + len).rev() {
            self.b[k] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        self.n += len;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.b[..self.n]).unwrap_or_default()
    }
}

impl Instant {
    /// `YYYY-MM-DDThh:mm:ss[.fff|.ffffff|.fffffffff]Z` (chrono's `SecondsFormat::AutoSi` with `Z`);
    /// a year outside 0–9999 is written with its sign and at least four digits (`{:+05}`).
    fn text(&self) -> Text {
        let (y, m, d) = civil_from_days(self.secs.div_euclid(DAY));
        let sod = self.secs.rem_euclid(DAY) as u32;
        let (mut sec, mut nano) = (sod % 60, self.nanos);
        if nano >= NANOS {
            sec += 1;
            nano -= NANOS;
        }
        let mut t = Text { b: [0; 40], n: 0 };
        if !(0..=9999).contains(&y) {
            t.push(if y < 0 { b'-' } else { b'+' });
        }
        t.digits(y.unsigned_abs() as u32, 4);
        for (sep, n) in [
            (b'-', m),
            (b'-', d),
            (b'T', sod / 3600),
            (b':', sod / 60 % 60),
            (b':', sec),
        ] {
            t.push(sep);
            t.digits(n, 2);
        }
        if nano != 0 {
            t.push(b'.');
            if nano % 1_000_000 == 0 {
                t.digits(nano / 1_000_000, 3);
            } else if nano % 1000 == 0 {
                t.digits(nano / 1000, 6);
            } else {
                t.digits(nano, 9);
            }
        }
        t.push(b'Z');
        t
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl fmt::Debug for Instant {
    /// As chrono's `DateTime<Utc>` inside the former tuple struct: `Instant(2024-01-01T00:00:00Z)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Instant({self})")
    }
}

impl serde::Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_instant_are_equal() {
        let a = Instant::parse("2024-01-01T00:00:00Z").unwrap();
        for s in [
            "2024-01-01T00:00:00.000Z",
            "2024-01-01T01:00:00+01:00",
            "2024-01-01t00:00:00z",
        ] {
            assert_eq!(Instant::parse(s).unwrap(), a, "{s}");
        }
        assert_eq!(a.to_string(), "2024-01-01T00:00:00Z");
        assert_eq!(
            Instant::parse("2024-01-01T00:00:00.5Z")
                .unwrap()
                .to_string(),
            "2024-01-01T00:00:00.500Z"
        );
    }

    #[test]
    fn refuses_impossible_and_offsetless() {
        assert_eq!(
            Instant::parse("2024-13-01T00:00:00Z"),
            Err(InstantError::Syntax)
        );
        assert_eq!(Instant::parse("2024-13-01"), Err(InstantError::Syntax));
        assert_eq!(Instant::parse("abc"), Err(InstantError::Syntax));
        assert_eq!(
            Instant::parse("2024-01-01T00:00:00"),
            Err(InstantError::MissingOffset)
        );
    }

    #[test]
    fn hour_alignment_is_judged_in_utc() {
        assert!(Instant::parse("2024-01-01T05:00:00+05:00")
            .unwrap()
            .is_hour_aligned());
        assert!(!Instant::parse("2024-01-01T05:00:00+05:30")
            .unwrap()
            .is_hour_aligned());
        assert!(!Instant::parse("2024-01-01T00:00:00.001Z")
            .unwrap()
            .is_hour_aligned());
    }

    #[test]
    fn months_clamp_and_days_count() {
        let t = |s: &str| Instant::parse(s).unwrap();
        assert_eq!(
            t("2024-01-31T10:00:00Z").add_months(1),
            Some(t("2024-02-29T10:00:00Z"))
        );
        assert_eq!(
            t("2023-01-31T10:00:00Z").add_months(13),
            Some(t("2024-02-29T10:00:00Z"))
        );
        assert_eq!(t("2024-03-15T00:00:00Z").day(), 15);
        assert_eq!(Instant::EPOCH.to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Instant::from_millis(-1).unwrap().to_string(),
            "1969-12-31T23:59:59.999Z"
        );
        assert_eq!(Instant::ymd_h(2024, 2, 30, 0), None);
        assert_eq!(Instant::ymd_h(2024, 2, 29, 24), None);
    }
}

/// The former chrono implementation, compared with this one on generated spellings.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod versus_chrono {
    use super::*;
    use chrono::{
        DateTime, Datelike, Months, NaiveDateTime, SecondsFormat, TimeZone, Timelike, Utc,
    };
    use proptest::prelude::*;

    fn chrono_parse(text: &str) -> Result<DateTime<Utc>, InstantError> {
        let s = text.trim();
        match DateTime::parse_from_rfc3339(s) {
            Ok(t) => Ok(t.with_timezone(&Utc)),
            Err(_) => {
                let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                    .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f"))
                    .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"));
                Err(if local.is_ok() {
                    InstantError::MissingOffset
                } else {
                    InstantError::Syntax
                })
            }
        }
    }

    /// Every observable of ours equals chrono's.
    fn same(ours: Instant, theirs: DateTime<Utc>) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            ours.to_string(),
            theirs.to_rfc3339_opts(SecondsFormat::AutoSi, true)
        );
        prop_assert_eq!(ours.timestamp_millis(), theirs.timestamp_millis());
        prop_assert_eq!(ours.day(), theirs.day());
        prop_assert_eq!(
            ours.is_hour_aligned(),
            theirs.minute() == 0 && theirs.second() == 0 && theirs.nanosecond() == 0
        );
        prop_assert_eq!(
            (ours.secs, ours.nanos),
            (theirs.timestamp(), theirs.nanosecond())
        );
        for m in [
            0u32,
            1,
            2,
            11,
            13,
            25,
            1200,
            3_000_000,
            i32::MAX as u32,
            u32::MAX,
        ] {
            let (a, b) = (
                ours.add_months(m),
                theirs.checked_add_months(Months::new(m)),
            );
            prop_assert_eq!(
                a.map(|t| t.to_string()),
                b.map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
                "+{} months",
                m
            );
            prop_assert_eq!(
                a.map(|t| (t.secs, t.nanos)),
                b.map(|t| (t.timestamp(), t.nanosecond()))
            );
        }
        Ok(())
    }

    /// Whether a fraction of `s` has a non-zero digit past the ninth (chrono drops them; we refuse).
    fn finer_than_nanos(s: &str) -> bool {
        s.split('.').skip(1).any(|part| {
            let digits: Vec<u8> = part.bytes().take_while(u8::is_ascii_digit).collect();
            digits.iter().skip(9).any(|&d| d != b'0')
        })
    }

    fn check(s: &str) -> Result<(), TestCaseError> {
        if finer_than_nanos(s) {
            prop_assert_eq!(Instant::parse(s), Err(InstantError::Syntax), "{:?}", s);
            return Ok(());
        }
        match (Instant::parse(s), chrono_parse(s)) {
            (Ok(a), Ok(b)) => same(a, b),
            (Err(a), Err(b)) => {
                prop_assert_eq!(a, b, "{:?}", s);
                Ok(())
            }
            (a, b) => Err(TestCaseError::fail(format!(
                "{s:?}: ours {a:?}, chrono {b:?}"
            ))),
        }
    }

    /// Pieces of date-times, well-formed and not, glued in every order.
    fn spelling() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("2024".to_owned()),
            Just("1970".to_owned()),
            Just("0000".to_owned()),
            Just("9999".to_owned()),
            Just("-".to_owned()),
            Just("+".to_owned()),
            Just(":".to_owned()),
            Just(".".to_owned()),
            Just("T".to_owned()),
            Just("t".to_owned()),
            Just(" ".to_owned()),
            Just("\u{a0}".to_owned()),
            Just("Z".to_owned()),
            Just("z".to_owned()),
            Just("\u{2212}".to_owned()),
            Just("60".to_owned()),
            Just("02-29".to_owned()),
            "[0-9]{1,3}",
            "[0-9]{10,21}",
        ];
        prop_oneof![
            prop::collection::vec(piece, 0..14).prop_map(|v| v.concat()),
            (
                -3i32..10_001,
                0u32..14,
                0u32..33,
                0u32..26,
                0u32..62,
                0u32..62,
                prop::option::of("[0-9]{0,12}"),
                prop_oneof![
                    Just(String::new()),
                    Just("Z".to_owned()),
                    Just("z".to_owned()),
                    "[+-][0-2][0-9]:[0-9][0-9]",
                    "\u{2212}[0-2][0-9]:[0-6][0-9]",
                    "[+-][0-9]{1,4}",
                ],
                prop_oneof![Just("T"), Just("t"), Just(" "), Just("  "), Just("")],
                prop_oneof![Just(true), Just(false)],
            )
                .prop_map(|(y, mo, d, h, mi, s, frac, off, sep, pad)| {
                    let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
                    if pad {
                        format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{frac}{off}")
                    } else {
                        format!("{y}-{mo}-{d}{sep}{h}:{mi}:{s}{frac}{off}")
                    }
                }),
            (-9_000_000_000_000_000i64..9_000_000_000_000_000).prop_map(|ms| {
                Utc.timestamp_millis_opt(ms / 1000)
                    .single()
                    .map_or(String::new(), |t| t.to_rfc3339())
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn parses_as_chrono_did(s in spelling()) {
            check(&s)?;
        }

        #[test]
        fn millis_and_hours_as_chrono(ms in any::<i64>(), y in -263_000i32..263_000, mo in 0u32..14, d in 0u32..33, h in 0u32..26) {
            match (Instant::from_millis(ms), Utc.timestamp_millis_opt(ms).single()) {
                (Some(a), Some(b)) => same(a, b)?,
                (None, None) => {}
                (a, b) => prop_assert!(false, "{}: {:?} vs {:?}", ms, a, b),
            }
            match (Instant::ymd_h(y, mo, d, h), Utc.with_ymd_and_hms(y, mo, d, h, 0, 0).single()) {
                (Some(a), Some(b)) => same(a, b)?,
                (None, None) => {}
                (a, b) => prop_assert!(false, "{:?}: {:?} vs {:?}", (y, mo, d, h), a, b),
            }
        }
    }

    #[test]
    fn edge_spellings_as_chrono() {
        for s in [
            "2024-01-01T00:00:60Z",
            "2024-12-31T23:59:60.5+01:00",
            "2024-06-30T12:34:60.123456789-00:30",
            "2024-01-01T00:00:00.1234567891234Z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00.",
            "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00+23:59",
            "2024-01-01T00:00:00+23:60",
            "2024-01-01T00:00:00+99:00",
            "2024-01-01T00:00:00\u{2212}05:00",
            "2024-01-01T00:00:00+0500",
            "2024-01-01T00:00:00+05",
            "2024-01-01T00:00:00ZZ",
            "2024-01-01 00:00:00Z",
            "2024-01-01t00:00:00",
            "2024-01-0100:00:00",
            "2024-01-01   00:00:00.5",
            "2024-1-1T1:2:3",
            "2024-01-01T 1: 2: 3",
            " 2024-01-01T00:00",
            "2024-01-01T00:00Z",
            "+2024-01-01T00:00:00",
            "-0001-01-01T00:00:00",
            "+262142-12-31T23:59:59",
            "+262143-01-01T00:00:00",
            "-262143-01-01T00:00:00",
            "-262144-12-31T00:00:00",
            "99999999999999999999-01-01T00:00:00",
            "0000-01-01T00:00:00+00:01",
            "0000-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T23:60:00Z",
            "2024-01-01T23:59:61Z",
            "２０２４-01-01T00:00:00Z",
            "2024-01-01T00:00:00.5\u{a0}",
            "",
            "T",
        ] {
            check(s).unwrap();
        }
    }
}
