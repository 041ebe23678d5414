//! generateSchedule: spread a total over a range by calendar periods, as Metronome does for a
//! recurring invoice schedule on create, so that an editor can do the same when editing.
//!
//! Periods start at `starting_at + k × months` (each computed from `starting_at`, so a start on
//! the 31st comes back to the 31st after a short month), for every k whose start is before
//! `ending_before`; the last period ends exactly at `ending_before`, so it may be shorter. It still
//! gets a full share: the generator does not prorate.
//!
//! Amounts, in exact decimal:
//! - `DIVIDED`: total ÷ n, exact when that fits in 8 decimals; otherwise truncated at 8 decimals,
//!   with the remainder on the last item.
//! - `DIVIDED_ROUNDED`: total ÷ n rounded down to a whole unit (a cent for USD), the remainder on
//!   the last item. Rounding down keeps the last item from going negative.
//! - `EACH`: the total on every item.
//!
//! For DIVIDED and DIVIDED_ROUNDED the items sum to the total exactly.

use crate::issue::{Issue, IssueCode, Issues};
use crate::json::Value;
use crate::model::{AccessAdd, Distribution, Frequency};
use crate::read::create::{read_schedule_rule, ScheduleKind};
use crate::read::{Reader, MAX_ITEMS};
use crate::values::decimal::MAX_SCALE;
use crate::values::{Decimal, Instant};
use serde::Serialize;
use tsify::Tsify;

/// Decimals kept by a `DIVIDED` split before the remainder goes on the last item.
pub const DIVIDED_SCALE: u32 = 8;

/// One generated item, ready to drop into a draft's `schedule_items`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum ScheduleItem {
    Access(AccessAdd),
    Invoice(GeneratedInvoiceItem),
}

/// An invoice item priced by amount alone (R6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct GeneratedInvoiceItem {
    pub timestamp: Instant,
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct GeneratedSchedule {
    /// Empty when any issue is an error.
    pub items: Vec<ScheduleItem>,
    pub issues: Vec<Issue>,
}

/// One period of a split range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub starting_at: Instant,
    pub ending_before: Instant,
    pub amount: Decimal,
}

/// Why a range cannot be split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// More than [`MAX_ITEMS`] periods.
    TooMany,
    /// An amount beyond what is kept exactly (cannot happen for totals that were read).
    Overflow,
}

/// Start of each period in `[start, end)`; empty when `end <= start`. Months are counted on the
/// calendar of the wall clock `offset` seconds east of UTC (the offset `start` was written in).
pub fn period_starts(
    start: Instant,
    end: Instant,
    frequency: Frequency,
    offset: i64,
) -> Result<Vec<Instant>, SplitError> {
    let months = frequency.months();
    let mut out = Vec::new();
    let mut k: u32 = 0;
    loop {
        let t = match k.checked_mul(months) {
            Some(0) => Some(start),
            Some(m) => start.add_months_at(m, offset),
            None => None,
        };
        // Beyond the calendar: no further period starts.
        let Some(t) = t.filter(|t| *t < end) else {
            break;
        };
        if out.len() >= MAX_ITEMS {
            return Err(SplitError::TooMany);
        }
        out.push(t);
        k += 1;
    }
    Ok(out)
}

/// The amount of each of `n` items.
pub fn amounts(
    total: Decimal,
    n: usize,
    distribution: Distribution,
) -> Result<Vec<Decimal>, SplitError> {
    match distribution {
        Distribution::Each => Ok(vec![total; n]),
        // Equal shares when the total divides exactly (at any scale a `Decimal` holds); else the
        // finest split, at most 8 decimals, whose items a JavaScript number still holds exactly.
        Distribution::Divided => std::iter::once(MAX_SCALE)
            .filter(|&scale| {
                u32::try_from(n).is_ok_and(|k| k > 0 && total.divides_exactly(k, scale))
            })
            .chain((0..=DIVIDED_SCALE).rev())
            .map(|scale| split(total, n, scale))
            .find(|r| {
                r.as_ref()
                    .map_or(true, |items| items.iter().all(Decimal::fits_js_number))
            })
            .unwrap_or(Err(SplitError::Overflow)),
        Distribution::DividedRounded => split(total, n, 0).and_then(|items| {
            if items.iter().all(Decimal::fits_js_number) {
                Ok(items)
            } else {
                Err(SplitError::Overflow)
            }
        }),
    }
}

