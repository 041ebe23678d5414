//! planCreate: a create form in, the body of POST /v1/contracts/customerCommits/create out, with
//! every rule checked, and a preview of the commit that will exist.
//!
//! Schedule items go through the same per-item rules as planEdit's new items (the same
//! [`Schedule`], [`Access`] and [`Invoice`] evaluation): formats, `ending_before` after
//! `starting_at`, access timestamps on the hour (error), invoice timestamps on the hour (warning),
//! invoice items dated before `context.now` (warning, R23), R6 pricing, overlapping segments
//! (warning). On top of them: required fields, R1, R2, R3, R5, R18, R19 and the recurring schedule.

use super::edit::access::Access;
use super::edit::invoice::{add_pricing, Invoice, Pricing};
use super::edit::kind::{Diff, Kind};
use super::edit::schedule::Schedule;
use super::generate::{split_range, SplitError};
use crate::issue::{Issue, IssueCode, Issues, Severity};
use crate::json::{pointer, Value};
use crate::model::*;
use crate::read::context::{read_context, Context, ContextUse};
use crate::read::create::{read_create_draft, CreateRead, Items, RecurringRead};
use crate::read::{Field, Reader, MAX_ITEMS};
use crate::values::{Decimal, Id, Instant};
use serde::Serialize;
use tsify::Tsify;

/// The credit type a schedule has when `credit_type_id` is left out.
pub const USD_CENTS_ID: &str = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
pub const USD_CENTS_NAME: &str = "USD (cents)";

/// Longest `uniqueness_key`, in characters (R18).
pub const UNIQUENESS_KEY_MAX: usize = 128;

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct CreatePlan {
    /// `null` when any issue is an error.
    #[tsify(type = "CommitCreatePayload | null")]
    pub payload: Option<CommitCreatePayload>,
    pub issues: Vec<Issue>,
    /// The commit as it will exist: placeholder ids (`00000000-0000-0000-…`), the recurring
    /// invoice schedule expanded into items, `created_at` = `context.now` (else the epoch).
    /// Computed from what could be read, also when there are errors.
    pub preview: Commit,
}

/// One schedule's items after the per-item rules.
struct Evaluated<A> {
    /// Items that passed, in draft order.
    adds: Vec<A>,
    /// Every item passed.
    complete: bool,
    /// Sum of the amounts; `None` when one cannot be read.
    total: Option<Decimal>,
}

/// Runs planEdit's per-item rules over new items (no originals), reporting at draft positions.
/// `len` counts the list's items that are not objects too (reported by the reader): with any of
/// them, the total is unknown.
fn evaluate_items<K: Kind>(
    items: &[(usize, K::Draft)],
    len: usize,
    cx: &Context,
    overlaps: bool,
    out: &mut Vec<Issue>,
) -> Evaluated<K::Add> {
    let base = pointer(&[K::SECTION, "schedule_items"]);
    let mut s: Schedule<K> = Schedule::new(Vec::new(), overlaps);
    s.load(items.iter().map(|(_, d)| d.clone()).collect(), cx);
    let at = |slot: usize| items.get(slot).map_or(slot, |(p, _)| *p);
    let mut adds = Vec::with_capacity(items.len());
    let mut complete = true;
    for (i, slot) in s.slots().iter().enumerate() {
        let item_path = format!("{base}/{}", at(i));
        for issue in &slot.eval.issues {
            out.push(Issue::new(
                issue.code,
                join(&item_path, issue.field),
                issue.message.clone(),
            ));
        }
        if let Some(prev) = s.overlaps(slot.key) {
            let prev_at = s.position(prev).map_or(0, at);
            out.push(Issue::new(
                IssueCode::AccessOverlap,
                format!("{item_path}/starting_at"),
                format!("this segment starts before the segment at schedule_items/{prev_at} ends: both grant balance for the overlap"),
            ));
        }
        match &slot.eval.diff {
            Diff::Added(a) => adds.push(*a),
            _ => complete = false,
        }
    }
    Evaluated {
        adds,
        complete,
        total: s.total().filter(|_| items.len() == len),
    }
}

