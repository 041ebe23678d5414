//! The context an edit is planned in: whose commit, which invoices are locked, and what time it is.

use super::{quote, Reader};
use crate::issue::{IssueCode, Issues};
use crate::json::{Path, Value};
use crate::values::{Id, Instant};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::fast_hash::{FastMap, FastSet};
use tsify::Tsify;

/// `EditContext` as callers send it.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct EditContext {
    pub customer_id: String,
    /// Status of each invoice the commit's items name (from GET /v1/customers/{id}/invoices).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(
        optional,
        type = "Record<string, \"DRAFT\" | \"FINALIZED\" | \"VOID\">"
    )]
    pub invoice_statuses: Option<BTreeMap<String, String>>,
    /// The current time, for the R23 warning on invoice items dated in the past. Without it that
    /// check is skipped, so results never depend on the clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub now: Option<String>,
}

/// Ordered by what the status locks: a VOID invoice's items cannot be removed (R9), a FINALIZED
/// one's cannot be changed at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InvoiceStatus {
    Draft,
    Void,
    Finalized,
}

impl InvoiceStatus {
    pub fn name(self) -> &'static str {
        match self {
            InvoiceStatus::Draft => "DRAFT",
            InvoiceStatus::Void => "VOID",
            InvoiceStatus::Finalized => "FINALIZED",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    pub customer_id: Option<Id>,
    pub invoice_statuses: FastMap<Id, InvoiceStatus>,
    pub now: Option<Instant>,
}

impl Context {
    pub fn status(&self, invoice_id: Option<Id>) -> Option<InvoiceStatus> {
        invoice_id.and_then(|id| self.invoice_statuses.get(&id).copied())
    }

    /// Access segments the commit's ledger ties to a FINALIZED invoice (R10): they cannot be removed.
    pub fn locked_segments(&self, commit: &crate::model::Commit) -> FastSet<Id> {
        let ledger = commit.ledger.iter().flatten();
        ledger
            .filter_map(|e| Some((e.segment_id()?, e.invoice_id())))
            .filter(|&(_, i)| self.status(i) == Some(InvoiceStatus::Finalized))
            .map(|(s, _)| s)
            .collect()
    }
}

/// What a planner takes from its context: planEdit all of it, planEndDate all but the customer
/// (its request names one), planCreate only `now`. What it does not take is not read, so a page
/// may pass one `EditContext` to each without an issue about a part that is not used.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ContextUse {
    Edit,
    EndDate,
    Create,
}

/// Reads a context; problems are reported as `invalid_context` at the context's own paths.
pub fn read_context(v: &Value<'_>, used: ContextUse, issues: &mut Issues) -> Context {
    let require_customer = used == ContextUse::Edit;
    let mut r = Reader::new(issues);
    let root = Path::Root;
    let mut cx = Context::default();
    if !matches!(v, Value::Object(_)) {
        if require_customer {
            r.report(
                IssueCode::InvalidContext,
                &root,
                "context must be an object with customer_id",
            );
        }
        return cx;
    }
    let mut local = Issues::default();
    {
        let mut lr = Reader::new(&mut local);
        // planCreate and planEndDate take the customer from their request and never use the
        // context's: it is not read, so one bad id is one issue.
        if require_customer {
            cx.customer_id = lr.req(v, "customer_id", &root, Reader::id);
        }
        cx.now = lr.opt(v, "now", &root, Reader::instant);
        let statuses = v
            .get("invoice_statuses")
            .filter(|_| used != ContextUse::Create);
        if let Some(statuses) = statuses.filter(|s| !s.is_null()) {
            let path = root.key("invoice_statuses");
            if let Value::Object(entries) = statuses {
                for (k, s) in entries {
                    let p = path.key(k);
                    let (Some(id), Some(text)) =
                        (lr.id(&Value::String(k.clone()), &p), lr.string(s, &p))
                    else {
                        continue;
                    };
                    let status = match text.to_ascii_uppercase().as_str() {
                        "DRAFT" => InvoiceStatus::Draft,
                        "FINALIZED" => InvoiceStatus::Finalized,
                        "VOID" => InvoiceStatus::Void,
                        // A typo ("FINALISED") must not lift the lock R9 puts on a finalized invoice.
                        _ => {
                            lr.report(
                                IssueCode::InvalidEnum,
                                &p,
                                format!("{} is not DRAFT, FINALIZED or VOID", quote(&text)),
                            );
                            continue;
                        }
                    };
                    // Ids are read in any case: two spellings of one invoice must agree, and
                    // while they do not, the stricter status holds (no lock is lifted).
                    if let Some(before) = cx.invoice_statuses.insert(id, status) {
                        if before != status {
                            lr.report(
                                IssueCode::InvalidEnum,
                                &p,
                                format!(
                                    "invoice {id} is given two statuses, {} and {}",
                                    before.name(),
                                    status.name()
                                ),
                            );
                            cx.invoice_statuses.insert(id, before.max(status));
                        }
                    }
                }
            } else {
                lr.report(
                    IssueCode::InvalidType,
                    &path,
                    format!("expected an object, got {}", statuses.kind()),
                );
            }
        }
    }
    for issue in local.0 {
        r.report(
            IssueCode::InvalidContext,
            &Path::Root,
            format!("context {}: {}", issue.path, issue.message),
        );
    }
    cx
}
