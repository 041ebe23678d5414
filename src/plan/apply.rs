//! applyEdit: what the server holds after an edit body is applied to a commit.

use super::edit::access::Access;
use super::edit::invoice::{add_pricing, update_pricing};
use crate::fast_hash::{FastMap, FastSet};
use crate::model::*;
use crate::values::{Decimal, Id, Instant, ServerNumber};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyError {
    pub path: String,
    pub message: String,
}

fn fail<T>(path: String, message: String) -> Result<T, ApplyError> {
    Err(ApplyError { path, message })
}

/// Applies `payload` to `original`. New items get placeholder ids (`00000000-0000-0000-…`), as the
/// server's are not known yet; items are kept in time order, as list-commits returns them. A body
/// the endpoint would refuse is an error, rules included (R1, R6, R7, R12, R14, R24).
pub fn apply_edit(original: &Commit, p: &EditCommitPayload) -> Result<Commit, ApplyError> {
    apply(original, p, Judge::Rules)
}

/// The commit as an edit drafted it, errors included: what planEdit's `preview` shows beside its
/// issues. The rules are not judged: a range that ends before it starts is shown as typed, an item
/// the draft repeats takes its last update (R24). (planEdit sends only prices that are exactly
/// JavaScript numbers; another would leave an updated item's price as it was, and an added item
/// out.)
pub fn apply_as_drafted(original: &Commit, p: &EditCommitPayload) -> Result<Commit, ApplyError> {
    apply(original, p, Judge::Nothing)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Judge {
    Rules,
    Nothing,
}

fn apply(original: &Commit, p: &EditCommitPayload, judge: Judge) -> Result<Commit, ApplyError> {
    let rules = judge == Judge::Rules;
    if rules && original.rolled_over_from.is_some() {
        return fail(
            "/commit_id".into(),
            format!(
                "commit {} is a rollover commit (rolled_over_from is set) and cannot be edited (R12)",
                original.id
            ),
        );
    }
    if p.commit_id != original.id {
        return fail(
            "/commit_id".into(),
            format!(
                "the payload edits commit {}, not {}",
                p.commit_id, original.id
            ),
        );
    }
    let mut c = original.clone();
    if let Some(n) = &p.name {
        c.name = Some(n.clone());
    }
    if let Some(d) = &p.description {
        c.description = Some(d.clone());
    }
    if let Some(id) = p.product_id {
        if id != c.product.id {
            // The new product's name is not known until the server answers.
            c.product = Product {
                id,
                name: String::new(),
            };
        }
    }
    if let Some(id) = p.invoice_contract_id {
        c.invoice_contract = Some(IdRef { id });
    }
    patch(&mut c.priority, &p.priority);
    if let Some(r) = p.rate_type {
        c.rate_type = Some(r);
    }
    patch(&mut c.applicable_product_ids, &p.applicable_product_ids);
    patch(&mut c.applicable_product_tags, &p.applicable_product_tags);
    patch(&mut c.applicable_contract_ids, &p.applicable_contract_ids);
    patch(&mut c.specifiers, &p.specifiers);
    if let Some(h) = &p.hierarchy_configuration {
        c.hierarchy_configuration = Some(h.clone());
    }
    if rules {
        targeting_agrees(&c, p)?;
    }
    if rules
        && !p.applicable_contract_ids.is_keep()
        && (original.commit_type == CommitType::Postpaid || original.contract.is_some())
    {
        return fail(
            "/applicable_contract_ids".into(),
            "applicable_contract_ids cannot change on a POSTPAID or a contract-level commit (R14)"
                .into(),
        );
    }
    let mut new_id = NewIds::avoiding(&c);
    if let Some(edit) = &p.access_schedule {
        let postpaid = c.commit_type == CommitType::Postpaid;
        let schedule = c.access_schedule.get_or_insert_with(|| AccessSchedule {
            credit_type: None,
            schedule_items: Vec::new(),
        });
        let items = &mut schedule.schedule_items;
        // A POSTPAID commit's initial balance follows its commitment (see `settle_ledger`).
        let granted_before = postpaid.then(|| granted(items)).flatten();
        let removed = ids_to_remove(
            items.iter().map(|i| i.id),
            &edit.remove_schedule_items,
            "/access_schedule/remove_schedule_items",
        )?;
        let updated = edit.update_schedule_items.iter().map(|u| u.id);
        if rules {
            once_each(updated, &removed, "/access_schedule/update_schedule_items")?;
        }
        let places = places(items.iter().map(|i| i.id));
        for (n, u) in edit.update_schedule_items.iter().enumerate() {
            let path = format!("/access_schedule/update_schedule_items/{n}");
            let Some(item) = places.get(&u.id).map(|&k| &mut items[k]) else {
                return fail(format!("{path}/id"), format!("no access segment {}", u.id));
            };
            Access::apply_update(item, u);
            if rules && (u.starting_at.is_some() || u.ending_before.is_some()) {
                in_order(item.starting_at, item.ending_before, &path)?;
            }
        }
        items.retain(|i| !removed.contains(&i.id));
        for (n, a) in edit.add_schedule_items.iter().enumerate() {
            let path = format!("/access_schedule/add_schedule_items/{n}");
            if rules {
                in_order(a.starting_at, a.ending_before, &path)?;
            }
            items.push(Access::from_add(new_id.next(), a));
        }
        crate::sort::sort_by_key(items, |i| (i.starting_at, i.ending_before));
        let commitment = granted_before.zip(granted(items));
        settle_ledger(&mut c, &edit.update_schedule_items, &removed, commitment);
    }
    if let Some(edit) = &p.invoice_schedule {
        let schedule = c.invoice_schedule.get_or_insert_with(|| InvoiceSchedule {
            credit_type: None,
            do_not_invoice: None,
            schedule_items: None,
        });
        let items = schedule.schedule_items.get_or_insert_with(Vec::new);
        let removed = ids_to_remove(
            items.iter().map(|i| i.id),
            &edit.remove_schedule_items,
            "/invoice_schedule/remove_schedule_items",
        )?;
        let updated = edit.update_schedule_items.iter().map(|u| u.id);
        if rules {
            once_each(updated, &removed, "/invoice_schedule/update_schedule_items")?;
        }
        let places = places(items.iter().map(|i| i.id));
        for (n, u) in edit.update_schedule_items.iter().enumerate() {
            let path = format!("/invoice_schedule/update_schedule_items/{n}");
            let Some(item) = places.get(&u.id).map(|&k| &mut items[k]) else {
                return fail(format!("{path}/id"), format!("no invoice item {}", u.id));
            };
            if let Some(t) = u.timestamp {
                item.timestamp = t;
            }
            agrees(u.amount, u.quantity, u.unit_price, &path)?;
            if let Some(price) = update_pricing(u) {
                match price.exactly() {
                    Ok(exact) => (item.amount, item.quantity, item.unit_price) = exact,
                    Err(why) if rules => return fail(path, why),
                    Err(_) => {}
                }
            }
        }
        items.retain(|i| !removed.contains(&i.id));
        for (n, a) in edit.add_schedule_items.iter().enumerate() {
            let path = format!("/invoice_schedule/add_schedule_items/{n}");
            agrees(a.amount, a.quantity, a.unit_price, &path)?;
            let Some(price) = add_pricing(a) else {
                return fail(path, "give amount, or quantity with unit_price (R6)".into());
            };
            let (amount, quantity, unit_price) = match price.exactly() {
                Ok(exact) => exact,
                Err(why) if rules => return fail(path, why),
                Err(_) => continue,
            };
            items.push(InvoiceItem {
                id: new_id.next(),
                amount,
                quantity,
                unit_price,
                timestamp: a.timestamp,
                invoice_id: None,
            });
        }
        crate::sort::sort_by_key(items, |i| i.timestamp);
    }
    Ok(c)
}

/// The ledger and balance after the access schedule's edit (or end date): entries of removed
/// segments go with them (R10), a segment's start entry grants its new amount, and the balance (the
/// ledger's sum, clamped at 0) moves by what the ledger moved. A segment that expired or rolled
/// over counts 0 in the balance (reference §5): its closing entry takes a change to its amount (the
/// more it granted, the more expired), so the balance does not move for it. A balance or ledger
/// amount finer than a `Decimal` holds (see `ServerNumber`) moves nothing: the move would not be
/// exact.
///
/// A POSTPAID commit's `POSTPAID_COMMIT_INITIAL_BALANCE` is its commitment, the amount its access
/// schedule grants: when that entry holds the amount granted before the edit (`commitment`: before
/// and after, given for POSTPAID commits only), it holds the amount granted after it.
pub fn settle_ledger(
    c: &mut Commit,
    updates: &[AccessUpdate],
    removed: &FastSet<Id>,
    commitment: Option<(Decimal, Decimal)>,
) {
    let Some(ledger) = &mut c.ledger else { return };
    let closed: FastSet<Id> = ledger.iter().filter_map(closed_segment).collect();
    let counted = |e: &&LedgerItem| e.segment_id().map_or(true, |s| !closed.contains(&s));
    let before = ledger_sum(ledger.iter().filter(counted));
    ledger.retain(|e| e.segment_id().map_or(true, |s| !removed.contains(&s)));
    let amounts: FastMap<Id, Decimal> = updates
        .iter()
        .filter_map(|u| Some((u.id, u.amount?)))
        .collect();
    let mut granted_more: FastMap<Id, Decimal> = FastMap::default();
    for entry in ledger.iter_mut() {
        if let LedgerItem::Known(LedgerEntry::PrepaidSegmentStart(start)) = entry {
            if let Some(a) = amounts.get(&start.segment_id) {
                if let Some(more) = start.amount.exact().and_then(|was| a.checked_sub(was)) {
                    granted_more.insert(start.segment_id, more);
                }
                start.amount = ServerNumber::Exact(*a);
            }
        }
    }
    if let Some((was, now)) = commitment {
        for entry in ledger.iter_mut() {
            if let LedgerItem::Known(LedgerEntry::PostpaidInitialBalance(e)) = entry {
                if e.amount.exact() == Some(was) {
                    e.amount = ServerNumber::Exact(now);
                }
            }
        }
    }
    for entry in ledger.iter_mut() {
        if let Some((segment, amount)) = closing_amount(entry) {
            if let Some(more) = granted_more.remove(&segment) {
                // What expired (a negative amount) grows with the grant; never past 0.
                let next = amount.exact().and_then(|a| a.checked_sub(more));
                if let Some(next) = next {
                    *amount = ServerNumber::Exact(if next.is_negative() {
                        next
                    } else {
                        Decimal::ZERO
                    });
                }
            }
        }
    }
    let moved = before
        .zip(ledger_sum(ledger.iter().filter(counted)))
        .and_then(|(b, a)| a.checked_sub(b));
    let balance = c.balance.as_ref().and_then(ServerNumber::exact);
    if let (Some(balance), Some(moved)) = (balance, moved) {
        if !moved.is_zero() {
            // A balance of 0 beside a negative ledger is the ledger's sum clamped: the move
            // starts from the sum, not from the clamp.
            let from = match before {
                Some(sum) if balance.is_zero() && sum.is_negative() => sum,
                _ => balance,
            };
            let next = from.checked_add(moved).unwrap_or(balance);
            let next = if next.is_negative() {
                Decimal::ZERO
            } else {
                next
            };
            c.balance = Some(ServerNumber::Exact(next));
        }
    }
}

/// What an access schedule grants in all (`None` when the sum overflows).
fn granted(items: &[AccessItem]) -> Option<Decimal> {
    items
        .iter()
        .try_fold(Decimal::ZERO, |sum, i| sum.checked_add(i.amount))
}

/// The segment an entry closes: its expiration, or its rollover into a new contract.
fn closed_segment(entry: &LedgerItem) -> Option<Id> {
    match entry {
        LedgerItem::Known(
            LedgerEntry::PrepaidExpiration(SegmentEntry { segment_id, .. })
            | LedgerEntry::PrepaidRollover(RolloverEntry { segment_id, .. }),
        ) => Some(*segment_id),
        _ => None,
    }
}

fn closing_amount(entry: &mut LedgerItem) -> Option<(Id, &mut ServerNumber)> {
    match entry {
        LedgerItem::Known(
            LedgerEntry::PrepaidExpiration(SegmentEntry {
                segment_id, amount, ..
            })
            | LedgerEntry::PrepaidRollover(RolloverEntry {
                segment_id, amount, ..
            }),
        ) => Some((*segment_id, amount)),
        _ => None,
    }
}

/// Placeholder ids for the items an edit adds: none of them one the commit already holds (an id
/// of placeholder shape is a valid UUID a commit may have).
struct NewIds {
    next: u64,
    taken: FastSet<Id>,
}

impl NewIds {
    fn avoiding(c: &Commit) -> NewIds {
        let access = c
            .access_schedule
            .iter()
            .flat_map(|s| &s.schedule_items)
            .map(|i| i.id);
        let invoice = c
            .invoice_schedule
            .iter()
            .flat_map(|s| s.schedule_items.iter().flatten())
            .map(|i| i.id);
        let taken = access.chain(invoice).filter(Id::is_placeholder).collect();
        NewIds { next: 1, taken }
    }

    fn next(&mut self) -> Id {
        loop {
            let id = Id::placeholder(self.next);
            self.next += 1;
            if !self.taken.contains(&id) {
                return id;
            }
        }
    }
}

/// Where each id first stands (an update finds its item in one lookup, not a scan).
fn places(ids: impl Iterator<Item = Id>) -> FastMap<Id, usize> {
    let mut out = FastMap::default();
    for (k, id) in ids.enumerate() {
        out.entry(id).or_insert(k);
    }
    out
}

fn ledger_sum<'a>(mut entries: impl Iterator<Item = &'a LedgerItem>) -> Option<Decimal> {
    entries.try_fold(Decimal::ZERO, |sum, e| sum.checked_add(e.amount()?))
}

