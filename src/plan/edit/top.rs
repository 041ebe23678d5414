//! The commit's own fields: what changed, what may not change, and the targeting rules (R1, R14).

use super::kind::invalid_issues;
use crate::fast_hash::FastSet;
use crate::issue::{Issue, IssueCode};
use crate::json::{pointer, Json, Path, Value};
use crate::model::*;
use crate::plan::create::USD_CENTS_ID;
use crate::plan::output::{Change, Val};
use crate::read::commit::{read_hierarchy, read_specifier};
use crate::read::draft::read_ref;
use crate::read::{Field, Reader};
use crate::values::{Decimal, Id, Instant};
use std::collections::BTreeMap;

/// Raw values of the original's fields that the edit endpoint cannot change, keyed by pointer.
pub type Frozen = BTreeMap<String, Json>;

pub const SCHEDULE_FROZEN: &[(&str, &str)] = &[
    ("access_schedule", "credit_type"),
    ("invoice_schedule", "credit_type"),
    ("invoice_schedule", "do_not_invoice"),
];

pub fn frozen_of(commit: &Value<'_>) -> Frozen {
    let mut out = Frozen::new();
    for key in FROZEN_KEYS {
        if let Some(v) = commit.get(key) {
            out.insert(pointer(&[key]), v.clone().into_owned());
        }
    }
    for (section, key) in SCHEDULE_FROZEN {
        if let Some(v) = commit.get(section).and_then(|s| s.get(key)) {
            out.insert(pointer(&[section, key]), v.clone().into_owned());
        }
    }
    out
}

/// Frozen fields whose strings are free text: compared as written, never as ids or instants.
const TEXT_KEYS: &[&str] = &[
    "/custom_fields",
    "/uniqueness_key",
    "/netsuite_sales_order_id",
    "/salesforce_opportunity_id",
    "/created_by",
];

/// Whether a draft's value of a frozen field is the original's, judged by meaning: instants by
/// instant, ids and enums without regard to case, credit types by id, numbers by value (a
/// numeric string included, as a form holds it).
pub fn same_frozen(key: &str, original: Option<&Json>, draft: &Json) -> bool {
    let original = original.unwrap_or(&Value::Null);
    let text = |v: &Json| v.as_str().map(str::to_owned);
    match key {
        "/type" => text(original)
            .zip(text(draft))
            .is_some_and(|(a, b)| a.eq_ignore_ascii_case(&b)),
        // No credit type (absent or `null`) is USD (cents), the default (reference §1). A credit
        // type is its id; a name given beside it must be the one the original has.
        k if k.ends_with("/credit_type") => {
            let id = |v: &Json| match v {
                Value::Null => Id::parse(USD_CENTS_ID),
                v => v.get("id").and_then(Value::as_str).and_then(Id::parse),
            };
            let usd_name = Value::String("USD (cents)".into());
            let was = match original {
                Value::Null => Some(&usd_name),
                o => o.get("name"),
            };
            let same_name = match (was, draft.get("name")) {
                (Some(was), Some(now)) => was.same_as(now),
                _ => true,
            };
            original.same_as(draft)
                || (id(original).is_some() && id(original) == id(draft) && same_name)
        }
        // Absent and `null` are the default, `false`; a value that is no boolean is no match.
        "/invoice_schedule/do_not_invoice" => {
            let b = |v: &Json| match v {
                Value::Null => Some(false),
                Value::Bool(b) => Some(*b),
                _ => None,
            };
            // An original that is no boolean is reported as unreadable; as it was is no change.
            match b(original) {
                Some(o) => b(draft) == Some(o),
                None => original.same_as(draft),
            }
        }
        // No custom fields, spelled absent, null or `{}`.
        "/custom_fields" if is_empty_map(original) && is_empty_map(draft) => true,
        k => same_meaning(original, draft, !TEXT_KEYS.contains(&k)),
    }
}