/// `n - 1` items of `total ÷ n` truncated at `scale` decimals, and the remainder as the last.
fn split(total: Decimal, n: usize, scale: u32) -> Result<Vec<Decimal>, SplitError> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let n32 = u32::try_from(n).map_err(|_| SplitError::TooMany)?;
    let share = total
        .div_int_truncated(n32, scale)
        .ok_or(SplitError::Overflow)?;
    let head = share
        .checked_mul_int(i64::from(n32 - 1))
        .ok_or(SplitError::Overflow)?;
    let last = total.checked_sub(head).ok_or(SplitError::Overflow)?;
    let mut out = vec![share; n - 1];
    out.push(last);
    Ok(out)
}

/// Splits `[start, end)` into contiguous periods carrying the distributed total.
pub fn split_range(
    total: Decimal,
    start: Instant,
    end: Instant,
    frequency: Frequency,
    distribution: Distribution,
    offset: i64,
) -> Result<Vec<Period>, SplitError> {
    let starts = period_starts(start, end, frequency, offset)?;
    let amounts = amounts(total, starts.len(), distribution)?;
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(end));
    Ok(starts
        .iter()
        .zip(ends)
        .zip(amounts)
        .map(|((s, e), amount)| Period {
            starting_at: *s,
            ending_before: e,
            amount,
        })
        .collect())
}

