//! The serde model: the Commit as the API returns it, and the request bodies of the commit endpoints.

pub mod commit;
pub mod draft;
pub mod ledger;
pub mod payloads;
pub mod targeting;

pub use commit::*;
pub use draft::*;
pub use ledger::*;
pub use payloads::*;
pub use targeting::*;

use serde::Serialize;
use tsify::Tsify;

/// Read in either case, written in UPPER case (the SDK types allow only that).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Tsify)]
pub enum CommitType {
    #[serde(rename = "PREPAID")]
    Prepaid,
    #[serde(rename = "POSTPAID")]
    Postpaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Tsify)]
pub enum RateType {
    #[serde(rename = "COMMIT_RATE")]
    CommitRate,
    #[serde(rename = "LIST_RATE")]
    ListRate,
}

/// What an enum reads from: its UPPER names, matched as [`crate::read::Reader::one_of`] says.
pub trait Named: Sized + Copy + 'static {
    const NAMES: &'static [(&'static str, Self)];

    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::NAMES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(n, _)| n)
    }
}

impl Named for CommitType {
    const NAMES: &'static [(&'static str, Self)] =
        &[("PREPAID", Self::Prepaid), ("POSTPAID", Self::Postpaid)];
}

impl Named for RateType {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("COMMIT_RATE", Self::CommitRate),
        ("LIST_RATE", Self::ListRate),
    ];
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const VALUE_TYPES: &'static str = r#"
/** A UUID, written hyphenated in lower case. */
export type Id = string;
/** An RFC 3339 date-time with an offset; written as UTC with `Z`. */
export type Instant = string;
/** An exact decimal amount in the schedule's credit type (USD is in cents). */
export type Decimal = number;
/** A number Metronome computed (a balance, a ledger amount), as exact as it came. */
export type ServerNumber = number;
/** What a form control holds for a number: a number or a numeric string such as `" 12.50 "`. */
export type FormNumber = number | string;
"#;