fn is_empty_map(v: &Json) -> bool {
    match v {
        Value::Null => true,
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

/// Structural equality by meaning: numbers by value, a numeric string as its number, objects in
/// any key order; with `loose_strings`, strings that are the same UUID or the same instant too.
fn same_meaning(a: &Json, b: &Json, loose_strings: bool) -> bool {
    let number = |v: &Json| match v {
        Value::Number(n) | Value::String(n) => Decimal::parse(n).ok(),
        _ => None,
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            crate::json::value::same_entries(x, y, &|v, w| same_meaning(v, w, loose_strings))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(v, w)| same_meaning(v, w, loose_strings))
        }
        (Value::String(x), Value::String(y)) => {
            x == y
                || (loose_strings
                    && (Id::parse(x).is_some_and(|i| Id::parse(y) == Some(i))
                        || Instant::parse(x).is_ok_and(|t| Instant::parse(y) == Ok(t))))
        }
        // The same spelling is the same number, also one finer than a `Decimal` (a balance of
        // 1/300 of a cent as the server wrote it).
        (Value::Number(x), Value::Number(y)) if x == y => true,
        (Value::Number(_), _) | (_, Value::Number(_)) => {
            number(a).is_some_and(|n| number(b) == Some(n))
        }
        _ => a.same_as(b),
    }
}

#[derive(Clone)]
pub struct TopEdit {
    pub issues: Vec<Issue>,
    pub changes: Vec<Change>,
    pub payload: EditCommitPayload,
}

