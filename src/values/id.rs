//! Ids: UUIDs, read in any spelling the `uuid` crate accepts, written hyphenated in lower case.

use std::fmt;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Uuid);

impl Id {
    pub fn parse(text: &str) -> Option<Id> {
        Uuid::try_parse(text.trim()).ok().map(Id)
    }

    /// Placeholder for an item the server has not created yet (preview only): the nil prefix makes
    /// it recognisable, the counter keeps it unique within one preview.
    pub fn placeholder(n: u64) -> Id {
        Id(Uuid::from_u128(n as u128))
    }

    /// Whether `text` reads as this id: compared with its usual spelling first (no parse).
    pub fn is_spelled(&self, text: &str) -> bool {
        let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
        text == self.0.hyphenated().encode_lower(&mut buf) || Id::parse(text) == Some(*self)
    }

    pub fn is_placeholder(&self) -> bool {
        self.0.as_u128() >> 64 == 0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.hyphenated(), f)
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Encoded on the stack: no formatter, no allocation (ids are most of every answer).
        let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
        serializer.serialize_str(self.0.hyphenated().encode_lower(&mut buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_normalises() {
        let id = Id::parse(" 2D45952C-5A6E-43A9-8AAB-F61EE21BE81A ").unwrap();
        assert_eq!(id.to_string(), "2d45952c-5a6e-43a9-8aab-f61ee21be81a");
        assert!(Id::parse("not-a-uuid").is_none());
        assert!(id.is_spelled("2d45952c-5a6e-43a9-8aab-f61ee21be81a"));
        assert!(id.is_spelled("{2D45952C-5A6E-43A9-8AAB-F61EE21BE81A}"));
        assert!(!id.is_spelled("2d45952c-5a6e-43a9-8aab-f61ee21be81b"));
        assert!(!id.is_spelled("not-a-uuid"));
        assert!(Id::placeholder(3).is_placeholder());
        assert!(!id.is_placeholder());
    }
}