/// `generateSchedule(rule)`.
pub fn generate_schedule(rule: &Value<'_>) -> GeneratedSchedule {
    let mut issues = Issues::default();
    let r = read_schedule_rule(&mut Reader::new(&mut issues), rule);
    if let (Some(s), Some(e)) = (r.starting_at, r.ending_before) {
        if e <= s {
            issues.push(Issue::new(
                IssueCode::RangeInvalid,
                "/ending_before",
                format!("ending_before {e} is not after starting_at {s}: the range is empty"),
            ));
        }
    }
    // R8: every period boundary keeps the start's time of day. Access segments carry both ends,
    // which must be on the hour; invoice items carry only their starts, and an invoice timestamp
    // off the hour is a warning, as in planCreate's recurring schedule.
    let invoice = matches!(r.kind, Some(ScheduleKind::Invoice));
    for (key, t) in [
        ("starting_at", r.starting_at),
        ("ending_before", r.ending_before.filter(|_| !invoice)),
    ] {
        if let Some(t) = t.filter(|t| !t.is_hour_aligned()) {
            let (code, message) = if invoice {
                let message = format!("{t} is not on the hour (UTC): every invoice item generated from it will be off the hour too");
                (IssueCode::InvoiceNotHourAligned, message)
            } else {
                let message = format!("{t} is not on the hour (UTC): access segments must be");
                (IssueCode::AccessNotHourAligned, message)
            };
            issues.push(Issue::new(code, format!("/{key}"), message));
        }
    }
    let mut items = Vec::new();
    if let (false, Some(total), Some(s), Some(e), Some(f), Some(d), Some(kind)) = (
        issues.has_errors(),
        r.total,
        r.starting_at,
        r.ending_before,
        r.frequency,
        r.distribution,
        r.kind,
    ) {
        // The user's calendar: monthly from March 1 at +05:00 is the 1st of each month there.
        match split_range(total, s, e, f, d, r.offset) {
            Ok(periods) => {
                items = periods
                    .into_iter()
                    .map(|p| match kind {
                        ScheduleKind::Access => ScheduleItem::Access(AccessAdd {
                            amount: p.amount,
                            starting_at: p.starting_at,
                            ending_before: p.ending_before,
                        }),
                        ScheduleKind::Invoice => ScheduleItem::Invoice(GeneratedInvoiceItem {
                            timestamp: p.starting_at,
                            amount: p.amount,
                        }),
                    })
                    .collect()
            }
            Err(SplitError::TooMany) => issues.push(Issue::new(
                IssueCode::TooManyItems,
                "/ending_before",
                format!("the range holds more than {MAX_ITEMS} periods"),
            )),
            Err(SplitError::Overflow) => issues.push(Issue::new(
                IssueCode::NumberOutOfRange,
                "/total",
                "the total cannot be split exactly",
            )),
        }
    }
    GeneratedSchedule {
        items,
        issues: issues.into_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn t(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn monthly_over_a_year_is_twelve_contiguous_items() {
        let p = split_range(
            d("120000"),
            t("2026-01-01T00:00:00Z"),
            t("2027-01-01T00:00:00Z"),
            Frequency::Monthly,
            Distribution::Divided,
            0,
        )
        .unwrap();
        assert_eq!(p.len(), 12);
        assert!(p.iter().all(|x| x.amount == d("10000")));
        assert_eq!(p[0].starting_at, t("2026-01-01T00:00:00Z"));
        assert_eq!(p[11].ending_before, t("2027-01-01T00:00:00Z"));
        assert!(p.windows(2).all(|w| w[0].ending_before == w[1].starting_at));
    }

    #[test]
    fn month_ends_come_back() {
        let starts = period_starts(
            t("2024-01-31T05:00:00Z"),
            t("2024-05-01T00:00:00Z"),
            Frequency::Monthly,
            0,
        )
        .unwrap();
        let shown: Vec<String> = starts.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            shown,
            [
                "2024-01-31T05:00:00Z",
                "2024-02-29T05:00:00Z",
                "2024-03-31T05:00:00Z",
                "2024-04-30T05:00:00Z"
            ]
        );
    }

    #[test]
    fn remainders_go_on_the_last_item() {
        assert_eq!(
            amounts(d("100"), 3, Distribution::Divided).unwrap(),
            vec![d("33.33333333"), d("33.33333333"), d("33.33333334")]
        );
        assert_eq!(
            amounts(d("100"), 3, Distribution::DividedRounded).unwrap(),
            vec![d("33"), d("33"), d("34")]
        );
        assert_eq!(
            amounts(d("6"), 12, Distribution::DividedRounded).unwrap(),
            [vec![d("0"); 11], vec![d("6")]].concat()
        );
        assert_eq!(
            amounts(d("0.3"), 3, Distribution::Divided).unwrap(),
            vec![d("0.1"); 3]
        );
        assert_eq!(
            amounts(d("7"), 2, Distribution::Each).unwrap(),
            vec![d("7"); 2]
        );
    }

    #[test]
    fn partial_last_period_ends_at_the_end() {
        let p = split_range(
            d("10"),
            t("2026-01-01T00:00:00Z"),
            t("2026-02-15T00:00:00Z"),
            Frequency::Monthly,
            Distribution::DividedRounded,
            0,
        )
        .unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].starting_at, t("2026-02-01T00:00:00Z"));
        assert_eq!(p[1].ending_before, t("2026-02-15T00:00:00Z"));
    }

    #[test]
    fn refuses_bad_ranges() {
        let g = |s: &str| generate_schedule(&parse(s).unwrap());
        let codes = |g: GeneratedSchedule| {
            assert!(g.items.is_empty());
            g.issues
                .into_iter()
                .map(|i| (i.code, i.path))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(g(
                r#"{"total":1,"starting_at":"2026-01-01T00:00:00Z","ending_before":"2026-01-01T00:00:00Z","frequency":"MONTHLY","distribution":"EACH","kind":"access"}"#
            )),
            vec![(IssueCode::RangeInvalid, "/ending_before".to_owned())]
        );
        assert_eq!(
            codes(g(
                r#"{"total":1,"starting_at":"2026-01-01T00:30:00Z","ending_before":"2026-03-01T00:00:00Z","frequency":"MONTHLY","distribution":"EACH","kind":"access"}"#
            )),
            vec![(IssueCode::AccessNotHourAligned, "/starting_at".to_owned())]
        );
        assert_eq!(
            codes(g(
                r#"{"total":1,"starting_at":"0001-01-01T00:00:00Z","ending_before":"9999-01-01T00:00:00Z","frequency":"MONTHLY","distribution":"EACH","kind":"access"}"#
            )),
            vec![(IssueCode::TooManyItems, "/ending_before".to_owned())]
        );
    }
}