/// Compares the draft's own fields with the original's.
pub fn evaluate_top(
    original: &Commit,
    frozen: &Frozen,
    d: &CommitDraft,
    customer_id: Id,
) -> TopEdit {
    let mut t = TopEdit {
        issues: Vec::new(),
        changes: Vec::new(),
        payload: EditCommitPayload {
            customer_id,
            commit_id: original.id,
            name: None,
            description: None,
            product_id: None,
            invoice_contract_id: None,
            priority: Patch::Keep,
            rate_type: None,
            applicable_product_ids: Patch::Keep,
            applicable_product_tags: Patch::Keep,
            applicable_contract_ids: Patch::Keep,
            specifiers: Patch::Keep,
            hierarchy_configuration: None,
            access_schedule: None,
            invoice_schedule: None,
        },
    };
    text_field(&mut t, "name", &d.name, &original.name, |p, v| {
        p.name = Some(v)
    });
    text_field(
        &mut t,
        "description",
        &d.description,
        &original.description,
        |p, v| p.description = Some(v),
    );
    match &d.priority {
        Field::Set(v) if Some(*v) != original.priority => {
            t.payload.priority = Patch::Set(*v);
            t.changes.push(Change::updated(
                "/priority".into(),
                original.priority.map(Val::Decimal),
                Some(Val::Decimal(*v)),
            ));
        }
        Field::Null if original.priority.is_some() => {
            t.payload.priority = Patch::Clear;
            t.changes.push(Change::updated(
                "/priority".into(),
                original.priority.map(Val::Decimal),
                None,
            ));
        }
        Field::Invalid(raw) => t.invalid("priority", raw, |r, v, p| r.decimal(v, p).map(|_| ())),
        _ => {}
    }
    match &d.rate_type {
        Field::Set(v) if Some(*v) != original.rate_type => {
            t.payload.rate_type = Some(*v);
            t.changes.push(Change::updated(
                "/rate_type".into(),
                original.rate_type.map(Val::RateType),
                Some(Val::RateType(*v)),
            ));
        }
        Field::Null if original.rate_type.is_some() => t.not_clearable("/rate_type"),
        Field::Invalid(raw) => t.invalid("rate_type", raw, |r, v, p| {
            r.named::<RateType>(v, p).map(|_| ())
        }),
        _ => {}
    }
    ref_field(
        &mut t,
        "product",
        &d.product,
        Some(original.product.id),
        |p, id| p.product_id = Some(id),
    );
    // The same product under another name: the name is the server's (a new product's is ignored).
    if let Field::Set(RefDraft {
        id: Field::Set(id),
        name: Some(name),
    }) = &d.product
    {
        if *id == original.product.id && name.as_str() != Some(original.product.name.as_str()) {
            t.issues.push(Issue::new(
                IssueCode::FieldNotEditable,
                "/product/name",
                "the product's name is Metronome's: change /product/id to pick another product",
            ));
        }
    }
    ref_field(
        &mut t,
        "invoice_contract",
        &d.invoice_contract,
        original.invoice_contract.map(|c| c.id),
        |p, id| p.invoice_contract_id = Some(id),
    );
    let ids = set_field(
        &mut t,
        "applicable_product_ids",
        &d.applicable_product_ids,
        &original.applicable_product_ids,
        Val::Ids,
        |r, v, p| r.list(v, p, Reader::id).map(|_| ()),
    );
    t.payload.applicable_product_ids = ids;
    let tags = set_field(
        &mut t,
        "applicable_product_tags",
        &d.applicable_product_tags,
        &original.applicable_product_tags,
        Val::Texts,
        |r, v, p| r.list(v, p, Reader::string).map(|_| ()),
    );
    t.payload.applicable_product_tags = tags;
    let contracts = set_field(
        &mut t,
        "applicable_contract_ids",
        &d.applicable_contract_ids,
        &original.applicable_contract_ids,
        Val::Ids,
        |r, v, p| r.list(v, p, Reader::id).map(|_| ()),
    );
    if !contracts.is_keep()
        && (original.commit_type == CommitType::Postpaid || original.contract.is_some())
    {
        let why = if original.contract.is_some() {
            "a contract-level"
        } else {
            "a POSTPAID"
        };
        t.issues.push(Issue::new(
            IssueCode::ContractIdsNotEditable,
            "/applicable_contract_ids",
            format!("applicable_contract_ids cannot change on {why} commit (R14)"),
        ));
    }
    t.payload.applicable_contract_ids = contracts;
    let specs = set_field(
        &mut t,
        "specifiers",
        &d.specifiers,
        &original.specifiers,
        Val::Specifiers,
        |r, v, p| r.list(v, p, read_specifier).map(|_| ()),
    );
    if let (Patch::Set(_), Field::Set(drafted)) = (&specs, &d.specifiers) {
        unconditional_specifiers(drafted, &mut t.issues);
    }
    t.payload.specifiers = specs;
    match &d.hierarchy_configuration {
        Field::Set(h)
            if !original
                .hierarchy_configuration
                .as_ref()
                .is_some_and(|o| o.same_as(h)) =>
        {
            // Sent once each: the ids are a set (two spellings of one id are one id).
            let mut h = h.clone();
            if let ChildAccess::ContractIds { contract_ids } = &mut h.child_access {
                let mut seen = FastSet::default();
                contract_ids.retain(|id| seen.insert(*id));
            }
            t.payload.hierarchy_configuration = Some(h.clone());
            t.changes.push(Change::updated(
                "/hierarchy_configuration".into(),
                original
                    .hierarchy_configuration
                    .clone()
                    .map(|h| Val::Hierarchy(Box::new(h))),
                Some(Val::Hierarchy(Box::new(h))),
            ));
        }
        Field::Null if original.hierarchy_configuration.is_some() => {
            t.not_clearable("/hierarchy_configuration")
        }
        Field::Invalid(raw) => t.invalid("hierarchy_configuration", raw, |r, v, p| {
            read_hierarchy(r, v, p).map(|_| ())
        }),
        _ => {}
    }
    targeting_conflict(&mut t, original);
    frozen_fields(&mut t, frozen, d);
    t
}

