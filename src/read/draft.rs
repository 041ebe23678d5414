//! Reading an edited form into a [`CommitDraft`]: every key the edit can change, each kept as
//! absent, `null`, unreadable or a value.

use super::commit::{read_hierarchy, read_specifier};
use super::known_items::Reused;
use super::Reader;
use crate::json::{Path, Value};
use crate::model::*;

pub fn read_draft(r: &mut Reader<'_>, v: &Value<'_>) -> CommitDraft {
    read_draft_reusing(r, v, None)
}

/// [`read_draft`] of a draft parsed with [`Reused`] watching: the items it found stand as `null`
/// in `v` and are taken from the known ones.
pub fn read_draft_reusing(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    reused: Option<&Reused<'_>>,
) -> CommitDraft {
    let root = Path::Root;
    let mut d = CommitDraft {
        name: r.field(v, "name", &root, Reader::string),
        description: r.field(v, "description", &root, Reader::string),
        priority: r.field(v, "priority", &root, Reader::decimal),
        rate_type: r.field(v, "rate_type", &root, Reader::named),
        product: r.field(v, "product", &root, read_ref),
        invoice_contract: r.field(v, "invoice_contract", &root, read_ref),
        applicable_product_ids: r.field(v, "applicable_product_ids", &root, |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        applicable_product_tags: r.field(v, "applicable_product_tags", &root, |r, v, p| {
            r.list(v, p, Reader::string)
        }),
        applicable_contract_ids: r.field(v, "applicable_contract_ids", &root, |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        specifiers: r.field(v, "specifiers", &root, |r, v, p| {
            r.list(v, p, read_specifier)
        }),
        hierarchy_configuration: r.field(v, "hierarchy_configuration", &root, read_hierarchy),
        access_schedule: r.field(v, "access_schedule", &root, |r, v, p| {
            read_access_schedule(r, v, p, reused)
        }),
        invoice_schedule: r.field(v, "invoice_schedule", &root, |r, v, p| {
            read_invoice_schedule(r, v, p, reused)
        }),
        frozen: Default::default(),
    };
    for key in FROZEN_KEYS {
        if let Some(val) = v.get(key) {
            d.frozen.insert((*key).to_owned(), val.clone().into_owned());
        }
    }
    d
}

pub fn read_ref(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<RefDraft> {
    r.expect_object(v, path).then(|| RefDraft {
        id: r.field(v, "id", path, Reader::id),
        name: v.get("name").map(|n| n.clone().into_owned()),
    })
}

fn read_access_schedule(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
    reused: Option<&Reused<'_>>,
) -> Option<AccessScheduleDraft> {
    r.expect_object(v, path).then_some(())?;
    Some(AccessScheduleDraft {
        credit_type: v.get("credit_type").map(|c| c.clone().into_owned()),
        schedule_items: r.field(v, "schedule_items", path, |r, v, p| {
            read_items(r, v, p, |at| reused?.access(at), read_access_item)
        }),
    })
}

fn read_invoice_schedule(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
    reused: Option<&Reused<'_>>,
) -> Option<InvoiceScheduleDraft> {
    r.expect_object(v, path).then_some(())?;
    Some(InvoiceScheduleDraft {
        credit_type: v.get("credit_type").map(|c| c.clone().into_owned()),
        do_not_invoice: v.get("do_not_invoice").map(|c| c.clone().into_owned()),
        schedule_items: r.field(v, "schedule_items", path, |r, v, p| {
            read_items(r, v, p, |at| reused?.invoice(at), read_invoice_item)
        }),
    })
}

/// A schedule's items: each one the parser found among the known items is taken from there, the
/// others are read.
fn read_items<'k, T: Clone + 'k>(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
    known: impl Fn(usize) -> Option<&'k T>,
    read: fn(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> T,
) -> Option<Vec<T>> {
    let mut at = 0;
    r.list(v, path, |r, item, p| {
        at += 1;
        match known(at - 1) {
            Some(item) => Some(item.clone()),
            None => r.expect_object(item, p).then(|| read(r, item, p)),
        }
    })
}

pub fn read_access_item(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> AccessItemDraft {
    AccessItemDraft {
        id: r.field(v, "id", path, Reader::id),
        amount: r.field(v, "amount", path, Reader::amount),
        starting_at: r.field(v, "starting_at", path, Reader::instant),
        ending_before: r.field(v, "ending_before", path, Reader::instant),
    }
}

pub fn read_invoice_item(r: &mut Reader<'_>, v: &Value<'_>, path: &Path<'_>) -> InvoiceItemDraft {
    InvoiceItemDraft {
        id: r.field(v, "id", path, Reader::id),
        timestamp: r.field(v, "timestamp", path, Reader::instant),
        amount: r.field(v, "amount", path, Reader::amount),
        quantity: r.field(v, "quantity", path, Reader::amount),
        unit_price: r.field(v, "unit_price", path, Reader::amount),
        invoice_id: v.get("invoice_id").map(|i| i.clone().into_owned()),
    }
}
