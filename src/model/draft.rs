//! The edited form: the same shape as a Commit, with values as form controls hold them. Each field
//! keeps absent, `null`, unreadable and readable apart, and serialises back to what was read, so a
//! draft taken out of an editing session plans to the same result.

use super::targeting::{HierarchyConfiguration, Specifier};
use super::RateType;
use crate::json::Json;
use crate::read::Field;
use crate::values::{Decimal, Id, Instant};
use serde::Serialize;
use std::collections::BTreeMap;
use tsify::Tsify;

/// Top-level keys a draft may carry but the edit endpoint cannot change. A draft that changes one
/// gets `field_not_editable`; leaving it out, or as it was, is fine.
pub const FROZEN_KEYS: &[&str] = &[
    "id",
    "type",
    "contract",
    "rolled_over_from",
    "recurring_commit_id",
    "subscription_config",
    "custom_fields",
    "rollover_fraction",
    "uniqueness_key",
    "netsuite_sales_order_id",
    "salesforce_opportunity_id",
    "created_at",
    "archived_at",
    "spend_tracker_attributes",
    "cost_basis",
    // Filled in by Metronome: the same in a draft copied from the original, an error if changed.
    "created_by",
    "balance",
    "ledger",
    "amount",
];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Tsify)]
pub struct CommitDraft {
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "string")]
    pub name: Field<String>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "string")]
    pub description: Field<String>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "FormNumber | null")]
    pub priority: Field<Decimal>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "RateType | \"commit_rate\" | \"list_rate\"")]
    pub rate_type: Field<RateType>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "{ id: Id; name?: string }")]
    pub product: Field<RefDraft>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "{ id: Id }")]
    pub invoice_contract: Field<RefDraft>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Id[] | null")]
    pub applicable_product_ids: Field<Vec<Id>>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "string[] | null")]
    pub applicable_product_tags: Field<Vec<String>>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Id[] | null")]
    pub applicable_contract_ids: Field<Vec<Id>>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Specifier[] | null")]
    pub specifiers: Field<Vec<Specifier>>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "HierarchyConfiguration")]
    pub hierarchy_configuration: Field<HierarchyConfiguration>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "AccessScheduleDraft")]
    pub access_schedule: Field<AccessScheduleDraft>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "InvoiceScheduleDraft")]
    pub invoice_schedule: Field<InvoiceScheduleDraft>,
    /// The [`FROZEN_KEYS`] present in the draft, as sent.
    #[serde(flatten)]
    #[tsify(
        type = "{ id?: unknown; type?: unknown; contract?: unknown; rolled_over_from?: unknown; recurring_commit_id?: unknown; subscription_config?: unknown; custom_fields?: unknown; rollover_fraction?: unknown; uniqueness_key?: unknown; netsuite_sales_order_id?: unknown; salesforce_opportunity_id?: unknown; created_at?: unknown; archived_at?: unknown; spend_tracker_attributes?: unknown; cost_basis?: unknown; created_by?: unknown; balance?: unknown; ledger?: unknown; amount?: unknown }"
    )]
    pub frozen: BTreeMap<String, Json>,
}

/// `{ id, name? }` of the product or invoice contract. Only the id is edited; the product's name is
/// the server's (kept as given: the same product under another name is `field_not_editable`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Tsify)]
pub struct RefDraft {
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Id")]
    pub id: Field<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub name: Option<Json>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Tsify)]
pub struct AccessScheduleDraft {
    /// Cannot change; compared with the original's by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "unknown")]
    pub credit_type: Option<Json>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "AccessItemDraft[]")]
    pub schedule_items: Field<Vec<AccessItemDraft>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Tsify)]
pub struct InvoiceScheduleDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "unknown")]
    pub credit_type: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "unknown")]
    pub do_not_invoice: Option<Json>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "InvoiceItemDraft[]")]
    pub schedule_items: Field<Vec<InvoiceItemDraft>>,
}

/// An access segment in a draft: no `id` means a new segment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Tsify)]
pub struct AccessItemDraft {
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Id")]
    pub id: Field<Id>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "FormNumber")]
    pub amount: Field<Decimal>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Instant")]
    pub starting_at: Field<Instant>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Instant")]
    pub ending_before: Field<Instant>,
}

/// An invoice item in a draft: no `id` means a new item. Price it by `amount`, or by `quantity`
/// with `unit_price` (R6); `invoice_id` is read-only: a new item's is ignored, and an existing
/// item's may only be the original's (else `field_not_editable`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Tsify)]
pub struct InvoiceItemDraft {
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Id")]
    pub id: Field<Id>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "Instant")]
    pub timestamp: Field<Instant>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "FormNumber")]
    pub amount: Field<Decimal>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "FormNumber")]
    pub quantity: Field<Decimal>,
    #[serde(skip_serializing_if = "Field::is_absent")]
    #[tsify(optional, type = "FormNumber")]
    pub unit_price: Field<Decimal>,
    /// Read-only: carried so a draft keeps what it was given; compared with the original's, never sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Id | null")]
    pub invoice_id: Option<Json>,
}