fn join(base: &str, field: &str) -> String {
    if field.is_empty() {
        base.to_owned()
    } else {
        format!("{base}/{field}")
    }
}

/// A preview invoice item: `(timestamp, amount, quantity, unit_price)`.
type PreviewInvoice = (Instant, Decimal, Decimal, Decimal);

struct RecurringEval {
    payload: Option<RecurringSchedule>,
    /// The expanded items; `None` when the schedule cannot be expanded.
    items: Option<Vec<PreviewInvoice>>,
}

const RECURRING: &str = "/invoice_schedule/recurring_schedule";

/// The recurring schedule's rules: its range, R6 on its pricing (judged as an invoice item dated
/// at `starting_at`, so the first invoice also gets the hour and R23 warnings), and its expansion.
fn evaluate_recurring(rec: &RecurringRead, cx: &Context, out: &mut Vec<Issue>) -> RecurringEval {
    let mut d = rec.pricing.clone();
    let none = Context::default();
    let cx = match rec.starting_at {
        Some(s) => {
            d.timestamp = Field::Set(s);
            cx
        }
        // Pricing only: an hour-aligned date and no clock raise nothing about the timestamp.
        None => {
            d.timestamp = Field::Set(Instant::EPOCH);
            &none
        }
    };
    let eval = Invoice::evaluate(&d, None, cx);
    for issue in &eval.issues {
        let field = if issue.field == "timestamp" {
            "starting_at"
        } else {
            issue.field
        };
        out.push(Issue::new(
            issue.code,
            join(RECURRING, field),
            issue.message.clone(),
        ));
    }
    let add = match eval.diff {
        Diff::Added(a) => Some(a),
        _ => None,
    };
    let mut result = RecurringEval {
        payload: None,
        items: None,
    };
    let (Some(s), Some(e)) = (rec.starting_at, rec.ending_before) else {
        return result;
    };
    if e <= s {
        out.push(Issue::new(
            IssueCode::RangeInvalid,
            format!("{RECURRING}/ending_before"),
            format!("ending_before {e} is not after starting_at {s}"),
        ));
        return result;
    }
    let (Some(f), Some(dist), Some(add)) = (rec.frequency, rec.distribution, add) else {
        return result;
    };
    let Some(price) = add_pricing(&add) else {
        return result;
    };
    let Some((amount, quantity, unit_price)) = price.resolve() else {
        return result;
    };
    // In UTC: how Metronome expands a recurring schedule written at another offset is not documented.
    match split_range(amount, s, e, f, dist, 0) {
        Ok(periods) => {
            result.items = Some(
                periods
                    .into_iter()
                    .map(|p| match (dist, price) {
                        // Every item is the whole charge, priced as sent.
                        (Distribution::Each, _) => (p.starting_at, amount, quantity, unit_price),
                        // A share of the charge: priced by amount (quantity 1).
                        _ => (p.starting_at, p.amount, Decimal::ONE, p.amount),
                    })
                    .collect(),
            );
            result.payload = Some(RecurringSchedule {
                starting_at: s,
                ending_before: e,
                frequency: f,
                amount_distribution: dist,
                amount: add.amount,
                quantity: add.quantity,
                unit_price: add.unit_price,
            });
        }
        Err(SplitError::TooMany) => out.push(Issue::new(
            IssueCode::TooManyItems,
            RECURRING,
            format!("the recurring schedule makes more than {MAX_ITEMS} invoice items"),
        )),
        Err(SplitError::Overflow) => out.push(Issue::new(
            IssueCode::NumberOutOfRange,
            RECURRING,
            "the amount cannot be split exactly",
        )),
    }
    result
}

fn non_empty<T: Clone>(v: &Option<Vec<T>>) -> Option<Vec<T>> {
    v.as_ref().filter(|v| !v.is_empty()).cloned()
}

