//! Reading the inputs of planCreate, planEndDate, planDisableTrueup and generateSchedule, with the
//! path of each field. Form-typed like the edit draft: numbers may be numeric strings, enums may be
//! spelled in either case. A field that cannot be read is reported where it is and left `None`, so
//! the planner goes on and shows every problem at once.
//!
//! The `Tsify` structs at the top only describe these inputs for the generated `.d.ts`; reading
//! works on the JSON value itself so that absent, `null` and unreadable stay apart.

use super::commit::read_specifier;
use super::draft::{read_access_item, read_invoice_item};
use super::Reader;
use crate::issue::{IssueCode, Issues};
use crate::json::{Json, Path, Value};
use crate::model::*;
use crate::values::{Decimal, Id, Instant};
use serde::Serialize;
use std::collections::BTreeMap;
use tsify::Tsify;

// ---------------------------------------------------------------------------------------------
// Declared shapes (TypeScript only)
// ---------------------------------------------------------------------------------------------

/// What `planCreate` reads: the fields of `POST /v1/contracts/customerCommits/create`
/// (`CreateCustomerCommitPayload`), as a form holds them. Keys outside the schema are ignored,
/// except `hierarchy_configuration`, `rollover_fraction` and `payment_gate_config`, which only
/// contract-level commits have and which are reported as `field_not_editable`.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct CreateCommitDraft {
    #[tsify(type = "Id")]
    pub customer_id: Json,
    #[serde(rename = "type")]
    #[tsify(type = "CommitType | \"prepaid\" | \"postpaid\"")]
    pub commit_type: Json,
    #[tsify(type = "FormNumber")]
    pub priority: Json,
    #[tsify(type = "Id")]
    pub product_id: Json,
    #[tsify(type = "CreateAccessScheduleDraft")]
    pub access_schedule: Json,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "CreateInvoiceScheduleDraft")]
    pub invoice_schedule: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id")]
    pub invoice_contract_id: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "RateType | \"commit_rate\" | \"list_rate\"")]
    pub rate_type: Option<Json>,
    /// Shown on invoices; must not be empty (R19).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub name: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub description: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id[]")]
    pub applicable_product_ids: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string[]")]
    pub applicable_product_tags: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id[]")]
    pub applicable_contract_ids: Option<Json>,
    /// Cannot stand beside `applicable_product_ids`/`applicable_product_tags` (R1).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Specifier[]")]
    pub specifiers: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Record<string, string>")]
    pub custom_fields: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub netsuite_sales_order_id: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub salesforce_opportunity_id: Option<Json>,
    /// 1 to 128 characters (R18).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub uniqueness_key: Option<Json>,
}

#[derive(Clone, Debug, Serialize, Tsify)]
pub struct CreateAccessScheduleDraft {
    /// Defaults to USD (cents).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id")]
    pub credit_type_id: Option<Json>,
    #[tsify(type = "CreateAccessItemDraft[]")]
    pub schedule_items: Json,
}

/// `[starting_at, ending_before)`, both on the hour (R8). An `id` key is ignored.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct CreateAccessItemDraft {
    #[tsify(type = "FormNumber")]
    pub amount: Json,
    #[tsify(type = "Instant")]
    pub starting_at: Json,
    #[tsify(type = "Instant")]
    pub ending_before: Json,
}

/// Items, or a recurring schedule, or both (R5).
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct CreateInvoiceScheduleDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id")]
    pub credit_type_id: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "boolean")]
    pub do_not_invoice: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "CreateInvoiceItemDraft[]")]
    pub schedule_items: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "RecurringScheduleDraft")]
    pub recurring_schedule: Option<Json>,
}

/// Priced by `amount`, or by `quantity` with `unit_price` (R6). An `id` key is ignored.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct CreateInvoiceItemDraft {
    #[tsify(type = "Instant")]
    pub timestamp: Json,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "FormNumber")]
    pub amount: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "FormNumber")]
    pub quantity: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "FormNumber")]
    pub unit_price: Option<Json>,
}

