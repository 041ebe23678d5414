//! Reading an edit body (for applyEdit), in either enum case, with paths for whatever is wrong.

use super::commit::{read_hierarchy, read_specifier};
use super::Reader;
use crate::json::{Path, Value};
use crate::model::*;

pub fn read_edit_payload(r: &mut Reader<'_>, v: &Value<'_>) -> Option<EditCommitPayload> {
    let root = Path::Root;
    r.expect_object(v, &root).then_some(())?;
    // Read strictly: the schema takes null only for the lists and `priority` (read with `patch`,
    // to clear them); `opt` and `optional` refuse it everywhere else.
    let customer_id = r.req(v, "customer_id", &root, Reader::id);
    let commit_id = r.req(v, "commit_id", &root, Reader::id);
    let p = EditCommitPayload {
        customer_id: customer_id?,
        commit_id: commit_id?,
        name: r.opt(v, "name", &root, Reader::string),
        description: r.opt(v, "description", &root, Reader::string),
        product_id: r.opt(v, "product_id", &root, Reader::id),
        invoice_contract_id: r.opt(v, "invoice_contract_id", &root, Reader::id),
        priority: patch(r, v, "priority", Reader::decimal),
        rate_type: r.opt(v, "rate_type", &root, Reader::named),
        applicable_product_ids: patch(r, v, "applicable_product_ids", |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        applicable_product_tags: patch(r, v, "applicable_product_tags", |r, v, p| {
            r.list(v, p, Reader::string)
        }),
        applicable_contract_ids: patch(r, v, "applicable_contract_ids", |r, v, p| {
            r.list(v, p, Reader::id)
        }),
        specifiers: patch(r, v, "specifiers", |r, v, p| r.list(v, p, read_specifier)),
        hierarchy_configuration: r.opt(v, "hierarchy_configuration", &root, read_hierarchy),
        access_schedule: r.opt(v, "access_schedule", &root, |r, s, p| {
            r.expect_object(s, p).then_some(())?;
            Some(AccessScheduleEdit {
                add_schedule_items: list(r, s, "add_schedule_items", p, |r, i, p| {
                    Some(AccessAdd {
                        amount: r.req(i, "amount", p, Reader::amount)?,
                        starting_at: r.req(i, "starting_at", p, Reader::instant)?,
                        ending_before: r.req(i, "ending_before", p, Reader::instant)?,
                    })
                })?,
                update_schedule_items: list(r, s, "update_schedule_items", p, |r, i, p| {
                    Some(AccessUpdate {
                        id: r.req(i, "id", p, Reader::id)?,
                        amount: r.opt(i, "amount", p, Reader::amount),
                        starting_at: r.opt(i, "starting_at", p, Reader::instant),
                        ending_before: r.opt(i, "ending_before", p, Reader::instant),
                    })
                })?,
                remove_schedule_items: list(r, s, "remove_schedule_items", p, read_id_only)?,
            })
        }),
        invoice_schedule: r.opt(v, "invoice_schedule", &root, |r, s, p| {
            r.expect_object(s, p).then_some(())?;
            Some(InvoiceScheduleEdit {
                add_schedule_items: list(r, s, "add_schedule_items", p, |r, i, p| {
                    Some(InvoiceAdd {
                        timestamp: r.req(i, "timestamp", p, Reader::instant)?,
                        amount: r.opt(i, "amount", p, Reader::amount),
                        quantity: r.opt(i, "quantity", p, Reader::amount),
                        unit_price: r.opt(i, "unit_price", p, Reader::amount),
                    })
                })?,
                update_schedule_items: list(r, s, "update_schedule_items", p, |r, i, p| {
                    Some(InvoiceUpdate {
                        id: r.req(i, "id", p, Reader::id)?,
                        timestamp: r.opt(i, "timestamp", p, Reader::instant),
                        amount: r.opt(i, "amount", p, Reader::amount),
                        quantity: r.opt(i, "quantity", p, Reader::amount),
                        unit_price: r.opt(i, "unit_price", p, Reader::amount),
                    })
                })?,
                remove_schedule_items: list(r, s, "remove_schedule_items", p, read_id_only)?,
            })
        }),
    };
    (!r.issues.has_errors()).then_some(p)
}

fn read_id_only(r: &mut Reader<'_>, v: &Value<'_>, p: &Path<'_>) -> Option<IdOnly> {
    Some(IdOnly {
        id: r.req(v, "id", p, Reader::id)?,
    })
}

fn patch<'i, T>(
    r: &mut Reader<'i>,
    v: &Value<'_>,
    key: &str,
    read: impl FnOnce(&mut Reader<'i>, &Value<'_>, &Path<'_>) -> Option<T>,
) -> Patch<T> {
    match v.get(key) {
        None => Patch::Keep,
        Some(Value::Null) => Patch::Clear,
        Some(x) => read(r, x, &Path::Root.key(key)).map_or(Patch::Keep, Patch::Set),
    }
}

fn list<'i, T>(
    r: &mut Reader<'i>,
    v: &Value<'_>,
    key: &str,
    path: &Path<'_>,
    element: impl FnMut(&mut Reader<'i>, &Value<'_>, &Path<'_>) -> Option<T>,
) -> Option<Vec<T>> {
    r.optional(v, key, path, |r, x, p| r.list(x, p, element))
        .map(Option::unwrap_or_default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Issues;
    use crate::json::parse;

    /// What the schema takes is still read: `null` for the lists and `priority`, and each enum
    /// value in upper or in lower case.
    #[test]
    fn reads_the_schemas_own_spellings() {
        let v = parse(
            r#"{"customer_id":"4c91c473-fc12-445a-9c38-40421d47023f",
                "commit_id":"62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35","priority":null,
                "applicable_product_ids":null,"applicable_product_tags":null,"specifiers":null,
                "rate_type":"list_rate","hierarchy_configuration":{"child_access":{"type":"contract_ids",
                "contract_ids":["d7abd0cd-4ae9-4db7-8676-e986a4ebd8dc"]}},
                "invoice_schedule":{"add_schedule_items":[{"timestamp":"2027-01-01T00:00:00Z","amount":5}]}}"#,
        )
        .unwrap();
        let mut issues = Issues::default();
        let p = read_edit_payload(&mut Reader::for_body(&mut issues), &v);
        assert!(issues.0.is_empty(), "{:?}", issues.0);
        let p = p.unwrap();
        assert_eq!(p.rate_type, Some(RateType::ListRate));
        assert!(matches!(p.priority, Patch::Clear));
        assert!(matches!(p.specifiers, Patch::Clear));
    }
}
