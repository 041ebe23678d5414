//! A number the server computed and this module only shows and passes on: a balance, a ledger
//! amount. Exact (a [`Decimal`]) when it can be; a JavaScript number finer than a `Decimal` holds
//! (`0.0033333333333333335`, 1/300 of a cent as a double) is kept as it was spelled rather than
//! refused, since refusing it would block every edit of the commit; it then takes part in no sum.

use super::Decimal;
use serde::{Serialize, Serializer};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerNumber {
    Exact(Decimal),
    /// A JSON number of small magnitude with more decimals than a `Decimal` keeps.
    Spelled(Box<str>),
}

impl ServerNumber {
    pub fn exact(&self) -> Option<Decimal> {
        match self {
            ServerNumber::Exact(d) => Some(*d),
            ServerNumber::Spelled(_) => None,
        }
    }

    /// A JSON number's spelling that a `Decimal` cannot hold but that is finite and below 10^19
    /// in magnitude (no exponent, or a negative one, and at most 19 integer digits): one to keep
    /// as spelled.
    pub fn spelled(text: &str) -> Option<ServerNumber> {
        let (significand, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], Some(&text[at + 1..])),
            None => (text, None),
        };
        let small_exponent = exponent.map_or(true, |e| e.starts_with('-'));
        let integer = significand.trim_start_matches('-').split('.').next()?;
        (small_exponent && integer.len() <= 19).then(|| ServerNumber::Spelled(text.into()))
    }
}

impl From<Decimal> for ServerNumber {
    fn from(d: Decimal) -> ServerNumber {
        ServerNumber::Exact(d)
    }
}

impl Serialize for ServerNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ServerNumber::Exact(d) => d.serialize(serializer),
            ServerNumber::Spelled(text) => {
                crate::json::write::serialize_number(text, false, serializer)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_finite_spellings_are_kept() {
        for kept in [
            "0.0033333333333333335",
            "-0.0016666666666666668",
            "3.3333333333333335e-22",
            "1234567890123456789.12345678901234567891",
        ] {
            assert!(ServerNumber::spelled(kept).is_some(), "{kept}");
        }
        for refused in ["1e400", "12345678901234567890.5", "1E+5"] {
            assert!(ServerNumber::spelled(refused).is_none(), "{refused}");
        }
    }
}