/// R1 on the result, when the body changes the targeting: `specifiers` do not stand beside
/// `applicable_product_ids` or `applicable_product_tags`.
fn targeting_agrees(c: &Commit, p: &EditCommitPayload) -> Result<(), ApplyError> {
    let some = |n: Option<usize>| n.is_some_and(|n| n > 0);
    let specifiers = some(c.specifiers.as_ref().map(Vec::len));
    let listed = some(c.applicable_product_ids.as_ref().map(Vec::len))
        || some(c.applicable_product_tags.as_ref().map(Vec::len));
    if !(specifiers && listed) {
        return Ok(());
    }
    let key = if !p.specifiers.is_keep() {
        "specifiers"
    } else if !p.applicable_product_ids.is_keep() {
        "applicable_product_ids"
    } else if !p.applicable_product_tags.is_keep() {
        "applicable_product_tags"
    } else {
        return Ok(());
    };
    fail(
        format!("/{key}"),
        "specifiers cannot stand beside applicable_product_ids or applicable_product_tags (R1)"
            .into(),
    )
}

/// R24: an item is updated at most once, and not also removed.
fn once_each(
    updated: impl Iterator<Item = Id>,
    removed: &FastSet<Id>,
    path: &str,
) -> Result<(), ApplyError> {
    let mut seen = FastSet::default();
    for (n, id) in updated.enumerate() {
        if removed.contains(&id) || !seen.insert(id) {
            return fail(
                format!("{path}/{n}/id"),
                format!("item {id} is updated twice, or updated and removed (R24)"),
            );
        }
    }
    Ok(())
}