/// A recurring invoice schedule; `WEEKLY` is contract-level only.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct RecurringScheduleDraft {
    #[tsify(type = "Instant")]
    pub starting_at: Json,
    #[tsify(type = "Instant")]
    pub ending_before: Json,
    #[tsify(type = "Frequency | \"monthly\" | \"quarterly\" | \"semi_annual\" | \"annual\"")]
    pub frequency: Json,
    #[tsify(type = "Distribution | \"divided\" | \"divided_rounded\" | \"each\"")]
    pub amount_distribution: Json,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "FormNumber")]
    pub amount: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "FormNumber")]
    pub quantity: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "FormNumber")]
    pub unit_price: Option<Json>,
}

/// What `planEndDate` reads. Each date is optional, at least one is needed, and each may only
/// move its end earlier (R15).
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct EndDateRequest {
    #[tsify(type = "Id")]
    pub customer_id: Json,
    /// Exclusive, on the hour: segments starting at or after it are dropped, those running past
    /// it are cut short.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Instant")]
    pub access_ending_before: Option<Json>,
    /// Exclusive: invoice items dated at or after it are dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Instant")]
    pub invoices_ending_before: Option<Json>,
}

/// What `planDisableTrueup` reads. Without `contract_id`, the commit's `contract`, else its
/// `invoice_contract`, is used.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct DisableTrueupRequest {
    #[tsify(type = "Id")]
    pub customer_id: Json,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id")]
    pub contract_id: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id")]
    pub amendment_id: Option<Json>,
}

/// What `generateSchedule` reads.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct ScheduleRule {
    /// DIVIDED and DIVIDED_ROUNDED: the sum of the items; EACH: every item's amount.
    #[tsify(type = "FormNumber")]
    pub total: Json,
    #[tsify(type = "Instant")]
    pub starting_at: Json,
    #[tsify(type = "Instant")]
    pub ending_before: Json,
    #[tsify(type = "Frequency")]
    pub frequency: Json,
    #[tsify(type = "Distribution")]
    pub distribution: Json,
    #[tsify(type = "\"access\" | \"invoice\"")]
    pub kind: Json,
}

// ---------------------------------------------------------------------------------------------
// Read values
// ---------------------------------------------------------------------------------------------

/// A list of schedule items as read: each readable item with its position in the draft.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Items<D> {
    /// The key is absent or `null`.
    #[default]
    Absent,
    /// Not a list, or too long (reported).
    Unreadable,
    /// `len` is the list's length in the draft; `items` the readable ones (objects), each with
    /// its position.
    Read { len: usize, items: Vec<(usize, D)> },
}