/// `planCreate(draft, context)`.
pub fn plan_create(draft: &Value<'_>, context: &Value<'_>) -> CreatePlan {
    let mut read = Issues::default();
    let cx = read_context(context, ContextUse::Create, &mut read);
    let d = read_create_draft(&mut Reader::new(&mut read), draft);
    let mut issues = read.into_vec();

    for key in &d.contract_only_keys {
        issues.push(Issue::new(
            IssueCode::FieldNotEditable,
            pointer(&[key]),
            format!("{key} exists only on contract-level commits; customerCommits/create does not take it"),
        ));
    }
    if d.name.as_ref().is_some_and(|n| n.trim().is_empty()) {
        issues.push(Issue::new(
            IssueCode::EmptyString,
            "/name",
            "name is shown on invoices and must not be empty (R19)",
        ));
    }
    if let Some(k) = &d.uniqueness_key {
        let n = k.chars().count();
        if n == 0 || n > UNIQUENESS_KEY_MAX {
            issues.push(Issue::new(
                IssueCode::UniquenessKeyLength,
                "/uniqueness_key",
                format!("uniqueness_key has {n} characters; it must have 1 to {UNIQUENESS_KEY_MAX} (R18)"),
            ));
        }
    }
    if let Some(specifiers) = &d.specifiers {
        crate::plan::edit::top::unconditional_specifiers(specifiers, &mut issues);
    }
    let targeted = non_empty(&d.applicable_product_ids).is_some()
        || non_empty(&d.applicable_product_tags).is_some();
    if non_empty(&d.specifiers).is_some() && targeted {
        issues.push(Issue::new(
            IssueCode::SpecifiersConflict,
            "/specifiers",
            "specifiers cannot be combined with applicable_product_ids or applicable_product_tags: put those inside a specifier (R1)",
        ));
    }

    // The access schedule: items required and non-empty, each by planEdit's rules.
    let access = match d.access.as_ref().map(|a| &a.items) {
        Some(Items::Read { len, items }) => {
            if *len == 0 {
                issues.push(Issue::new(
                    IssueCode::ScheduleItemsRequired,
                    "/access_schedule/schedule_items",
                    "the access schedule needs at least one segment",
                ));
            }
            Some((
                *len,
                evaluate_items::<Access>(items, *len, &cx, true, &mut issues),
            ))
        }
        _ => None,
    };

    // The invoice schedule: items and/or a recurring schedule (R5).
    let inv = d.invoice.as_ref();
    let invoice = match inv.map(|i| &i.items) {
        Some(Items::Read { len, items }) => Some((
            *len,
            evaluate_items::<Invoice>(items, *len, &cx, false, &mut issues),
        )),
        _ => None,
    };
    let recurring = inv
        .and_then(|i| i.recurring.as_ref())
        .map(|r| evaluate_recurring(r, &cx, &mut issues));
    if let Some(i) = inv {
        let items_len = match &i.items {
            Items::Read { len, .. } => Some(*len),
            Items::Absent => Some(0),
            Items::Unreadable => None,
        };
        if items_len == Some(0) && !i.recurring_given {
            let path = if matches!(i.items, Items::Read { .. }) {
                "/invoice_schedule/schedule_items"
            } else {
                "/invoice_schedule"
            };
            issues.push(Issue::new(
                IssueCode::ScheduleItemsRequired,
                path,
                "an invoice schedule needs schedule_items or a recurring_schedule (R5)",
            ));
        }
    }

    // R2: a POSTPAID commit has one segment, one invoice item, equal totals.
    if d.commit_type == Some(CommitType::Postpaid) {
        postpaid_rules(
            &d,
            access.as_ref(),
            invoice.as_ref(),
            recurring.as_ref(),
            &mut issues,
        );
    }

    // R3: the contract that bills the commit.
    let do_not_invoice = inv.and_then(|i| i.do_not_invoice) == Some(true);
    let billed = match d.commit_type {
        Some(CommitType::Postpaid) => true,
        Some(CommitType::Prepaid) => d.invoice_given,
        None => false,
    };
    if billed && !do_not_invoice && !d.invoice_contract_given {
        let why = if d.commit_type == Some(CommitType::Postpaid) {
            "a POSTPAID commit"
        } else {
            "a PREPAID commit with an invoice schedule"
        };
        issues.push(Issue::new(
            IssueCode::InvoiceContractRequired,
            "/invoice_contract_id",
            format!("{why} needs invoice_contract_id, unless do_not_invoice is true (R3)"),
        ));
    }

    let errors = issues.iter().any(|i| i.severity == Severity::Error);
    let payload = if errors {
        None
    } else {
        build_payload(&d, access.as_ref(), invoice.as_ref(), recurring.as_ref())
    };
    let preview = build_preview(
        &d,
        &cx,
        access.as_ref().map(|(_, e)| &e.adds[..]),
        invoice.as_ref().map(|(_, e)| &e.adds[..]),
        recurring.as_ref().and_then(|r| r.items.as_deref()),
    );
    CreatePlan {
        payload,
        issues,
        preview,
    }
}