impl TopEdit {
    fn invalid(
        &mut self,
        key: &'static str,
        raw: &Json,
        read: impl FnOnce(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<()>,
    ) {
        let mut found = crate::issue::Issues::default();
        let root = Path::Root;
        let _ = read(&mut Reader::new(&mut found), raw, &root.key(key));
        self.issues.extend(found.0);
    }

    fn not_clearable(&mut self, path: &str) {
        self.issues.push(Issue::new(
            IssueCode::FieldNotEditable,
            path,
            format!("{} cannot be cleared through an edit", &path[1..]),
        ));
    }
}

fn text_field(
    t: &mut TopEdit,
    key: &'static str,
    f: &Field<String>,
    original: &Option<String>,
    set: impl FnOnce(&mut EditCommitPayload, String),
) {
    match f {
        Field::Set(v) if Some(v) != original.as_ref() => {
            set(&mut t.payload, v.clone());
            t.changes.push(Change::updated(
                pointer(&[key]),
                original.clone().map(Val::Text),
                Some(Val::Text(v.clone())),
            ));
        }
        Field::Null if original.is_some() => t.not_clearable(&pointer(&[key])),
        Field::Invalid(raw) => t.invalid(key, raw, |r, v, p| r.string(v, p).map(|_| ())),
        _ => {}
    }
}

fn ref_field(
    t: &mut TopEdit,
    key: &'static str,
    f: &Field<RefDraft>,
    original: Option<Id>,
    set: impl FnOnce(&mut EditCommitPayload, Id),
) {
    let path = pointer(&[key, "id"]);
    match f {
        Field::Set(RefDraft {
            id: Field::Set(id), ..
        }) if Some(*id) != original => {
            set(&mut t.payload, *id);
            t.changes.push(Change::updated(
                path,
                original.map(Val::Id),
                Some(Val::Id(*id)),
            ));
        }
        Field::Set(RefDraft {
            id: Field::Invalid(raw),
            ..
        }) => {
            let mut found = Vec::new();
            invalid_issues(&mut found, "id", raw, |r, v, p| r.id(v, p).map(|_| ()));
            t.issues.extend(
                found
                    .into_iter()
                    .map(|i| Issue::new(i.code, path.clone(), i.message)),
            );
        }
        Field::Set(RefDraft {
            id: Field::Null, ..
        })
        | Field::Null
            if original.is_some() =>
        {
            t.not_clearable(&pointer(&[key]))
        }
        Field::Invalid(raw) => t.invalid(key, raw, |r, v, p| read_ref(r, v, p).map(|_| ())),
        _ => {}
    }
}

/// A list the API treats as a set: order and repeats are not changes, and an empty list is the
/// same as none (so emptying it clears it).
fn set_field<T: Clone + Ord>(
    t: &mut TopEdit,
    key: &'static str,
    f: &Field<Vec<T>>,
    original: &Option<Vec<T>>,
    view: fn(Vec<T>) -> Val,
    read: impl FnOnce(&mut Reader<'_>, &Value<'_>, &Path<'_>) -> Option<()>,
) -> Patch<Vec<T>> {
    let normal = |v: &[T]| {
        let mut s = v.to_vec();
        crate::sort::sort(&mut s);
        s.dedup();
        s
    };
    let before = original.as_deref().map(normal).unwrap_or_default();
    let after = match f {
        Field::Set(v) => normal(v),
        Field::Null => Vec::new(),
        Field::Invalid(raw) => {
            t.invalid(key, raw, read);
            return Patch::Keep;
        }
        Field::Absent => return Patch::Keep,
    };
    if before == after {
        return Patch::Keep;
    }
    let shown = |v: &[T]| (!v.is_empty()).then(|| view(v.to_vec()));
    let draft_order = match f {
        Field::Set(v) => {
            // First occurrences, found in the sorted distinct list (no set type per `T`).
            let mut seen = vec![false; after.len()];
            v.iter()
                .filter(|x| match after.binary_search(x) {
                    Ok(k) => !std::mem::replace(&mut seen[k], true),
                    Err(_) => false,
                })
                .cloned()
                .collect()
        }
        _ => Vec::new(),
    };
    t.changes.push(Change::updated(
        pointer(&[key]),
        shown(original.as_deref().unwrap_or(&[])),
        shown(&draft_order),
    ));
    if after.is_empty() {
        Patch::Clear
    } else {
        Patch::Set(draft_order)
    }
}

/// R1: specifiers cannot stand beside applicable product ids or tags, judged on the result.
fn targeting_conflict(t: &mut TopEdit, original: &Commit) {
    let p = &t.payload;
    if p.specifiers.is_keep()
        && p.applicable_product_ids.is_keep()
        && p.applicable_product_tags.is_keep()
    {
        return;
    }
    let after_len = |patch: &Patch<Vec<_>>, orig: Option<usize>| match patch {
        Patch::Keep => orig.unwrap_or(0),
        Patch::Clear => 0,
        Patch::Set(v) => v.len(),
    };
    let specs = match &p.specifiers {
        Patch::Keep => original.specifiers.as_ref().map_or(0, Vec::len),
        Patch::Clear => 0,
        Patch::Set(v) => v.len(),
    };
    let ids = after_len(
        &p.applicable_product_ids,
        original.applicable_product_ids.as_ref().map(Vec::len),
    );
    let tags = match &p.applicable_product_tags {
        Patch::Keep => original
            .applicable_product_tags
            .as_ref()
            .map_or(0, Vec::len),
        Patch::Clear => 0,
        Patch::Set(v) => v.len(),
    };
    if specs > 0 && ids + tags > 0 {
        // At the field the edit changed: product ids or tags set beside specifiers the edit left
        // alone are the ones to take back (or move into a specifier).
        let at = if !p.specifiers.is_keep() {
            "/specifiers"
        } else if ids > 0 && !p.applicable_product_ids.is_keep() {
            "/applicable_product_ids"
        } else {
            "/applicable_product_tags"
        };
        t.issues.push(Issue::new(
            IssueCode::SpecifiersConflict,
            at,
            "specifiers cannot be combined with applicable_product_ids or applicable_product_tags: put those inside a specifier (R1)",
        ));
    }
}

fn frozen_fields(t: &mut TopEdit, frozen: &Frozen, d: &CommitDraft) {
    let mut check = |path: String, draft: &Json| {
        if !same_frozen(&path, frozen.get(&path), draft) {
            t.issues.push(Issue::new(
                IssueCode::FieldNotEditable,
                path.clone(),
                format!(
                    "{} cannot be changed through POST /v2/contracts/commits/edit",
                    &path[1..]
                ),
            ));
        }
    };
    for (key, v) in &d.frozen {
        check(pointer(&[key]), v);
    }
    if let Field::Set(a) = &d.access_schedule {
        if let Some(c) = &a.credit_type {
            check(pointer(&["access_schedule", "credit_type"]), c);
        }
    }
    if let Field::Set(i) = &d.invoice_schedule {
        if let Some(c) = &i.credit_type {
            check(pointer(&["invoice_schedule", "credit_type"]), c);
        }
        if let Some(c) = &i.do_not_invoice {
            check(pointer(&["invoice_schedule", "do_not_invoice"]), c);
        }
    }
}

/// A specifier with no condition matches all usage: the commit then applies to every product,
/// which an emptied tag list or a misspelt key (read as nothing) would do without a word.
pub fn unconditional_specifiers(specifiers: &[Specifier], issues: &mut Vec<Issue>) {
    for (i, _) in specifiers
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_unconditional())
    {
        issues.push(Issue::new(
            IssueCode::SpecifierEmpty,
            format!("/specifiers/{i}"),
            "this specifier has no condition, so it matches all usage: the commit applies to every product",
        ));
    }
}
