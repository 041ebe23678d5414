//! planEndDate: shorten a PREPAID commit through POST /v1/contracts/customerCommits/updateEndDate,
//! with a preview of what is cut short and what drops out.
//!
//! "Only earlier" (R15), precisely:
//! - `access_ending_before` must be before the latest `ending_before` of the access segments, so
//!   at least one segment is cut short or dropped. Segments that start at or after it are dropped;
//!   segments running past it end at it (their amount is kept). It must be on the hour (R8).
//! - `invoices_ending_before` (exclusive) must be at or before the latest invoice timestamp, so at
//!   least one invoice item drops out: items dated at or after it are dropped. A date after the
//!   last item would drop nothing, which is no change at all.
//!
//! Dropping what planEdit would refuse to remove is refused here too: an invoice item whose
//! invoice is FINALIZED (`end_date_drops_finalized`) or VOID (`invoice_item_voided`, R9), and an
//! access segment the ledger ties to a FINALIZED invoice (`access_segment_finalized`, R10).

use super::apply::settle_ledger;
use crate::fast_hash::FastSet;
use crate::issue::{Issue, IssueCode, Issues, Severity};
use crate::json::{Path, Value};
use crate::model::*;
use crate::read::commit::read_commit;
use crate::read::context::{read_context, ContextUse, InvoiceStatus};
use crate::read::create::read_end_date_request;
use crate::read::Reader;
use crate::values::{Id, Instant};
use serde::Serialize;
use tsify::Tsify;

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct EndDatePlan {
    /// `null` when any issue is an error.
    #[tsify(type = "UpdateEndDatePayload | null")]
    pub payload: Option<UpdateEndDatePayload>,
    pub issues: Vec<Issue>,
    /// The commit after the call: segments cut short or dropped, invoice items dropped. Computed
    /// from the dates that could be read, also when there are errors.
    pub preview: Commit,
}

const ACCESS: &str = "/access_ending_before";
const INVOICES: &str = "/invoices_ending_before";

/// The commit with its access ending before `end`.
pub fn end_access(c: &mut Commit, end: Instant) {
    let Some(schedule) = c.access_schedule.as_mut() else {
        return;
    };
    let dropped: FastSet<Id> = schedule
        .schedule_items
        .iter()
        .filter(|i| i.starting_at >= end)
        .map(|i| i.id)
        .collect();
    schedule.schedule_items.retain(|i| !dropped.contains(&i.id));
    for item in &mut schedule.schedule_items {
        item.ending_before = item.ending_before.min(end);
    }
    settle_ledger(c, &[], &dropped, None);
}

/// The commit with its invoice items dated before `end` only.
pub fn end_invoices(c: &mut Commit, end: Instant) {
    if let Some(items) = c
        .invoice_schedule
        .as_mut()
        .and_then(|s| s.schedule_items.as_mut())
    {
        items.retain(|i| i.timestamp < end);
    }
}