fn postpaid_rules(
    d: &CreateRead,
    access: Option<&(usize, Evaluated<AccessAdd>)>,
    invoice: Option<&(usize, Evaluated<InvoiceAdd>)>,
    recurring: Option<&RecurringEval>,
    issues: &mut Vec<Issue>,
) {
    let Some(inv) = &d.invoice else {
        if !d.invoice_given {
            issues.push(Issue::new(
                IssueCode::PostpaidInvoiceRequired,
                "/invoice_schedule",
                "a POSTPAID commit needs an invoice schedule: its one item is the true-up invoice (R2)",
            ));
        }
        return;
    };
    if let Some((len, _)) = access.filter(|(len, _)| *len > 1) {
        issues.push(Issue::new(
            IssueCode::PostpaidAccessCount,
            "/access_schedule/schedule_items",
            format!("a POSTPAID commit needs exactly one access segment, not {len} (R2)"),
        ));
    }
    // Items from the list and from the recurring schedule both count.
    let listed = match &inv.items {
        Items::Read { len, .. } => Some(*len),
        Items::Absent => Some(0),
        Items::Unreadable => None,
    };
    let expanded = match recurring {
        None if !inv.recurring_given => Some(0),
        None => None,
        Some(r) => r.items.as_ref().map(Vec::len),
    };
    let path = if listed.unwrap_or(0) > 0 || !inv.recurring_given {
        "/invoice_schedule/schedule_items"
    } else {
        RECURRING
    };
    if let (Some(a), Some(b)) = (listed, expanded) {
        // None at all is R5's to report.
        if a + b > 1 {
            issues.push(Issue::new(
                IssueCode::PostpaidInvoiceCount,
                path,
                format!(
                    "a POSTPAID commit needs exactly one invoice item, not {} (R2)",
                    a + b
                ),
            ));
        }
    }
    let access_total = access.and_then(|(len, e)| (*len > 0).then_some(e.total).flatten());
    let listed_total = match (&inv.items, invoice) {
        (Items::Absent, _) => Some(Decimal::ZERO),
        (Items::Read { .. }, Some((_, e))) => e.total,
        _ => None,
    };
    let expanded_total = match recurring {
        None if !inv.recurring_given => Some(Decimal::ZERO),
        None => None,
        Some(r) => r.items.as_ref().and_then(|items| {
            items
                .iter()
                .try_fold(Decimal::ZERO, |t, (_, a, _, _)| t.checked_add(*a))
        }),
    };
    let invoice_total = listed_total
        .zip(expanded_total)
        .and_then(|(a, b)| a.checked_add(b));
    if let (Some(a), Some(i)) = (access_total, invoice_total) {
        if a != i && listed.unwrap_or(0) + expanded.unwrap_or(0) > 0 {
            issues.push(Issue::new(
                IssueCode::PostpaidTotalMismatch,
                path,
                format!("the invoice total {i} must equal the access amount {a} (R2)"),
            ));
        }
    }
}

