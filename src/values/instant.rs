//! Instants: read from any RFC 3339 spelling that carries an offset, compared as UTC instants,
//! written as RFC 3339 UTC with `Z` (fractional seconds only when present).

use chrono::{DateTime, Datelike, Months, NaiveDateTime, SecondsFormat, TimeZone, Timelike, Utc};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(DateTime<Utc>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstantError {
    /// Not a date-time at all, or an impossible one (`2024-13-01`).
    Syntax,
    /// A valid local date-time with no `Z` or `±hh:mm`: its instant is unknown.
    MissingOffset,
}

impl Instant {
    pub const EPOCH: Instant = Instant(DateTime::<Utc>::UNIX_EPOCH);

    pub fn parse(text: &str) -> Result<Instant, InstantError> {
        let s = text.trim();
        match DateTime::parse_from_rfc3339(s) {
            Ok(t) => Ok(Instant(t.with_timezone(&Utc))),
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

    pub fn from_millis(ms: i64) -> Option<Instant> {
        Utc.timestamp_millis_opt(ms).single().map(Instant)
    }

    pub fn ymd_h(year: i32, month: u32, day: u32, hour: u32) -> Option<Instant> {
        Utc.with_ymd_and_hms(year, month, day, hour, 0, 0)
            .single()
            .map(Instant)
    }

    /// Minutes, seconds and sub-seconds all zero.
    pub fn is_hour_aligned(&self) -> bool {
        self.0.minute() == 0 && self.0.second() == 0 && self.0.nanosecond() == 0
    }

    /// Calendar-month arithmetic that clamps to the month's last day (Jan 31 + 1 month = Feb 29).
    pub fn add_months(&self, months: u32) -> Option<Instant> {
        self.0.checked_add_months(Months::new(months)).map(Instant)
    }

    pub fn day(&self) -> u32 {
        self.0.day()
    }

    pub fn timestamp_millis(&self) -> i64 {
        self.0.timestamp_millis()
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl serde::Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
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
}
