//! planDisableTrueup: turn off a POSTPAID commit's true-up invoice through
//! POST /v1/contracts/commits/disableTrueup. No official SDK has this call; the payload type is
//! ours, from the schema (`DisableCommitTrueupPayload`).
//!
//! `contract_id` is required by the endpoint: the request's, else the commit's `contract`, else
//! its `invoice_contract`. A `contract_id` that is given but unreadable is reported as such and
//! not replaced by the commit's.

use crate::issue::{Issue, IssueCode, Issues, Severity};
use crate::json::{Path, Value};
use crate::model::*;
use crate::read::commit::read_commit;
use crate::read::create::read_trueup_request;
use crate::read::Reader;
use crate::values::Id;
use serde::Serialize;
use tsify::Tsify;

#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
pub struct TrueupPlan {
    /// `null` when any issue is an error.
    #[tsify(type = "DisableTrueupPayload | null")]
    pub payload: Option<DisableTrueupPayload>,
    pub issues: Vec<Issue>,
}

/// `planDisableTrueup(original, request)`.
pub fn plan_disable_trueup(original: &Value<'_>, request: &Value<'_>) -> TrueupPlan {
    let mut read = Issues::default();
    let commit = read_commit(&mut Reader::for_original(&mut read), original, &Path::Root);
    let req = read_trueup_request(&mut Reader::new(&mut read), request);
    let mut issues = read.into_vec();

    // An unreadable type is reported as such (read as PREPAID, it would be called PREPAID here).
    let type_read = !issues.iter().any(|i| i.path == "/type");
    if type_read && commit.commit_type != CommitType::Postpaid {
        issues.push(Issue::new(
            IssueCode::TrueupPostpaidOnly,
            "",
            "disableTrueup works on POSTPAID commits only; this one is PREPAID",
        ));
    }
    let named = [&commit.contract, &commit.invoice_contract].map(|c| c.as_ref().map(|c| c.id));
    let contract_id = if req.contract_id_given {
        if let Some(given) = req
            .contract_id
            .filter(|g| named.iter().flatten().all(|n| n != g))
        {
            if named.iter().any(Option::is_some) {
                issues.push(Issue::new(
                    IssueCode::ContractIdMismatch,
                    "/contract_id",
                    format!(
                        "the commit is on {}, not contract {given}: the endpoint looks for the commit on the contract given",
                        contracts_named(named)
                    ),
                ));
            }
        }
        req.contract_id
    } else {
        let found = named[0].or(named[1]);
        if found.is_none() {
            issues.push(Issue::new(
                IssueCode::ContractIdRequired,
                "/contract_id",
                "give contract_id: the commit names no contract or invoice_contract",
            ));
        }
        found
    };
    let errors = issues.iter().any(|i| i.severity == Severity::Error);
    let payload = match (errors, req.customer_id, contract_id) {
        (false, Some(customer_id), Some(contract_id)) => Some(DisableTrueupPayload {
            customer_id,
            commit_id: commit.id,
            contract_id,
            amendment_id: req.amendment_id,
        }),
        _ => None,
    };
    TrueupPlan { payload, issues }
}

fn contracts_named([contract, invoice]: [Option<Id>; 2]) -> String {
    match (contract, invoice) {
        (Some(c), Some(i)) if c != i => format!("contract {c} (invoiced on {i})"),
        (Some(c), _) => format!("contract {c}"),
        (None, Some(i)) => format!("contract {i} (its invoice_contract)"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn commit(extra: &str) -> String {
        format!(
            r#"{{"id":"5e7e82cf-ccb7-428c-a96f-a8e4f67af822","type":"POSTPAID",
                "product":{{"id":"f14d6729-6a44-4b13-9908-9387f1918790","name":"Commit"}},
                "created_at":"2026-01-01T00:00:00Z"{extra}}}"#
        )
    }

    fn plan(original: &str, request: &str) -> TrueupPlan {
        plan_disable_trueup(&parse(original).unwrap(), &parse(request).unwrap())
    }

    #[test]
    fn contract_comes_from_request_then_contract_then_invoice_contract() {
        let req = r#"{"customer_id":"4c91c473-fc12-445a-9c38-40421d47023f"}"#;
        let both = commit(
            r#","contract":{"id":"11111111-1111-4111-8111-111111111111"},"invoice_contract":{"id":"22222222-2222-4222-8222-222222222222"}"#,
        );
        let p = plan(&both, req);
        assert_eq!(
            p.payload.unwrap().contract_id.to_string(),
            "11111111-1111-4111-8111-111111111111"
        );
        let inv = commit(r#","invoice_contract":{"id":"22222222-2222-4222-8222-222222222222"}"#);
        assert_eq!(
            plan(&inv, req).payload.unwrap().contract_id.to_string(),
            "22222222-2222-4222-8222-222222222222"
        );
        let given = plan(
            &both,
            r#"{"customer_id":"4c91c473-fc12-445a-9c38-40421d47023f","contract_id":"33333333-3333-4333-8333-333333333333"}"#,
        );
        assert_eq!(
            given.payload.unwrap().contract_id.to_string(),
            "33333333-3333-4333-8333-333333333333"
        );
        let none = plan(&commit(""), req);
        assert!(none.payload.is_none());
        assert_eq!(none.issues[0].code, IssueCode::ContractIdRequired);
        assert_eq!(none.issues[0].path, "/contract_id");
    }
}
