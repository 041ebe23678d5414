//! Request bodies of the four commit endpoints, exact to the OpenAPI schemas (plus
//! `applicable_contract_ids` on edit, which is newer than the schema snapshot).

use super::targeting::{HierarchyConfiguration, Specifier};
use super::{CommitType, RateType};
use crate::values::{Decimal, Id, Instant};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use tsify::Tsify;

/// A nullable field of an edit body: absent keeps the value, `null` clears it, a value sets it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Patch<T> {
    #[default]
    Keep,
    Clear,
    Set(T),
}

impl<T> Patch<T> {
    pub fn is_keep(&self) -> bool {
        matches!(self, Patch::Keep)
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Set(v) => v.serialize(serializer),
            Patch::Keep | Patch::Clear => serializer.serialize_none(),
        }
    }
}

/// `POST /v2/contracts/commits/edit` (`EditCommitPayload`).
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct EditCommitPayload {
    pub customer_id: Id,
    pub commit_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub product_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoice_contract_id: Option<Id>,
    #[serde(skip_serializing_if = "Patch::is_keep")]
    #[tsify(optional, type = "Decimal | null")]
    pub priority: Patch<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub rate_type: Option<RateType>,
    #[serde(skip_serializing_if = "Patch::is_keep")]
    #[tsify(optional, type = "Id[] | null")]
    pub applicable_product_ids: Patch<Vec<Id>>,
    #[serde(skip_serializing_if = "Patch::is_keep")]
    #[tsify(optional, type = "string[] | null")]
    pub applicable_product_tags: Patch<Vec<String>>,
    #[serde(skip_serializing_if = "Patch::is_keep")]
    #[tsify(optional, type = "Id[] | null")]
    pub applicable_contract_ids: Patch<Vec<Id>>,
    #[serde(skip_serializing_if = "Patch::is_keep")]
    #[tsify(optional, type = "Specifier[] | null")]
    pub specifiers: Patch<Vec<Specifier>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub hierarchy_configuration: Option<HierarchyConfiguration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub access_schedule: Option<AccessScheduleEdit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoice_schedule: Option<InvoiceScheduleEdit>,
}

/// `UpdateAccessScheduleInput`. Empty sections are left out.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Tsify)]
pub struct AccessScheduleEdit {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub add_schedule_items: Vec<AccessAdd>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub update_schedule_items: Vec<AccessUpdate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub remove_schedule_items: Vec<IdOnly>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct AccessAdd {
    pub amount: Decimal,
    pub starting_at: Instant,
    pub ending_before: Instant,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct AccessUpdate {
    pub id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub starting_at: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub ending_before: Option<Instant>,
}

/// `UpdateInvoiceScheduleInput`. Empty sections are left out.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Tsify)]
pub struct InvoiceScheduleEdit {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub add_schedule_items: Vec<InvoiceAdd>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub update_schedule_items: Vec<InvoiceUpdate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub remove_schedule_items: Vec<IdOnly>,
}

/// Pricing as R6 allows it on the wire: `amount` alone, or `quantity` with `unit_price`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct InvoiceAdd {
    pub timestamp: Instant,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub quantity: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit_price: Option<Decimal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct InvoiceUpdate {
    pub id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub timestamp: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub quantity: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit_price: Option<Decimal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct IdOnly {
    pub id: Id,
}

/// `POST /v1/contracts/customerCommits/create` (`CreateCustomerCommitPayload`).
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct CommitCreatePayload {
    pub customer_id: Id,
    #[serde(rename = "type")]
    pub commit_type: CommitType,
    pub priority: Decimal,
    pub product_id: Id,
    pub access_schedule: AccessScheduleCreate,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoice_schedule: Option<InvoiceScheduleCreate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoice_contract_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub rate_type: Option<RateType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub applicable_product_ids: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub applicable_product_tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub applicable_contract_ids: Option<Vec<Id>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub specifiers: Option<Vec<Specifier>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Record<string, string>")]
    pub custom_fields: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub netsuite_sales_order_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub salesforce_opportunity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub uniqueness_key: Option<String>,
}

/// `ScheduleDurationInput`.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct AccessScheduleCreate {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub credit_type_id: Option<Id>,
    pub schedule_items: Vec<AccessAdd>,
}

/// `SchedulePointInTimeInput`: items, or a recurring schedule.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct InvoiceScheduleCreate {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub credit_type_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub schedule_items: Option<Vec<InvoiceAdd>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub recurring_schedule: Option<RecurringSchedule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub do_not_invoice: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct RecurringSchedule {
    pub starting_at: Instant,
    pub ending_before: Instant,
    pub frequency: Frequency,
    pub amount_distribution: Distribution,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub quantity: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit_price: Option<Decimal>,
}

/// Recurring frequencies of a customer-level commit (`WEEKLY` is contract-level only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Tsify)]
pub enum Frequency {
    #[serde(rename = "MONTHLY")]
    Monthly,
    #[serde(rename = "QUARTERLY")]
    Quarterly,
    #[serde(rename = "SEMI_ANNUAL")]
    SemiAnnual,
    #[serde(rename = "ANNUAL")]
    Annual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Tsify)]
pub enum Distribution {
    #[serde(rename = "DIVIDED")]
    Divided,
    #[serde(rename = "DIVIDED_ROUNDED")]
    DividedRounded,
    #[serde(rename = "EACH")]
    Each,
}

impl super::Named for Frequency {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("MONTHLY", Self::Monthly),
        ("QUARTERLY", Self::Quarterly),
        ("SEMI_ANNUAL", Self::SemiAnnual),
        ("ANNUAL", Self::Annual),
    ];
}

impl super::Named for Distribution {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("DIVIDED", Self::Divided),
        ("DIVIDED_ROUNDED", Self::DividedRounded),
        ("EACH", Self::Each),
    ];
}

impl Frequency {
    pub fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::SemiAnnual => 6,
            Frequency::Annual => 12,
        }
    }
}

/// `POST /v1/contracts/customerCommits/updateEndDate` (`UpdateCommitEndDatePayload`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct UpdateEndDatePayload {
    pub customer_id: Id,
    pub commit_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub access_ending_before: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoices_ending_before: Option<Instant>,
}

/// `POST /v1/contracts/commits/disableTrueup` (`DisableCommitTrueupPayload`). No official SDK has
/// this call, so this type is the only typed description of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct DisableTrueupPayload {
    pub customer_id: Id,
    pub commit_id: Id,
    pub contract_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub amendment_id: Option<Id>,
}
