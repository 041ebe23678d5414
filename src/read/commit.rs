//! Reading a Commit as list-commits returns it. Unknown keys are ignored; a field that cannot be
//! read is reported and left out (or, for required fields, given a placeholder) so that planning
//! can still go on and show every problem at once.

use super::Reader;
use crate::json::{Path, Value};
use crate::model::*;
use crate::values::{Decimal, Id, Instant};

pub fn read_commit(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Commit {
    let _ = r.expect_object(v, path);
    Commit {
        id: r
            .req(v, "id", path, Reader::id)
            .unwrap_or(Id::placeholder(0)),
        commit_type: r
            .req(v, "type", path, Reader::named)
            .unwrap_or(CommitType::Prepaid),
        product: r
            .req(v, "product", path, |r, p, path| {
                r.expect_object(p, path).then_some(())?;
                Some(Product {
                    id: r.req(p, "id", path, Reader::id)?,
                    name: r.opt(p, "name", path, Reader::string).unwrap_or_default(),
                })
            })
            .unwrap_or(Product {
                id: Id::placeholder(0),
                name: String::new(),
            }),
        created_at: r
            .opt(v, "created_at", path, Reader::instant)
            .unwrap_or(EPOCH),
        created_by: r.opt(v, "created_by", path, Reader::string),
        name: r.opt(v, "name", path, Reader::string),
        description: r.opt(v, "description", path, Reader::string),
        priority: r.opt(v, "priority", path, Reader::decimal),
        rate_type: r.opt(v, "rate_type", path, Reader::named),
        access_schedule: r.opt(v, "access_schedule", path, read_access_schedule),
        invoice_schedule: r.opt(v, "invoice_schedule", path, read_invoice_schedule),
        invoice_contract: r.opt(v, "invoice_contract", path, read_id_ref),
        contract: r.opt(v, "contract", path, read_id_ref),
        applicable_product_ids: r.opt(v, "applicable_product_ids", path, |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        applicable_product_tags: r.opt(v, "applicable_product_tags", path, |r, v, p| {
            r.list(v, p, Reader::string)
        }),
        applicable_contract_ids: r.opt(v, "applicable_contract_ids", path, |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        specifiers: r.opt(v, "specifiers", path, |r, v, p| {
            r.list(v, p, read_specifier)
        }),
        rollover_fraction: r.opt(v, "rollover_fraction", path, Reader::decimal),
        rolled_over_from: r.opt(v, "rolled_over_from", path, |r, v, p| {
            r.expect_object(v, p).then_some(())?;
            Some(RolledOverFrom {
                commit_id: r.req(v, "commit_id", p, Reader::id)?,
                contract_id: r.req(v, "contract_id", p, Reader::id)?,
            })
        }),
        recurring_commit_id: r.opt(v, "recurring_commit_id", path, Reader::id),
        subscription_config: r.opt(v, "subscription_config", path, |r, v, p| {
            Some(SubscriptionConfig {
                subscription_id: r.opt(v, "subscription_id", p, Reader::id),
                allocation: r.opt(v, "allocation", p, Reader::string),
                apply_seat_increase_config: r.opt(v, "apply_seat_increase_config", p, |r, v, p| {
                    Some(SeatIncreaseConfig {
                        is_prorated: r.req(v, "is_prorated", p, Reader::boolean)?,
                    })
                }),
            })
        }),
        hierarchy_configuration: r.opt(v, "hierarchy_configuration", path, read_hierarchy),
        custom_fields: r.opt(v, "custom_fields", path, Reader::string_map),
        uniqueness_key: r.opt(v, "uniqueness_key", path, Reader::string),
        archived_at: r.opt(v, "archived_at", path, Reader::instant),
        balance: r.opt(v, "balance", path, Reader::server_number),
        ledger: r.opt(v, "ledger", path, |r, v, p| {
            r.list(v, p, |r, e, p| Some(read_ledger_entry(r, e, p)))
                .map(|l| l.into_iter().flatten().collect())
        }),
        amount: r.opt(v, "amount", path, Reader::server_number),
        netsuite_sales_order_id: r.opt(v, "netsuite_sales_order_id", path, Reader::string),
        salesforce_opportunity_id: r.opt(v, "salesforce_opportunity_id", path, Reader::string),
        spend_tracker_attributes: r.opt(v, "spend_tracker_attributes", path, |r, v, p| {
            r.expect_object(v, p).then_some(())?;
            Some(SpendTrackerAttributes {
                counts_as_discounted: r.req(v, "counts_as_discounted", p, Reader::boolean)?,
            })
        }),
        cost_basis: r.opt(v, "cost_basis", path, Reader::decimal),
    }
}

const EPOCH: Instant = Instant::EPOCH;

pub fn read_id_ref(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<IdRef> {
    r.expect_object(v, path).then_some(())?;
    Some(IdRef {
        id: r.req(v, "id", path, Reader::id)?,
    })
}

pub fn read_credit_type(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<CreditType> {
    r.expect_object(v, path).then_some(())?;
    Some(CreditType {
        id: r.req(v, "id", path, Reader::id)?,
        name: r.opt(v, "name", path, Reader::string).unwrap_or_default(),
    })
}

fn read_access_schedule(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
) -> Option<AccessSchedule> {
    r.expect_object(v, path).then_some(())?;
    Some(AccessSchedule {
        credit_type: r.opt(v, "credit_type", path, read_credit_type),
        schedule_items: r
            .opt(v, "schedule_items", path, |r, v, p| {
                r.list_readable(v, p, |r, item, p| {
                    r.expect_object(item, p).then_some(())?;
                    Some(AccessItem {
                        id: r.req(item, "id", p, Reader::id)?,
                        amount: r.req(item, "amount", p, Reader::decimal)?,
                        starting_at: r.req(item, "starting_at", p, Reader::instant)?,
                        ending_before: r.req(item, "ending_before", p, Reader::instant)?,
                    })
                })
            })
            .unwrap_or_default(),
    })
}

fn read_invoice_schedule(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
) -> Option<InvoiceSchedule> {
    r.expect_object(v, path).then_some(())?;
    Some(InvoiceSchedule {
        credit_type: r.opt(v, "credit_type", path, read_credit_type),
        do_not_invoice: r.opt(v, "do_not_invoice", path, Reader::boolean),
        schedule_items: r.opt(v, "schedule_items", path, |r, v, p| {
            r.list_readable(v, p, |r, item, p| {
                r.expect_object(item, p).then_some(())?;
                Some(InvoiceItem {
                    id: r.req(item, "id", p, Reader::id)?,
                    amount: r.req(item, "amount", p, Reader::decimal)?,
                    unit_price: r.req(item, "unit_price", p, Reader::decimal)?,
                    quantity: r.req(item, "quantity", p, Reader::decimal)?,
                    timestamp: r.req(item, "timestamp", p, Reader::instant)?,
                    invoice_id: r.opt(item, "invoice_id", p, Reader::id),
                })
            })
        }),
    })
}

pub fn read_specifier(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<Specifier> {
    r.expect_object(v, path).then_some(())?;
    // Every part is read (so each reports its issue) before any failure fails the specifier.
    let tags = |r: &mut Reader<'_>, v: &Value<'_>, p: &Path<'_>| r.list(v, p, Reader::string);
    let product_id = r.optional(v, "product_id", path, Reader::id);
    let product_tags = r.optional(v, "product_tags", path, tags);
    let pricing = r.optional(v, "pricing_group_values", path, Reader::string_map);
    let presentation = r.optional(v, "presentation_group_values", path, Reader::string_map);
    let exclude = r.optional(v, "exclude", path, |r, v, p| {
        r.list(v, p, |r, e, p| {
            r.expect_object(e, p).then_some(())?;
            Some(ExcludeSpecifier {
                product_tags: r.optional(e, "product_tags", p, tags)?,
            })
        })
    });
    Some(Specifier {
        product_id: product_id?,
        product_tags: product_tags?,
        pricing_group_values: pricing?,
        presentation_group_values: presentation?,
        exclude: exclude?,
    })
}

pub fn read_hierarchy(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
) -> Option<HierarchyConfiguration> {
    r.expect_object(v, path).then_some(())?;
    let child_access = r.req(v, "child_access", path, |r, ca, p| {
        r.expect_object(ca, p).then_some(())?;
        const KINDS: [&str; 3] = ["ALL", "NONE", "CONTRACT_IDS"];
        let kind = r.req(ca, "type", p, |r, t, p| {
            r.one_of(t, p, KINDS.len(), &|k| KINDS[k])
        })?;
        Some(match kind {
            0 => ChildAccess::All,
            1 => ChildAccess::None,
            _ => {
                let ids = r.req(ca, "contract_ids", p, |r, v, p| r.list(v, p, Reader::id))?;
                if ids.is_empty() {
                    r.report(
                        crate::issue::IssueCode::ContractIdsEmpty,
                        &p.key("contract_ids"),
                        "contract_ids needs at least one id",
                    );
                    return None;
                }
                ChildAccess::ContractIds { contract_ids: ids }
            }
        })
    })?;
    Some(HierarchyConfiguration { child_access })
}

/// One ledger entry: a known type read whole (`None`, reported, when it cannot be), any other
/// kept as it came.
fn read_ledger_entry(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<LedgerItem> {
    r.expect_object(v, path).then_some(())?;
    let kind = v.get("type").and_then(Value::as_str).unwrap_or_default();
    // Read for a known type only: an unknown one's shape is not checked.
    let plain = |r: &mut Reader<'_>| {
        Some(PlainEntry {
            timestamp: r.req(v, "timestamp", path, Reader::instant)?,
            amount: r.req(v, "amount", path, Reader::server_number)?,
        })
    };
    let segment = |r: &mut Reader<'_>| {
        let PlainEntry { timestamp, amount } = plain(r)?;
        Some(SegmentEntry {
            timestamp,
            amount,
            segment_id: r.req(v, "segment_id", path, Reader::id)?,
        })
    };
    let invoice_segment = |r: &mut Reader<'_>| {
        let PlainEntry { timestamp, amount } = plain(r)?;
        Some(InvoiceSegmentEntry {
            timestamp,
            amount,
            segment_id: r.req(v, "segment_id", path, Reader::id)?,
            invoice_id: r.req(v, "invoice_id", path, Reader::id)?,
            contract_id: r.opt(v, "contract_id", path, Reader::id),
        })
    };
    let rollover = |r: &mut Reader<'_>| {
        let PlainEntry { timestamp, amount } = plain(r)?;
        Some(RolloverEntry {
            timestamp,
            amount,
            segment_id: r.req(v, "segment_id", path, Reader::id)?,
            new_contract_id: r.req(v, "new_contract_id", path, Reader::id)?,
        })
    };
    let manual = |r: &mut Reader<'_>| {
        let PlainEntry { timestamp, amount } = plain(r)?;
        Some(ManualEntry {
            timestamp,
            amount,
            reason: r.req(v, "reason", path, Reader::string)?,
        })
    };
    use LedgerEntry::*;
    Some(LedgerItem::Known(match kind {
        "PREPAID_COMMIT_SEGMENT_START" => PrepaidSegmentStart(segment(r)?),
        "PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION" => {
            PrepaidAutomatedInvoiceDeduction(invoice_segment(r)?)
        }
        "PREPAID_COMMIT_ROLLOVER" => PrepaidRollover(rollover(r)?),
        "PREPAID_COMMIT_EXPIRATION" => PrepaidExpiration(segment(r)?),
        "PREPAID_COMMIT_CANCELED" => PrepaidCanceled(invoice_segment(r)?),
        "PREPAID_COMMIT_CREDITED" => PrepaidCredited(invoice_segment(r)?),
        "PREPAID_COMMIT_SEAT_BASED_ADJUSTMENT" => PrepaidSeatBasedAdjustment(segment(r)?),
        "PREPAID_COMMIT_MANUAL" => PrepaidManual(manual(r)?),
        "POSTPAID_COMMIT_INITIAL_BALANCE" => PostpaidInitialBalance(plain(r)?),
        "POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION" => {
            PostpaidAutomatedInvoiceDeduction(invoice_segment(r)?)
        }
        "POSTPAID_COMMIT_ROLLOVER" => PostpaidRollover(rollover(r)?),
        "POSTPAID_COMMIT_TRUEUP" => {
            let PlainEntry { timestamp, amount } = plain(r)?;
            PostpaidTrueup(InvoiceEntry {
                timestamp,
                amount,
                invoice_id: r.req(v, "invoice_id", path, Reader::id)?,
                contract_id: r.opt(v, "contract_id", path, Reader::id),
            })
        }
        "POSTPAID_COMMIT_MANUAL" => PostpaidManual(manual(r)?),
        "POSTPAID_COMMIT_EXPIRATION" => PostpaidExpiration(plain(r)?),
        _ => {
            let id_at = |key| v.get(key).and_then(Value::as_str).and_then(Id::parse);
            let amount = match v.get("amount") {
                Some(Value::Number(n)) => Decimal::parse(n).ok(),
                _ => None,
            };
            return Some(LedgerItem::Other(OtherEntry {
                raw: v.clone().into_owned(),
                amount,
                segment_id: id_at("segment_id"),
                invoice_id: id_at("invoice_id"),
            }));
        }
    }))
}
