//! Invoice items: pricing (R6), locks (R9), timing warnings (R8, R23) and their diff.

use super::kind::*;
use crate::issue::IssueCode;
use crate::json::{Path, Value};
use crate::model::{InvoiceAdd, InvoiceItem, InvoiceItemDraft, InvoiceUpdate};
use crate::plan::output::{InvoiceItemView, Val};
use crate::read::draft::read_invoice_item;
use crate::read::{Context, Field, InvoiceStatus, Reader};
use crate::values::{Decimal, Id};

pub struct Invoice;

/// How an item is priced on the wire (R6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pricing {
    /// `amount` alone: the server stores quantity 1 and unit price = amount.
    Amount(Decimal),
    /// `quantity` with `unit_price`: the amount is their product.
    QuantityPrice(Decimal, Decimal),
}

impl Pricing {
    /// `(amount, quantity, unit_price)` as the server will hold them; `None` when the product
    /// cannot be held exactly (see [`product`]).
    pub fn resolve(self) -> Option<(Decimal, Decimal, Decimal)> {
        self.exactly().ok()
    }

    /// [`Pricing::resolve`], with why not.
    pub fn exactly(self) -> Result<(Decimal, Decimal, Decimal), String> {
        match self {
            Pricing::Amount(a) => Ok((a, Decimal::ONE, a)),
            Pricing::QuantityPrice(q, p) => Ok((product(q, p)?, q, p)),
        }
    }
}

pub const PRODUCT_NOT_EXACT: &str =
    "quantity × unit_price cannot be held exactly (at least 10^19, or more than 18 decimal places)";

/// `quantity × unit_price`, when it can be held exactly: in a `Decimal`, and as a JavaScript
/// number (what every answer's amounts are read as), so that the preview shows the amount the
/// server computes and an access amount can equal it (R2). `Err` with why not.
pub fn product(q: Decimal, p: Decimal) -> Result<Decimal, String> {
    match q.checked_mul(p) {
        None => Err(PRODUCT_NOT_EXACT.into()),
        Some(x) if !x.fits_js_number() => Err(format!(
            "quantity × unit_price = {x} has more significant digits than a JavaScript number holds exactly, so the amount would be rounded"
        )),
        Some(x) => Ok(x),
    }
}

/// Reads the pricing fields of a draft item, reporting what is missing, unreadable or inconsistent.
fn pricing(d: &InvoiceItemDraft, issues: &mut Vec<ItemIssue>) -> Option<Pricing> {
    let mut read = |field: &'static str, f: &Field<Decimal>| match f {
        Field::Set(v) => Some(Some(*v)),
        Field::Invalid(raw) => {
            let mut drafted = None;
            invalid_issues(issues, field, raw, |r, v, p| {
                drafted = r.amount_as_drafted(v, p);
                drafted.map(|_| ())
            });
            drafted.map(Some)
        }
        Field::Absent | Field::Null => Some(None),
    };
    let amount = read("amount", &d.amount);
    let quantity = read("quantity", &d.quantity);
    let unit_price = read("unit_price", &d.unit_price);
    let (Some(amount), Some(quantity), Some(unit_price)) = (amount, quantity, unit_price) else {
        return None;
    };
    match (amount, quantity, unit_price) {
        (None, None, None) => {
            issue(
                issues,
                "",
                IssueCode::PricingMissing,
                "give amount, or quantity with unit_price",
            );
            None
        }
        (a, Some(q), Some(p)) => {
            let product = match product(q, p) {
                Ok(x) => x,
                Err(why) => {
                    issue(issues, "quantity", IssueCode::NumberOutOfRange, why);
                    return None;
                }
            };
            if let Some(a) = a.filter(|a| *a != product) {
                issue(
                    issues,
                    "amount",
                    IssueCode::PricingMismatch,
                    format!("amount {a} is not quantity × unit_price = {product}"),
                );
                return None;
            }
            Some(Pricing::QuantityPrice(q, p))
        }
        (_, Some(_), None) => {
            issue(
                issues,
                "unit_price",
                IssueCode::PricingIncomplete,
                "quantity is given without unit_price",
            );
            None
        }
        (_, None, Some(_)) => {
            issue(
                issues,
                "quantity",
                IssueCode::PricingIncomplete,
                "unit_price is given without quantity",
            );
            None
        }
        (Some(a), None, None) => Some(Pricing::Amount(a)),
    }
}

impl Kind for Invoice {
    type Draft = InvoiceItemDraft;
    type Orig = InvoiceItem;
    type Add = InvoiceAdd;
    type Update = InvoiceUpdate;