/// R7: a segment ends after it starts.
fn in_order(start: Instant, end: Instant, path: &str) -> Result<(), ApplyError> {
    if end > start {
        return Ok(());
    }
    fail(
        format!("{path}/ending_before"),
        format!("the segment would end ({end}) before it starts ({start}) (R7)"),
    )
}

/// R6: `quantity` and `unit_price` are sent together, and `amount` beside them only when it is
/// their product.
fn agrees(
    amount: Option<Decimal>,
    quantity: Option<Decimal>,
    unit_price: Option<Decimal>,
    path: &str,
) -> Result<(), ApplyError> {
    match (amount, quantity, unit_price) {
        (_, Some(_), None) | (_, None, Some(_)) => fail(
            path.into(),
            "quantity and unit_price must be sent together (R6)".into(),
        ),
        (Some(a), Some(q), Some(p)) if q.checked_mul(p) != Some(a) => fail(
            format!("{path}/amount"),
            format!("amount {a} is not quantity {q} × unit_price {p} (R6)"),
        ),
        _ => Ok(()),
    }
}

fn patch<T: Clone>(field: &mut Option<T>, p: &Patch<T>) {
    match p {
        Patch::Keep => {}
        Patch::Clear => *field = None,
        Patch::Set(v) => *field = Some(v.clone()),
    }
}

fn ids_to_remove(
    existing: impl Iterator<Item = Id>,
    remove: &[IdOnly],
    path: &str,
) -> Result<FastSet<Id>, ApplyError> {
    let existing: FastSet<Id> = existing.collect();
    let mut out = FastSet::default();
    for (n, r) in remove.iter().enumerate() {
        if !existing.contains(&r.id) {
            return fail(format!("{path}/{n}/id"), format!("no item {}", r.id));
        }
        if !out.insert(r.id) {
            return fail(
                format!("{path}/{n}/id"),
                format!("item {} is removed twice (R24)", r.id),
            );
        }
    }
    Ok(out)
}