/// `planEndDate(original, request, context)`.
pub fn plan_end_date(
    original: &Value<'_>,
    request: &Value<'_>,
    context: &Value<'_>,
) -> EndDatePlan {
    let mut read = Issues::default();
    let commit = read_commit(&mut Reader::for_original(&mut read), original, &Path::Root);
    let cx = read_context(context, ContextUse::EndDate, &mut read);
    let req = read_end_date_request(&mut Reader::new(&mut read), request);
    let mut issues = read.into_vec();

    if commit.rolled_over_from.is_some() {
        issues.push(Issue::new(
            IssueCode::RolloverNotEditable,
            "",
            "this is a rollover commit (rolled_over_from is set) and cannot be edited (R12)",
        ));
    }
    if commit.commit_type != CommitType::Prepaid {
        issues.push(Issue::new(
            IssueCode::EndDatePrepaidOnly,
            "",
            "updateEndDate works on PREPAID commits only; this one is POSTPAID (R15)",
        ));
    }
    if !req.any_date_given {
        issues.push(Issue::new(
            IssueCode::EndDateRequired,
            ACCESS,
            "give access_ending_before, invoices_ending_before, or both",
        ));
    }
    let mut preview = commit.clone();

    if let Some(end) = req.access_ending_before {
        if !end.is_hour_aligned() {
            issues.push(Issue::new(
                IssueCode::AccessNotHourAligned,
                ACCESS,
                format!("{end} is not on the hour (UTC)"),
            ));
        }
        match commit.access_items().iter().map(|i| i.ending_before).max() {
            Some(latest) if end < latest => {}
            Some(latest) => issues.push(Issue::new(
                IssueCode::EndDateNotEarlier,
                ACCESS,
                format!("access already ends at {latest}; updateEndDate can only end it earlier (extend it through an edit)"),
            )),
            None => issues.push(Issue::new(
                IssueCode::EndDateNotEarlier,
                ACCESS,
                "the commit has no access segment to end earlier",
            )),
        }
        // R7: the schedule must still end after it starts (planEdit's rule for each segment).
        if let Some(first) = commit.access_items().iter().map(|i| i.starting_at).min() {
            if end <= first {
                issues.push(Issue::new(
                    IssueCode::AccessRangeInvalid,
                    ACCESS,
                    format!("{end} is not after the first access segment's starting_at {first}: no access would remain (R7)"),
                ));
            }
        }
        let locked = cx.locked_segments(&commit);
        for item in commit
            .access_items()
            .iter()
            .filter(|i| i.starting_at >= end)
        {
            if locked.contains(&item.id) {
                issues.push(Issue::new(
                    IssueCode::AccessSegmentFinalized,
                    ACCESS,
                    format!("access segment {} would be dropped, but it was applied to a FINALIZED invoice; void the invoice first (R10)", item.id),
                ));
            }
        }
        end_access(&mut preview, end);
    }

    if let Some(end) = req.invoices_ending_before {
        match commit.invoice_items().iter().map(|i| i.timestamp).max() {
            Some(latest) if end <= latest => {}
            Some(latest) => issues.push(Issue::new(
                IssueCode::EndDateNotEarlier,
                INVOICES,
                format!("the last invoice item is dated {latest}; invoices_ending_before must be at or before it to drop anything"),
            )),
            None => issues.push(Issue::new(
                IssueCode::EndDateNotEarlier,
                INVOICES,
                "the commit has no invoice item to drop",
            )),
        }
        for item in commit.invoice_items().iter().filter(|i| i.timestamp >= end) {
            match cx.status(item.invoice_id) {
                Some(InvoiceStatus::Finalized) => issues.push(Issue::new(
                    IssueCode::EndDateDropsFinalized,
                    INVOICES,
                    format!(
                        "invoice item {} would be dropped, but its invoice is FINALIZED (R9)",
                        item.id
                    ),
                )),
                Some(InvoiceStatus::Void) => issues.push(Issue::new(
                    IssueCode::InvoiceItemVoided,
                    INVOICES,
                    format!(
                        "invoice item {} would be dropped, but its invoice is VOID (R9)",
                        item.id
                    ),
                )),
                _ => {}
            }
        }
        end_invoices(&mut preview, end);
    }

    let errors = issues.iter().any(|i| i.severity == Severity::Error);
    let payload = match (errors, req.customer_id) {
        (false, Some(customer_id)) => Some(UpdateEndDatePayload {
            customer_id,
            commit_id: commit.id,
            access_ending_before: req.access_ending_before,
            invoices_ending_before: req.invoices_ending_before,
        }),
        _ => None,
    };
    EndDatePlan {
        payload,
        issues,
        preview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    const COMMIT: &str = r#"{"id":"5e7e82cf-ccb7-428c-a96f-a8e4f67af822","type":"PREPAID",
        "product":{"id":"f14d6729-6a44-4b13-9908-9387f1918790","name":"Commit"},
        "created_at":"2026-01-01T00:00:00Z",
        "access_schedule":{"schedule_items":[
          {"id":"d5edbd32-c744-48cb-9475-a9bca0e6fa39","amount":1000,"starting_at":"2026-01-01T00:00:00Z","ending_before":"2026-02-01T00:00:00Z"},
          {"id":"a6bd2c5e-2a89-4ad1-b6fc-6bfe2fd2b1a2","amount":1000,"starting_at":"2026-02-01T00:00:00Z","ending_before":"2026-03-01T00:00:00Z"}]},
        "invoice_schedule":{"schedule_items":[
          {"id":"0a3b7e11-4c6f-4f0e-9b0c-5a0c2d3e4f50","amount":1000,"quantity":1,"unit_price":1000,"timestamp":"2026-01-01T00:00:00Z","invoice_id":"7b7f2d8e-5a4c-4f3e-8d2c-1b0a9e8f7d6c"},
          {"id":"1b4c8f22-5d70-4a1f-8c1d-6b1d3e4f5a61","amount":1000,"quantity":1,"unit_price":1000,"timestamp":"2026-02-01T00:00:00Z"}]}}"#;

    fn plan(request: &str, context: &str) -> EndDatePlan {
        plan_end_date(
            &parse(COMMIT).unwrap(),
            &parse(request).unwrap(),
            &parse(context).unwrap(),
        )
    }

    fn codes(p: &EndDatePlan) -> Vec<(IssueCode, String)> {
        p.issues.iter().map(|i| (i.code, i.path.clone())).collect()
    }

    #[test]
    fn cuts_short_and_drops() {
        let p = plan(
            r#"{"customer_id":"4c91c473-fc12-445a-9c38-40421d47023f","access_ending_before":"2026-01-15T00:00:00Z","invoices_ending_before":"2026-02-01T00:00:00Z"}"#,
            "{}",
        );
        assert_eq!(codes(&p), vec![]);
        assert!(p.payload.is_some());
        let access = p.preview.access_items();
        assert_eq!(access.len(), 1);
        assert_eq!(access[0].ending_before.to_string(), "2026-01-15T00:00:00Z");
        assert_eq!(p.preview.invoice_items().len(), 1);
    }

    #[test]
    fn refuses_later_ends_and_finalized_drops() {
        let p = plan(
            r#"{"customer_id":"4c91c473-fc12-445a-9c38-40421d47023f","access_ending_before":"2026-03-01T00:00:00Z","invoices_ending_before":"2026-01-01T00:00:00Z"}"#,
            r#"{"invoice_statuses":{"7b7f2d8e-5a4c-4f3e-8d2c-1b0a9e8f7d6c":"FINALIZED"}}"#,
        );
        assert_eq!(
            codes(&p),
            vec![
                (IssueCode::EndDateNotEarlier, ACCESS.to_owned()),
                (IssueCode::EndDateDropsFinalized, INVOICES.to_owned()),
            ]
        );
        assert!(p.payload.is_none());
    }
}
