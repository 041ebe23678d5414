//! The fourteen ledger entry variants (`CommitLedger`), tagged by `type`.

use crate::json::Json;
use crate::values::{Decimal, Id, Instant, ServerNumber};
use serde::{Serialize, Serializer};
use tsify::Tsify;

/// One entry of a commit's ledger: one of the fourteen types, or one this version does not know.
#[derive(Clone, Debug, PartialEq)]
pub enum LedgerItem {
    Known(LedgerEntry),
    /// A type this version does not know (the API grows), kept as it came: written back unchanged,
    /// dropped with its segment, and locking that segment when it ties it to a FINALIZED invoice
    /// (R10), as the known types do.
    Other(OtherEntry),
}

#[derive(Clone, Debug, PartialEq)]
pub struct OtherEntry {
    pub raw: Json,
    /// Its `amount`, when it can be read exactly.
    pub amount: Option<Decimal>,
    pub segment_id: Option<Id>,
    pub invoice_id: Option<Id>,
}

impl Serialize for LedgerItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LedgerItem::Known(e) => e.serialize(serializer),
            LedgerItem::Other(o) => o.raw.serialize(serializer),
        }
    }
}

impl LedgerItem {
    pub fn segment_id(&self) -> Option<Id> {
        match self {
            LedgerItem::Known(e) => e.segment_id(),
            LedgerItem::Other(o) => o.segment_id,
        }
    }

    pub fn invoice_id(&self) -> Option<Id> {
        match self {
            LedgerItem::Known(e) => e.invoice_id(),
            LedgerItem::Other(o) => o.invoice_id,
        }
    }

    /// Its amount, when it is exact (see [`ServerNumber`]).
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            LedgerItem::Known(e) => e.amount().exact(),
            LedgerItem::Other(o) => o.amount,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
#[serde(tag = "type")]
pub enum LedgerEntry {
    #[serde(rename = "PREPAID_COMMIT_SEGMENT_START")]
    PrepaidSegmentStart(SegmentEntry),
    #[serde(rename = "PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION")]
    PrepaidAutomatedInvoiceDeduction(InvoiceSegmentEntry),
    #[serde(rename = "PREPAID_COMMIT_ROLLOVER")]
    PrepaidRollover(RolloverEntry),
    #[serde(rename = "PREPAID_COMMIT_EXPIRATION")]
    PrepaidExpiration(SegmentEntry),
    #[serde(rename = "PREPAID_COMMIT_CANCELED")]
    PrepaidCanceled(InvoiceSegmentEntry),
    #[serde(rename = "PREPAID_COMMIT_CREDITED")]
    PrepaidCredited(InvoiceSegmentEntry),
    #[serde(rename = "PREPAID_COMMIT_SEAT_BASED_ADJUSTMENT")]
    PrepaidSeatBasedAdjustment(SegmentEntry),
    #[serde(rename = "PREPAID_COMMIT_MANUAL")]
    PrepaidManual(ManualEntry),
    #[serde(rename = "POSTPAID_COMMIT_INITIAL_BALANCE")]
    PostpaidInitialBalance(PlainEntry),
    #[serde(rename = "POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION")]
    PostpaidAutomatedInvoiceDeduction(InvoiceSegmentEntry),
    #[serde(rename = "POSTPAID_COMMIT_ROLLOVER")]
    PostpaidRollover(RolloverEntry),
    #[serde(rename = "POSTPAID_COMMIT_TRUEUP")]
    PostpaidTrueup(InvoiceEntry),
    #[serde(rename = "POSTPAID_COMMIT_MANUAL")]
    PostpaidManual(ManualEntry),
    #[serde(rename = "POSTPAID_COMMIT_EXPIRATION")]
    PostpaidExpiration(PlainEntry),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct PlainEntry {
    pub timestamp: Instant,
    pub amount: ServerNumber,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct SegmentEntry {
    pub timestamp: Instant,
    pub amount: ServerNumber,
    pub segment_id: Id,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct InvoiceSegmentEntry {
    pub timestamp: Instant,
    pub amount: ServerNumber,
    pub segment_id: Id,
    pub invoice_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub contract_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct InvoiceEntry {
    pub timestamp: Instant,
    pub amount: ServerNumber,
    pub invoice_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub contract_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct RolloverEntry {
    pub timestamp: Instant,
    pub amount: ServerNumber,
    pub segment_id: Id,
    pub new_contract_id: Id,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct ManualEntry {
    pub timestamp: Instant,
    pub amount: ServerNumber,
    pub reason: String,
}

impl LedgerEntry {
    /// The access segment an entry draws on, when it names one.
    pub fn segment_id(&self) -> Option<Id> {
        use LedgerEntry::*;
        match self {
            PrepaidSegmentStart(e) | PrepaidExpiration(e) | PrepaidSeatBasedAdjustment(e) => {
                Some(e.segment_id)
            }
            PrepaidAutomatedInvoiceDeduction(e)
            | PrepaidCanceled(e)
            | PrepaidCredited(e)
            | PostpaidAutomatedInvoiceDeduction(e) => Some(e.segment_id),
            PrepaidRollover(e) | PostpaidRollover(e) => Some(e.segment_id),
            PrepaidManual(_)
            | PostpaidManual(_)
            | PostpaidInitialBalance(_)
            | PostpaidTrueup(_)
            | PostpaidExpiration(_) => None,
        }
    }

    pub fn amount(&self) -> &ServerNumber {
        use LedgerEntry::*;
        match self {
            PrepaidSegmentStart(e) | PrepaidExpiration(e) | PrepaidSeatBasedAdjustment(e) => {
                &e.amount
            }
            PrepaidAutomatedInvoiceDeduction(e)
            | PrepaidCanceled(e)
            | PrepaidCredited(e)
            | PostpaidAutomatedInvoiceDeduction(e) => &e.amount,
            PrepaidRollover(e) | PostpaidRollover(e) => &e.amount,
            PrepaidManual(e) | PostpaidManual(e) => &e.amount,
            PostpaidInitialBalance(e) | PostpaidExpiration(e) => &e.amount,
            PostpaidTrueup(e) => &e.amount,
        }
    }

    /// The invoice an entry was applied to, when it names one.
    pub fn invoice_id(&self) -> Option<Id> {
        use LedgerEntry::*;
        match self {
            PrepaidAutomatedInvoiceDeduction(e)
            | PrepaidCanceled(e)
            | PrepaidCredited(e)
            | PostpaidAutomatedInvoiceDeduction(e) => Some(e.invoice_id),
            PostpaidTrueup(e) => Some(e.invoice_id),
            _ => None,
        }
    }
}