impl<D> Items<D> {
    /// Items as read; `None` unless the list could be read.
    pub fn read(&self) -> Option<&[(usize, D)]> {
        match self {
            Items::Read { items, .. } => Some(items),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct CreateRead {
    pub customer_id: Option<Id>,
    pub commit_type: Option<CommitType>,
    pub priority: Option<Decimal>,
    pub product_id: Option<Id>,
    /// `None` when `access_schedule` is absent or unreadable.
    pub access: Option<AccessRead>,
    /// Whether `invoice_schedule` is there at all (not absent, not `null`), readable or not.
    pub invoice_given: bool,
    pub invoice: Option<InvoiceRead>,
    pub invoice_contract_id: Option<Id>,
    pub invoice_contract_given: bool,
    pub rate_type: Option<RateType>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub applicable_product_ids: Option<Vec<Id>>,
    pub applicable_product_tags: Option<Vec<String>>,
    pub applicable_contract_ids: Option<Vec<Id>>,
    pub specifiers: Option<Vec<Specifier>>,
    pub custom_fields: Option<BTreeMap<String, String>>,
    pub netsuite_sales_order_id: Option<String>,
    pub salesforce_opportunity_id: Option<String>,
    pub uniqueness_key: Option<String>,
    /// Keys only contract-level commits have, present and not `null` in the draft.
    pub contract_only_keys: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct AccessRead {
    pub credit_type_id: Option<Id>,
    pub items: Items<AccessItemDraft>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct InvoiceRead {
    pub credit_type_id: Option<Id>,
    pub do_not_invoice: Option<bool>,
    pub items: Items<InvoiceItemDraft>,
    /// Whether `recurring_schedule` is there (not absent, not `null`), readable or not.
    pub recurring_given: bool,
    pub recurring: Option<RecurringRead>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct RecurringRead {
    pub starting_at: Option<Instant>,
    pub ending_before: Option<Instant>,
    pub frequency: Option<Frequency>,
    pub distribution: Option<Distribution>,
    /// `amount`, `quantity` and `unit_price` as an invoice item holds them (no id, no timestamp),
    /// so that the R6 rule of invoice items judges them.
    pub pricing: InvoiceItemDraft,
}

/// Keys of a contract-level commit that the customer-commit create endpoint does not take.
pub const CONTRACT_ONLY_KEYS: &[&str] = &[
    "hierarchy_configuration",
    "rollover_fraction",
    "payment_gate_config",
];

fn given(v: &Value<'_>, key: &str) -> bool {
    v.get(key).is_some_and(|x| !x.is_null())
}

pub fn read_create_draft(r: &mut Reader<'_>, v: &Value<'_>) -> CreateRead {
    let root = Path::Root;
    if !r.expect_object(v, &root) {
        return CreateRead::default();
    }
    CreateRead {
        customer_id: r.req(v, "customer_id", &root, Reader::id),
        commit_type: r.req(v, "type", &root, Reader::named),
        priority: r.req(v, "priority", &root, Reader::decimal),
        product_id: r.req(v, "product_id", &root, Reader::id),
        access: r.req(v, "access_schedule", &root, read_access),
        invoice_given: given(v, "invoice_schedule"),
        invoice: r.opt(v, "invoice_schedule", &root, read_invoice),
        invoice_contract_id: r.opt(v, "invoice_contract_id", &root, Reader::id),
        invoice_contract_given: given(v, "invoice_contract_id"),
        rate_type: r.opt(v, "rate_type", &root, Reader::named),
        name: r.opt(v, "name", &root, Reader::string),
        description: r.opt(v, "description", &root, Reader::string),
        applicable_product_ids: r.opt(v, "applicable_product_ids", &root, |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        applicable_product_tags: r.opt(v, "applicable_product_tags", &root, |r, v, p| {
            r.list(v, p, Reader::string)
        }),
        applicable_contract_ids: r.opt(v, "applicable_contract_ids", &root, |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        specifiers: r.opt(v, "specifiers", &root, |r, v, p| {
            r.list(v, p, read_specifier)
        }),
        custom_fields: r.opt(v, "custom_fields", &root, Reader::string_map),
        netsuite_sales_order_id: r.opt(v, "netsuite_sales_order_id", &root, Reader::string),
        salesforce_opportunity_id: r.opt(v, "salesforce_opportunity_id", &root, Reader::string),
        uniqueness_key: r.opt(v, "uniqueness_key", &root, Reader::string),
        contract_only_keys: CONTRACT_ONLY_KEYS
            .iter()
            .copied()
            .filter(|k| given(v, k))
            .collect(),
    }
}

/// Reads a list of item objects: a non-object item is reported and left out, keeping the
/// positions of the others. Each item is read by `item` into its draft form (fields kept as
/// absent, `null`, unreadable or a value; the rules report what is wrong with them).
fn read_items<D>(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    key: &str,
    path: &Path<'_>,
    item: fn(&Value<'_>) -> D,
) -> Items<D> {
    match v.get(key) {
        None | Some(Value::Null) => Items::Absent,
        Some(list) => {
            let p = path.key(key);
            let read = r.list(list, &p, |r, it, ip| {
                Some(r.expect_object(it, ip).then(|| item(it)))
            });
            match read {
                Some(items) => Items::Read {
                    len: items.len(),
                    items: items
                        .into_iter()
                        .enumerate()
                        .filter_map(|(i, d)| d.map(|d| (i, d)))
                        .collect(),
                },
                None => Items::Unreadable,
            }
        }
    }
}

fn access_item(v: &Value<'_>) -> AccessItemDraft {
    let mut sink = Issues::default();
    let mut d = read_access_item(&mut Reader::new(&mut sink), v, &Path::Root);
    // A create item has no id: one copied from a commit is ignored.
    d.id = Default::default();
    d
}

fn invoice_item(v: &Value<'_>) -> InvoiceItemDraft {
    let mut sink = Issues::default();
    let mut d = read_invoice_item(&mut Reader::new(&mut sink), v, &Path::Root);
    d.id = Default::default();
    d
}

/// A commit's `credit_type: {id}` where the create request takes `credit_type_id`: left unread, the
/// schedule would silently be in USD (cents).
fn credit_type_misplaced(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) {
    if v.get("credit_type").is_some_and(|c| !c.is_null()) {
        r.report(
            IssueCode::InvalidType,
            &path.key("credit_type"),
            "the create request takes credit_type_id (the credit type's id), not credit_type",
        );
    }
}

fn read_access(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<AccessRead> {
    r.expect_object(v, path).then_some(())?;
    credit_type_misplaced(r, v, path);
    let credit_type_id = r.opt(v, "credit_type_id", path, Reader::id);
    let items = match read_items(r, v, "schedule_items", path, access_item) {
        Items::Absent => {
            // Required by ScheduleDurationInput.
            let _ = r.req(v, "schedule_items", path, |_, _, _| Some(()));
            Items::Absent
        }
        other => other,
    };
    Some(AccessRead {
        credit_type_id,
        items,
    })
}

fn read_invoice(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<InvoiceRead> {
    r.expect_object(v, path).then_some(())?;
    credit_type_misplaced(r, v, path);
    Some(InvoiceRead {
        credit_type_id: r.opt(v, "credit_type_id", path, Reader::id),
        do_not_invoice: r.opt(v, "do_not_invoice", path, Reader::boolean),
        items: read_items(r, v, "schedule_items", path, invoice_item),
        recurring_given: given(v, "recurring_schedule"),
        recurring: r.opt(v, "recurring_schedule", path, read_recurring),
    })
}

fn read_recurring(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<RecurringRead> {
    r.expect_object(v, path).then_some(())?;
    let mut pricing = invoice_item(v);
    pricing.timestamp = Default::default();
    Some(RecurringRead {
        starting_at: r.req(v, "starting_at", path, Reader::instant),
        ending_before: r.req(v, "ending_before", path, Reader::instant),
        frequency: r.req(v, "frequency", path, Reader::named),
        distribution: r.req(v, "amount_distribution", path, Reader::named),
        pricing,
    })
}

/// An end-date request as read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EndDateRead {
    pub customer_id: Option<Id>,
    pub access_ending_before: Option<Instant>,
    pub invoices_ending_before: Option<Instant>,
    /// Whether either date is there (not absent, not `null`), readable or not.
    pub any_date_given: bool,
}

pub fn read_end_date_request(r: &mut Reader<'_>, v: &Value<'_>) -> EndDateRead {
    let root = Path::Root;
    if !r.expect_object(v, &root) {
        return EndDateRead::default();
    }
    EndDateRead {
        customer_id: r.req(v, "customer_id", &root, Reader::id),
        access_ending_before: r.opt(v, "access_ending_before", &root, Reader::instant),
        invoices_ending_before: r.opt(v, "invoices_ending_before", &root, Reader::instant),
        any_date_given: given(v, "access_ending_before") || given(v, "invoices_ending_before"),
    }
}

/// A disableTrueup request as read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TrueupRead {
    pub customer_id: Option<Id>,
    pub contract_id: Option<Id>,
    pub contract_id_given: bool,
    pub amendment_id: Option<Id>,
}

pub fn read_trueup_request(r: &mut Reader<'_>, v: &Value<'_>) -> TrueupRead {
    let root = Path::Root;
    if !r.expect_object(v, &root) {
        return TrueupRead::default();
    }
    TrueupRead {
        customer_id: r.req(v, "customer_id", &root, Reader::id),
        contract_id: r.opt(v, "contract_id", &root, Reader::id),
        contract_id_given: given(v, "contract_id"),
        amendment_id: r.opt(v, "amendment_id", &root, Reader::id),
    }
}

/// What a generated schedule is for: access segments or invoice items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScheduleKind {
    Access,
    Invoice,
}

impl Named for ScheduleKind {
    const NAMES: &'static [(&'static str, Self)] =
        &[("access", Self::Access), ("invoice", Self::Invoice)];
}

/// A generator rule as read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RuleRead {
    pub total: Option<Decimal>,
    pub starting_at: Option<Instant>,
    /// The offset `starting_at` is written in, seconds east of UTC: months are counted there.
    pub offset: i64,
    pub ending_before: Option<Instant>,
    pub frequency: Option<Frequency>,
    pub distribution: Option<Distribution>,
    pub kind: Option<ScheduleKind>,
}

pub fn read_schedule_rule(r: &mut Reader<'_>, v: &Value<'_>) -> RuleRead {
    let root = Path::Root;
    if !r.expect_object(v, &root) {
        return RuleRead::default();
    }
    RuleRead {
        total: r.req(v, "total", &root, Reader::amount),
        starting_at: r.req(v, "starting_at", &root, Reader::instant),
        offset: v
            .get("starting_at")
            .and_then(Value::as_str)
            .and_then(Instant::offset_of)
            .unwrap_or(0),
        ending_before: r.req(v, "ending_before", &root, Reader::instant),
        frequency: r.req(v, "frequency", &root, Reader::named),
        distribution: r.req(v, "distribution", &root, Reader::named),
        kind: r.req(v, "kind", &root, Reader::named),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssueCode;
    use crate::json::parse;

    fn codes(issues: &Issues) -> Vec<(IssueCode, String)> {
        issues.0.iter().map(|i| (i.code, i.path.clone())).collect()
    }

    #[test]
    fn create_draft_is_form_typed_and_keeps_positions() {
        let v = parse(
            r#"{"customer_id":"2D45952C-5A6E-43A9-8AAB-F61EE21BE81A","type":"prepaid","priority":" 10 ",
                "product_id":"2d45952c-5a6e-43a9-8aab-f61ee21be81a",
                "access_schedule":{"schedule_items":[5,{"id":"x","amount":"100","starting_at":"2026-01-01T00:00:00Z","ending_before":"2026-02-01T00:00:00Z"}]},
                "hierarchy_configuration":{"child_access":{"type":"ALL"}}}"#,
        )
        .unwrap();
        let mut issues = Issues::default();
        let d = read_create_draft(&mut Reader::new(&mut issues), &v);
        assert_eq!(d.commit_type, Some(CommitType::Prepaid));
        assert_eq!(d.priority, Decimal::parse("10").ok());
        let items = d.access.unwrap().items;
        let items = items.read().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, 1);
        assert!(items[0].1.id.is_absent());
        assert_eq!(d.contract_only_keys, vec!["hierarchy_configuration"]);
        assert_eq!(
            codes(&issues),
            vec![(
                IssueCode::InvalidType,
                "/access_schedule/schedule_items/0".to_owned()
            )]
        );
    }

    #[test]
    fn required_keys_are_reported_at_their_paths() {
        let v = parse(r#"{"access_schedule":{}}"#).unwrap();
        let mut issues = Issues::default();
        let _ = read_create_draft(&mut Reader::new(&mut issues), &v);
        let got = codes(&issues);
        for path in [
            "/customer_id",
            "/type",
            "/priority",
            "/product_id",
            "/access_schedule/schedule_items",
        ] {
            assert!(
                got.contains(&(IssueCode::Required, path.to_owned())),
                "{path}"
            );
        }
    }

    #[test]
    fn rule_reads_either_case() {
        let v = parse(
            r#"{"total":"120000","starting_at":"2026-01-01T00:00:00Z","ending_before":"2027-01-01T00:00:00Z",
                "frequency":"monthly","distribution":"DIVIDED_rounded","kind":"INVOICE"}"#,
        )
        .unwrap();
        let mut issues = Issues::default();
        let rule = read_schedule_rule(&mut Reader::new(&mut issues), &v);
        assert!(issues.0.is_empty());
        assert_eq!(rule.frequency, Some(Frequency::Monthly));
        assert_eq!(rule.distribution, Some(Distribution::DividedRounded));
        assert_eq!(rule.kind, Some(ScheduleKind::Invoice));
        let weekly = parse(r#"{"frequency":"WEEKLY"}"#).unwrap();
        let mut issues = Issues::default();
        let _ = read_schedule_rule(&mut Reader::new(&mut issues), &weekly);
        assert!(codes(&issues).contains(&(IssueCode::InvalidEnum, "/frequency".to_owned())));
    }
}
