//! The Commit object exactly as list-commits returns it (`Commit` in the OpenAPI schema).
//! Optional keys may be absent; unknown keys are ignored when reading.

use super::ledger::LedgerItem;
use super::targeting::{HierarchyConfiguration, Specifier};
use super::{CommitType, RateType};
use crate::values::{Decimal, Id, Instant, ServerNumber};
use serde::Serialize;
use std::collections::BTreeMap;
use tsify::Tsify;

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct Commit {
    pub id: Id,
    #[serde(rename = "type")]
    pub commit_type: CommitType,
    pub product: Product,
    pub created_at: Instant,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub created_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub priority: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub rate_type: Option<RateType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub access_schedule: Option<AccessSchedule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoice_schedule: Option<InvoiceSchedule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub invoice_contract: Option<IdRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub contract: Option<IdRef>,
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
    #[tsify(optional)]
    pub rollover_fraction: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub rolled_over_from: Option<RolledOverFrom>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub recurring_commit_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub subscription_config: Option<SubscriptionConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub hierarchy_configuration: Option<HierarchyConfiguration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Record<string, string>")]
    pub custom_fields: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub uniqueness_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub archived_at: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub balance: Option<ServerNumber>,
    /// The known entry types, and any type this version does not know, as it came.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "LedgerEntry[]")]
    pub ledger: Option<Vec<LedgerItem>>,
    /// Deprecated by the API; kept because responses still carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub amount: Option<ServerNumber>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub netsuite_sales_order_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub salesforce_opportunity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub spend_tracker_attributes: Option<SpendTrackerAttributes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub cost_basis: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct Product {
    pub id: Id,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct IdRef {
    pub id: Id,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct CreditType {
    pub id: Id,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct RolledOverFrom {
    pub commit_id: Id,
    pub contract_id: Id,
}

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct SubscriptionConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub subscription_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "\"INDIVIDUAL\" | \"POOLED\"")]
    pub allocation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub apply_seat_increase_config: Option<SeatIncreaseConfig>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct SeatIncreaseConfig {
    pub is_prorated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct SpendTrackerAttributes {
    pub counts_as_discounted: bool,
}

/// `ScheduleDuration`: the access schedule, segments of granted balance.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct AccessSchedule {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub credit_type: Option<CreditType>,
    pub schedule_items: Vec<AccessItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct AccessItem {
    pub id: Id,
    pub amount: Decimal,
    pub starting_at: Instant,
    pub ending_before: Instant,
}

/// `SchedulePointInTime`: the invoice schedule, dated items that bill the commit.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct InvoiceSchedule {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub credit_type: Option<CreditType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub do_not_invoice: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub schedule_items: Option<Vec<InvoiceItem>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct InvoiceItem {
    pub id: Id,
    pub amount: Decimal,
    pub unit_price: Decimal,
    pub quantity: Decimal,
    pub timestamp: Instant,
    /// `null` and absent both mean: no invoice yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id | null")]
    pub invoice_id: Option<Id>,
}

impl Commit {
    pub fn access_items(&self) -> &[AccessItem] {
        self.access_schedule
            .as_ref()
            .map_or(&[], |s| &s.schedule_items)
    }

    pub fn invoice_items(&self) -> &[InvoiceItem] {
        self.invoice_schedule
            .as_ref()
            .and_then(|s| s.schedule_items.as_deref())
            .unwrap_or(&[])
    }
}
