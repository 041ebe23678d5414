//! Validation results as data: every expected failure is an [`Issue`] with a stable code, a JSON
//! Pointer into the input the caller sent, a severity and a message for people.

use crate::json::Path;
use crate::origin::Origin;
use serde::Serialize;
use tsify::Tsify;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $name:literal : $severity:ident, $doc:literal;)*) => {
        /// Stable issue codes. The README has one table row for each (a test checks it).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Tsify)]
        pub enum IssueCode {
            $(#[doc = $doc] #[serde(rename = $name)] $variant,)*
        }

        impl IssueCode {
            pub const ALL: &'static [IssueCode] = &[$(IssueCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(IssueCode::$variant => $name,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(IssueCode::$variant => Severity::$severity,)* }
            }

            pub fn description(self) -> &'static str {
                match self { $(IssueCode::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    InvalidType = "invalid_type": Error, "The value has the wrong JSON type (e.g. a string where a list is expected).";
    Required = "required": Error, "A required field is missing or null.";
    InvalidUuid = "invalid_uuid": Error, "Not a UUID.";
    InvalidTimestamp = "invalid_timestamp": Error, "Not an RFC 3339 date-time, or an impossible one (`2024-13-01`).";
    TimestampWithoutOffset = "timestamp_without_offset": Error, "A date-time without `Z` or `±hh:mm`: its instant is unknown.";
    InvalidNumber = "invalid_number": Error, "Not a finite number (`abc`, `NaN`, an empty field).";
    NumberOutOfRange = "number_out_of_range": Error, "A number beyond what is kept exactly: |x| ≥ 10^19, more than 18 decimal places, or more digits than a JavaScript number holds (`9007199254740993`).";
    NegativeAmount = "negative_amount": Error, "An amount, quantity or unit price below zero.";
    InvalidEnum = "invalid_enum": Error, "Not one of the values the field allows (either case is accepted).";
    EmptyString = "empty_string": Error, "A string that must not be empty (`name` on create, R19).";
    StringTooLong = "string_too_long": Error, "A string longer than the documented limit.";
    TooManyItems = "too_many_items": Error, "A list longer than the documented limit.";
    InvalidContext = "invalid_context": Error, "The context (customer id, invoice statuses, now) cannot be read.";
    InvalidOriginal = "invalid_original": Error, "The original commit has a field that cannot be read; the path names it.";
    AccessRangeInvalid = "access_range_invalid": Error, "An access segment's `ending_before` is not after its `starting_at` (R7).";
    AccessNotHourAligned = "access_not_hour_aligned": Error, "An access timestamp is not on the hour in UTC (R8).";
    AccessOverlap = "access_overlap": Warning, "An access segment starts before an earlier-starting segment ends (any of them, not only the previous one), and the edit touched one of the two.";
    PricingMissing = "pricing_missing": Error, "An invoice item has neither `amount` nor `quantity` with `unit_price` (R6).";
    PricingIncomplete = "pricing_incomplete": Error, "`quantity` without `unit_price` or the other way round (R6).";
    PricingMismatch = "pricing_mismatch": Error, "`amount` given with `quantity` and `unit_price` but not equal to their product (R6).";
    InvoiceNotHourAligned = "invoice_not_hour_aligned": Warning, "An invoice timestamp is not on the hour in UTC (R8).";
    InvoiceInPast = "invoice_in_past": Warning, "A new or moved invoice item is dated at or before `now`: its invoice finalizes at once (R23).";
    DuplicateItemId = "duplicate_item_id": Error, "Two items in the draft carry the same id (R24).";
    UnknownItemId = "unknown_item_id": Error, "An item id that is not in the original's schedule.";
    PostpaidAccessCount = "postpaid_access_count": Error, "A POSTPAID commit must have exactly one access segment (R2).";
    PostpaidInvoiceCount = "postpaid_invoice_count": Error, "A POSTPAID commit must have exactly one invoice item (R2).";
    PostpaidTotalMismatch = "postpaid_total_mismatch": Error, "A POSTPAID commit's invoice total must equal its access amount (R2).";
    PostpaidInvoiceRequired = "postpaid_invoice_required": Error, "A POSTPAID commit needs an invoice schedule (R2).";
    SpecifierEmpty = "specifier_empty": Warning, "A specifier with no condition (no product, tags or group values): it matches all usage, so the commit applies to every product.";
    SpecifiersConflict = "specifiers_conflict": Error, "`specifiers` together with `applicable_product_ids`/`applicable_product_tags` (R1).";
    InvoiceItemFinalized = "invoice_item_finalized": Error, "Updating or removing an invoice item whose invoice is FINALIZED (R9).";
    InvoiceItemVoided = "invoice_item_voided": Error, "Removing an invoice item whose invoice is VOID (R9).";
    AccessSegmentFinalized = "access_segment_finalized": Error, "Removing an access segment the ledger ties to a FINALIZED invoice (R10).";
    RolloverNotEditable = "rollover_not_editable": Error, "A rollover commit (`rolled_over_from` set) cannot be edited (R12).";
    ContractIdsNotEditable = "contract_ids_not_editable": Error, "`applicable_contract_ids` cannot change on a POSTPAID or contract-level commit (R14).";
    FieldNotEditable = "field_not_editable": Error, "A change the endpoint cannot make (`type`, a credit type, `custom_fields`, …), or clearing a field that cannot be cleared.";
    InvoiceContractRequired = "invoice_contract_required": Error, "`invoice_contract_id` is required for POSTPAID, or PREPAID with an invoice schedule, unless `do_not_invoice` (R3).";
    ScheduleItemsRequired = "schedule_items_required": Error, "A schedule needs items (an invoice schedule: items or `recurring_schedule`, R5).";
    UniquenessKeyLength = "uniqueness_key_length": Error, "`uniqueness_key` must be 1 to 128 characters (R18).";
    ContractIdsEmpty = "contract_ids_empty": Error, "`child_access.contract_ids` needs at least one id (R21).";
    RangeInvalid = "range_invalid": Error, "A range whose `ending_before` is not after its `starting_at` (recurring schedule, generator).";
    EndDatePrepaidOnly = "end_date_prepaid_only": Error, "updateEndDate works on PREPAID commits only (R15).";
    EndDateRequired = "end_date_required": Error, "Neither `access_ending_before` nor `invoices_ending_before` is given.";
    EndDateNotEarlier = "end_date_not_earlier": Error, "updateEndDate can only move an end earlier than it is now (R15).";
    EndDateDropsFinalized = "end_date_drops_finalized": Error, "The new invoice end drops an invoice item whose invoice is FINALIZED (R9).";
    TrueupPostpaidOnly = "trueup_postpaid_only": Error, "disableTrueup works on POSTPAID commits only.";
    ContractIdRequired = "contract_id_required": Error, "No `contract_id` in the request and none on the commit.";
    ContractIdMismatch = "contract_id_mismatch": Warning, "The request's `contract_id` is neither the commit's `contract` nor its `invoice_contract`.";
    PathNotFound = "path_not_found": Error, "An editor path that names no field of the draft.";
    ValueTooDeep = "value_too_deep": Error, "An editor value that would sit more than 64 levels deep in the draft (the limit of every argument).";
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct Issue {
    pub severity: Severity,
    pub code: IssueCode,
    /// JSON Pointer (RFC 6901) into the input the issue concerns.
    pub path: String,
    pub message: String,
    /// For an editing session's answers; not part of the value.
    #[serde(skip)]
    pub origin: Origin,
}

impl Issue {
    pub fn new(code: IssueCode, path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            severity: code.severity(),
            code,
            path: path.into(),
            message: message.into(),
            origin: Origin::NONE,
        }
    }

    pub fn from(mut self, origin: Origin) -> Issue {
        self.origin = origin;
        self
    }

    pub fn at(code: IssueCode, path: &Path<'_>, message: impl Into<String>) -> Issue {
        Issue::new(code, path.render(), message)
    }
}

/// Issues collected while reading or checking one input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issues(pub Vec<Issue>);

impl Issues {
    pub fn push(&mut self, issue: Issue) {
        self.0.push(issue);
    }

    pub fn add(&mut self, code: IssueCode, path: &Path<'_>, message: impl Into<String>) {
        self.0.push(Issue::at(code, path, message));
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn into_vec(self) -> Vec<Issue> {
        self.0
    }
}