fn build_payload(
    d: &CreateRead,
    access: Option<&(usize, Evaluated<AccessAdd>)>,
    invoice: Option<&(usize, Evaluated<InvoiceAdd>)>,
    recurring: Option<&RecurringEval>,
) -> Option<CommitCreatePayload> {
    let (_, access_items) = access.filter(|(_, e)| e.complete)?;
    let access_schedule = AccessScheduleCreate {
        credit_type_id: d.access.as_ref()?.credit_type_id,
        schedule_items: access_items.adds.clone(),
    };
    let invoice_schedule = match &d.invoice {
        None => None,
        Some(i) => {
            let items = match (&i.items, invoice) {
                (Items::Absent, _) => None,
                (Items::Read { .. }, Some((_, e))) if e.complete => {
                    (!e.adds.is_empty()).then(|| e.adds.clone())
                }
                _ => return None,
            };
            let recurring_schedule = match recurring {
                None => None,
                Some(r) => Some(r.payload?),
            };
            Some(InvoiceScheduleCreate {
                credit_type_id: i.credit_type_id,
                schedule_items: items,
                recurring_schedule,
                do_not_invoice: i.do_not_invoice,
            })
        }
    };
    Some(CommitCreatePayload {
        customer_id: d.customer_id?,
        commit_type: d.commit_type?,
        priority: d.priority?,
        product_id: d.product_id?,
        access_schedule,
        invoice_schedule,
        invoice_contract_id: d.invoice_contract_id,
        rate_type: d.rate_type,
        name: d.name.clone(),
        description: d.description.clone(),
        applicable_product_ids: non_empty(&d.applicable_product_ids),
        applicable_product_tags: non_empty(&d.applicable_product_tags),
        applicable_contract_ids: non_empty(&d.applicable_contract_ids),
        specifiers: non_empty(&d.specifiers),
        custom_fields: d.custom_fields.clone(),
        netsuite_sales_order_id: d.netsuite_sales_order_id.clone(),
        salesforce_opportunity_id: d.salesforce_opportunity_id.clone(),
        uniqueness_key: d.uniqueness_key.clone(),
    })
}

/// The credit type a schedule will have: the id given, else USD (cents). Only USD's name is known
/// before the server answers.
pub fn preview_credit_type(id: Option<Id>) -> CreditType {
    let usd = Id::parse(USD_CENTS_ID).unwrap_or(Id::placeholder(0));
    let id = id.unwrap_or(usd);
    CreditType {
        id,
        name: if id == usd {
            USD_CENTS_NAME.to_owned()
        } else {
            String::new()
        },
    }
}

