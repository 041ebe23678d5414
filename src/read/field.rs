//! A field of a draft: absent, `null`, unreadable (kept as sent, so the draft round-trips), or a value.

use crate::json::Json;
use serde::{Serialize, Serializer};

#[derive(Clone, Debug, PartialEq, Default)]
pub enum Field<T> {
    #[default]
    Absent,
    Null,
    Invalid(Json),
    Set(T),
}

impl<T> Field<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Set(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_invalid(&self) -> bool {
        matches!(self, Field::Invalid(_))
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Set(v) => v.serialize(serializer),
            Field::Invalid(raw) => raw.serialize(serializer),
            Field::Absent | Field::Null => serializer.serialize_none(),
        }
    }
}