    const SECTION: &'static str = "invoice_schedule";
    const ITEMS_PATH: &'static str = "/invoice_schedule/schedule_items";
    const INDEX: u8 = 1;
    const FIELDS: &'static [&'static str] = &[
        "id",
        "timestamp",
        "amount",
        "quantity",
        "unit_price",
        "invoice_id",
    ];

    fn draft_id(d: &InvoiceItemDraft) -> &Field<Id> {
        &d.id
    }

    fn orig_id(o: &InvoiceItem) -> Id {
        o.id
    }

    fn from_orig(o: &InvoiceItem) -> InvoiceItemDraft {
        InvoiceItemDraft {
            id: Field::Set(o.id),
            timestamp: Field::Set(o.timestamp),
            amount: Field::Set(o.amount),
            quantity: Field::Set(o.quantity),
            unit_price: Field::Set(o.unit_price),
            invoice_id: o
                .invoice_id
                .map(|id| crate::json::Value::String(id.to_string().into())),
        }
    }

    fn orig_amount(o: &InvoiceItem) -> Decimal {
        o.amount
    }

    fn orig_view(o: &InvoiceItem) -> Val {
        Val::Invoice(Box::new(InvoiceItemView {
            id: Some(o.id),
            timestamp: o.timestamp,
            amount: o.amount,
            quantity: o.quantity,
            unit_price: o.unit_price,
        }))
    }

    fn add_view(a: &InvoiceAdd) -> Val {
        let (amount, quantity, unit_price) = add_pricing(a)
            .and_then(Pricing::resolve)
            .unwrap_or_default();
        Val::Invoice(Box::new(InvoiceItemView {
            id: None,
            timestamp: a.timestamp,
            amount,
            quantity,
            unit_price,
        }))
    }

    fn set_field(d: &mut InvoiceItemDraft, field: &str, value: &Value<'_>) -> bool {
        let obj = Value::Object(vec![(field.into(), value.clone())]);
        let read = Self::read_item(&obj);
        match field {
            "id" => d.id = read.id,
            "timestamp" => d.timestamp = read.timestamp,
            "amount" => d.amount = read.amount,
            "quantity" => d.quantity = read.quantity,
            "unit_price" => d.unit_price = read.unit_price,
            // Set by Metronome, kept as given: a different one is field_not_editable, as in planEdit.
            "invoice_id" => d.invoice_id = read.invoice_id,
            _ => return false,
        }
        true
    }

    fn read_item(v: &Value<'_>) -> InvoiceItemDraft {
        let mut sink = crate::issue::Issues::default();
        read_invoice_item(&mut Reader::new(&mut sink), v, &crate::json::Path::Root)
    }

    fn evaluate(
        d: &InvoiceItemDraft,
        orig: Option<&InvoiceItem>,
        cx: &Context,
    ) -> ItemEval<InvoiceAdd, InvoiceUpdate> {
        let mut issues = Vec::new();
        if let Field::Invalid(raw) = &d.id {
            invalid_issues(&mut issues, "id", raw, |r, v, p| r.id(v, p).map(|_| ()));
        }
        let id = d.id.value().copied();
        let unknown = id.is_some() && orig.is_none();
        if let Some(id) = id.filter(|_| unknown) {
            issue(
                &mut issues,
                "id",
                IssueCode::UnknownItemId,
                format!("no invoice item {id} in the original commit"),
            );
        }
        if let (Some(o), Some(given)) = (orig, &d.invoice_id) {
            let same = match given {
                Value::Null => o.invoice_id.is_none(),
                Value::String(t) => o.invoice_id.is_some_and(|id| id.is_spelled(t)),
                _ => false,
            };
            if !same {
                issue(
                    &mut issues,
                    "invoice_id",
                    IssueCode::FieldNotEditable,
                    "invoice_id is filled in by Metronome and cannot be edited",
                );
            }
        }
        let timestamp = match orig {
            Some(o) => keep_or(
                &mut issues,
                "timestamp",
                &d.timestamp,
                o.timestamp,
                |r, v, p| r.instant(v, p),
            ),
            None => need(&mut issues, "timestamp", &d.timestamp, |r, v, p| {
                r.instant(v, p)
            }),
        };
        // Pricing as the original holds it is no change, even where its stored amount is not
        // exactly quantity × unit_price (rounded or computed in floating point by the server):
        // the rules judge the edit, not the commit's past.
        // A negative value the server holds, left as it is, counts as kept too.
        let as_drafted =
            |r: &mut Reader<'_>, v: &Value<'_>, p: &Path<'_>| r.amount_as_drafted(v, p);
        let kept = orig.filter(|o| {
            holds_original(&d.amount, o.amount, &as_drafted)
                && holds_original(&d.quantity, o.quantity, &as_drafted)
                && holds_original(&d.unit_price, o.unit_price, &as_drafted)
        });
        let mut price = match kept {
            Some(o) => Some(Pricing::QuantityPrice(o.quantity, o.unit_price)),
            None => pricing(d, &mut issues),
        };
        // The stored amount is the server's product of these quantity and unit_price; a new
        // amount beside them unchanged cannot be sent (it would be dropped without a word).
        if let (Some(o), Some(Pricing::QuantityPrice(q, p)), Field::Set(a)) =
            (orig, price, &d.amount)
        {
            if q == o.quantity && p == o.unit_price && *a != o.amount {
                issue(
                    &mut issues,
                    "amount",
                    IssueCode::PricingMismatch,
                    format!(
                        "the server holds amount {} for quantity {q} × unit_price {p}: to make it {a}, change or clear quantity and unit_price",
                        o.amount
                    ),
                );
                price = None;
            }
        }
        let resolved = match (kept, price.map(Pricing::resolve)) {
            (Some(o), _) => Some((o.amount, o.quantity, o.unit_price)),
            (None, Some(None)) => {
                issue(
                    &mut issues,
                    "",
                    IssueCode::NumberOutOfRange,
                    PRODUCT_NOT_EXACT,
                );
                None
            }
            (None, Some(r)) => r,
            (None, None) => None,
        };
        let moved = match (orig, timestamp) {
            (Some(o), Some(t)) => t != o.timestamp,
            _ => true,
        };
        if let (Some(t), true, false) = (timestamp, moved, unknown) {
            if !t.is_hour_aligned() {
                issue(
                    &mut issues,
                    "timestamp",
                    IssueCode::InvoiceNotHourAligned,
                    format!("{t} is not on the hour (UTC)"),
                );
            }
            if let Some(now) = cx.now.filter(|now| t <= *now) {
                issue(
                    &mut issues,
                    "timestamp",
                    IssueCode::InvoiceInPast,
                    format!("{t} is not after now ({now}): its invoice will finalize at once"),
                );
            }
        }
        let diff = match (orig, timestamp, price, resolved) {
            _ if unknown => Diff::Unchanged,
            (None, Some(timestamp), Some(p), Some(_)) => Diff::Added(match p {
                Pricing::Amount(a) => InvoiceAdd {
                    timestamp,
                    amount: Some(a),
                    quantity: None,
                    unit_price: None,
                },
                Pricing::QuantityPrice(q, u) => InvoiceAdd {
                    timestamp,
                    amount: None,
                    quantity: Some(q),
                    unit_price: Some(u),
                },
            }),
            (Some(o), Some(t), Some(p), Some((amount, quantity, unit_price))) => {
                let mut u = InvoiceUpdate {
                    id: o.id,
                    timestamp: None,
                    amount: None,
                    quantity: None,
                    unit_price: None,
                };
                let mut changes = Vec::new();
                if moved {
                    u.timestamp = Some(t);
                    changes.push(FieldChange {
                        field: "timestamp",
                        before: Val::Instant(o.timestamp),
                        after: Val::Instant(t),
                    });
                }
                let repriced = match p {
                    Pricing::Amount(a) => {
                        let differs =
                            (amount, quantity, unit_price) != (o.amount, o.quantity, o.unit_price);
                        if differs {
                            u.amount = Some(a);
                        }
                        differs
                    }
                    Pricing::QuantityPrice(q, pr) => {
                        // R6: quantity and unit_price travel together.
                        let differs = q != o.quantity || pr != o.unit_price;
                        if differs {
                            u.quantity = Some(q);
                            u.unit_price = Some(pr);
                        }
                        differs
                    }
                };
                if repriced {
                    for (field, before, after) in [
                        ("amount", o.amount, amount),
                        ("quantity", o.quantity, quantity),
                        ("unit_price", o.unit_price, unit_price),
                    ] {
                        if before != after {
                            changes.push(FieldChange {
                                field,
                                before: Val::Decimal(before),
                                after: Val::Decimal(after),
                            });
                        }
                    }
                }
                if changes.is_empty() && !repriced && !moved {
                    Diff::Unchanged
                } else {
                    Diff::Updated(u, changes)
                }
            }
            _ => Diff::Unchanged,
        };
        // A FINALIZED item is locked whatever the edit does to it, valid or not.
        let attempted = matches!(diff, Diff::Updated(..))
            || issues
                .iter()
                .any(|i| i.code.severity() == crate::issue::Severity::Error);
        if let (Some(o), true) = (orig, attempted) {
            if cx.status(o.invoice_id) == Some(InvoiceStatus::Finalized) {
                issue(
                    &mut issues,
                    "",
                    IssueCode::InvoiceItemFinalized,
                    format!(
                        "invoice item {} is on a FINALIZED invoice and cannot be updated",
                        o.id
                    ),
                );
            }
        }
        ItemEval {
            issues,
            diff,
            amount: if unknown { None } else { resolved.map(|r| r.0) },
            range: None,
        }
    }
}

pub fn add_pricing(a: &InvoiceAdd) -> Option<Pricing> {
    match (a.amount, a.quantity, a.unit_price) {
        (_, Some(q), Some(p)) => Some(Pricing::QuantityPrice(q, p)),
        (Some(a), _, _) => Some(Pricing::Amount(a)),
        _ => None,
    }
}

pub fn update_pricing(u: &InvoiceUpdate) -> Option<Pricing> {
    match (u.amount, u.quantity, u.unit_price) {
        (_, Some(q), Some(p)) => Some(Pricing::QuantityPrice(q, p)),
        (Some(a), _, _) => Some(Pricing::Amount(a)),
        _ => None,
    }
}