fn build_preview(
    d: &CreateRead,
    cx: &Context,
    access: Option<&[AccessAdd]>,
    invoice: Option<&[InvoiceAdd]>,
    recurring: Option<&[PreviewInvoice]>,
) -> Commit {
    let mut next_id = 1u64;
    let mut id = || {
        let i = Id::placeholder(next_id);
        next_id += 1;
        i
    };
    let mut access_items: Vec<AccessItem> = access
        .unwrap_or(&[])
        .iter()
        .map(|a| Access::from_add(id(), a))
        .collect();
    crate::sort::sort_by_key(&mut access_items, |i| (i.starting_at, i.ending_before));
    let invoice_schedule = d.invoice.as_ref().map(|i| {
        let listed = invoice.unwrap_or(&[]).iter().filter_map(|a| {
            let (amount, quantity, unit_price) = add_pricing(a).and_then(Pricing::resolve)?;
            Some((a.timestamp, amount, quantity, unit_price))
        });
        let all: Vec<PreviewInvoice> = listed
            .chain(recurring.unwrap_or(&[]).iter().copied())
            .collect();
        let mut items: Vec<InvoiceItem> = all
            .into_iter()
            .map(|(timestamp, amount, quantity, unit_price)| InvoiceItem {
                id: id(),
                amount,
                unit_price,
                quantity,
                timestamp,
                invoice_id: None,
            })
            .collect();
        crate::sort::sort_by_key(&mut items, |i| i.timestamp);
        InvoiceSchedule {
            credit_type: Some(preview_credit_type(i.credit_type_id)),
            do_not_invoice: Some(i.do_not_invoice.unwrap_or(false)),
            schedule_items: Some(items),
        }
    });
    Commit {
        id: Id::placeholder(0),
        commit_type: d.commit_type.unwrap_or(CommitType::Prepaid),
        product: Product {
            id: d.product_id.unwrap_or(Id::placeholder(0)),
            name: String::new(),
        },
        created_at: cx.now.unwrap_or(Instant::EPOCH),
        created_by: None,
        name: d.name.clone(),
        description: d.description.clone(),
        priority: d.priority,
        rate_type: d.rate_type,
        access_schedule: Some(AccessSchedule {
            credit_type: Some(preview_credit_type(
                d.access.as_ref().and_then(|a| a.credit_type_id),
            )),
            schedule_items: access_items,
        }),
        invoice_schedule,
        invoice_contract: d.invoice_contract_id.map(|id| IdRef { id }),
        contract: None,
        applicable_product_ids: non_empty(&d.applicable_product_ids),
        applicable_product_tags: non_empty(&d.applicable_product_tags),
        applicable_contract_ids: non_empty(&d.applicable_contract_ids),
        specifiers: non_empty(&d.specifiers),
        rollover_fraction: None,
        rolled_over_from: None,
        recurring_commit_id: None,
        subscription_config: None,
        hierarchy_configuration: None,
        custom_fields: d.custom_fields.clone(),
        uniqueness_key: d.uniqueness_key.clone(),
        archived_at: None,
        balance: None,
        ledger: None,
        amount: None,
        netsuite_sales_order_id: d.netsuite_sales_order_id.clone(),
        salesforce_opportunity_id: d.salesforce_opportunity_id.clone(),
        spend_tracker_attributes: None,
        cost_basis: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ThrownCode;
    use crate::json::parse;

    const CUSTOMER: &str = "4c91c473-fc12-445a-9c38-40421d47023f";
    const PRODUCT: &str = "f14d6729-6a44-4b13-9908-9387f1918790";
    const CONTRACT: &str = "e0b6a8a4-1d64-4b4f-9a36-7c2a5d0e8b11";

    fn plan(draft: &str, context: &str) -> CreatePlan {
        plan_create(&parse(draft).unwrap(), &parse(context).unwrap())
    }

    fn codes(p: &CreatePlan) -> Vec<(IssueCode, String)> {
        let mut v: Vec<_> = p.issues.iter().map(|i| (i.code, i.path.clone())).collect();
        v.sort();
        v
    }

    fn prepaid(extra: &str) -> String {
        format!(
            r#"{{"customer_id":"{CUSTOMER}","type":"prepaid","priority":"100","product_id":"{PRODUCT}",
               "access_schedule":{{"schedule_items":[{{"amount":"1000","starting_at":"2026-01-01T00:00:00Z","ending_before":"2026-02-01T00:00:00+00:00"}}]}}{extra}}}"#
        )
    }

    #[test]
    fn a_free_prepaid_commit_plans_upper_case_and_utc() {
        let p = plan(&prepaid(""), "{}");
        assert_eq!(codes(&p), vec![]);
        let json = crate::api::to_json(&p.payload);
        assert_eq!(
            json,
            format!(
                r#"{{"customer_id":"{CUSTOMER}","type":"PREPAID","priority":100,"product_id":"{PRODUCT}","access_schedule":{{"schedule_items":[{{"amount":1000,"starting_at":"2026-01-01T00:00:00Z","ending_before":"2026-02-01T00:00:00Z"}}]}}}}"#
            )
        );
        assert_eq!(p.preview.access_items().len(), 1);
        assert_eq!(
            p.preview
                .access_schedule
                .as_ref()
                .and_then(|s| s.credit_type.as_ref())
                .map(|c| c.name.as_str()),
            Some(USD_CENTS_NAME)
        );
    }

    #[test]
    fn recurring_schedule_expands_in_the_preview() {
        let p = plan(
            &prepaid(&format!(
                r#","invoice_contract_id":"{CONTRACT}","invoice_schedule":{{"recurring_schedule":{{"starting_at":"2026-01-01T00:00:00Z","ending_before":"2027-01-01T00:00:00Z","frequency":"quarterly","amount_distribution":"divided_rounded","amount":1000}}}}"#
            )),
            "{}",
        );
        assert_eq!(codes(&p), vec![]);
        let items = p.preview.invoice_items();
        assert_eq!(items.len(), 4);
        let sum = items
            .iter()
            .try_fold(Decimal::ZERO, |t, i| t.checked_add(i.amount));
        assert_eq!(sum, Decimal::parse("1000").ok());
        let payload = p.payload.unwrap();
        let rec = payload
            .invoice_schedule
            .unwrap()
            .recurring_schedule
            .unwrap();
        assert_eq!(rec.frequency, Frequency::Quarterly);
        assert_eq!(rec.amount_distribution, Distribution::DividedRounded);
    }

    #[test]
    fn postpaid_needs_one_of_each_and_equal_totals() {
        let p = plan(
            &format!(
                r#"{{"customer_id":"{CUSTOMER}","type":"POSTPAID","priority":1,"product_id":"{PRODUCT}",
                   "access_schedule":{{"schedule_items":[
                     {{"amount":1000,"starting_at":"2026-01-01T00:00:00Z","ending_before":"2026-02-01T00:00:00Z"}},
                     {{"amount":1000,"starting_at":"2026-02-01T00:00:00Z","ending_before":"2026-03-01T00:00:00Z"}}]}},
                   "invoice_schedule":{{"schedule_items":[{{"timestamp":"2026-03-01T00:00:00Z","amount":500}}]}}}}"#
            ),
            "{}",
        );
        assert_eq!(
            codes(&p),
            vec![
                (
                    IssueCode::PostpaidAccessCount,
                    "/access_schedule/schedule_items".to_owned()
                ),
                (
                    IssueCode::PostpaidTotalMismatch,
                    "/invoice_schedule/schedule_items".to_owned()
                ),
                (
                    IssueCode::InvoiceContractRequired,
                    "/invoice_contract_id".to_owned()
                ),
            ]
        );
        assert!(p.payload.is_none());
    }

    #[test]
    fn not_an_object_is_reported_not_thrown() {
        let p = plan("[]", "{}");
        assert_eq!(codes(&p), vec![(IssueCode::InvalidType, String::new())]);
        assert!(p.payload.is_none());
    }

    #[test]
    fn the_json_api_throws_only_for_unusable_arguments() {
        use crate::api;
        let err = api::plan_create("[]", None).unwrap_err();
        assert_eq!((err.code, err.argument), (ThrownCode::NotAnObject, "draft"));
        let draft = prepaid("");
        assert!(api::plan_create(&draft, Some("null"))
            .unwrap()
            .issues
            .is_empty());
        assert!(api::plan_create(&draft, None).unwrap().payload.is_some());
        let err = api::plan_create(&draft, Some("5")).unwrap_err();
        assert_eq!(
            (err.code, err.argument),
            (ThrownCode::NotAnObject, "context")
        );
        let err = api::plan_end_date("{}", "{", None).unwrap_err();
        assert_eq!(
            (err.code, err.argument),
            (ThrownCode::InvalidJson, "request")
        );
        let err = api::plan_disable_trueup("{}", "null").unwrap_err();
        assert_eq!(
            (err.code, err.argument),
            (ThrownCode::NotAnObject, "request")
        );
        let err = api::generate_schedule("[1]").unwrap_err();
        assert_eq!((err.code, err.argument), (ThrownCode::NotAnObject, "rule"));
    }
}
