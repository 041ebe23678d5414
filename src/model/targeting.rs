//! Product targeting (`CommitSpecifier`) and hierarchy configuration (`CommitHierarchyConfiguration`).

use crate::values::Id;
use serde::Serialize;
use std::collections::BTreeMap;
use tsify::Tsify;

/// One specifier; the same keys on the response (`CommitSpecifier`) and request
/// (`CommitSpecifierInput`) side. Keys inside one are ANDed, specifiers in a list are ORed.
/// Compared with `product_tags` as a set ("products carrying all of these tags"): their order and
/// repeats are no change; so are the order and repeats of `exclude` and of its tags.
#[derive(Clone, Debug, Default, Serialize, Tsify)]
pub struct Specifier {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub product_id: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub product_tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Record<string, string>")]
    pub pricing_group_values: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "Record<string, string>")]
    pub presentation_group_values: Option<BTreeMap<String, String>>,
    /// Feature-flagged by Metronome (`ff:exclude-specifiers-ga`); kept when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub exclude: Option<Vec<ExcludeSpecifier>>,
}

type SpecifierKey<'a> = (
    Option<Id>,
    Option<Vec<&'a str>>,
    Option<&'a BTreeMap<String, String>>,
    Option<&'a BTreeMap<String, String>>,
    Option<Vec<Option<Vec<&'a str>>>>,
);

/// Tags as a set: sorted, each once; none is no condition.
fn tag_set(tags: &Option<Vec<String>>) -> Option<Vec<&str>> {
    tags.as_ref().filter(|t| !t.is_empty()).map(|tags| {
        let mut set: Vec<&str> = tags.iter().map(String::as_str).collect();
        crate::sort::sort(&mut set);
        set.dedup();
        set
    })
}

impl Specifier {
    /// What the specifier means: an empty list or map of conditions is no condition, as if absent.
    fn key(&self) -> SpecifierKey<'_> {
        // Exclusions are ORed, each one's tags ANDed: a set of tag sets.
        let exclude = self.exclude.as_ref().filter(|e| !e.is_empty()).map(|e| {
            let mut set: Vec<Option<Vec<&str>>> =
                e.iter().map(|x| tag_set(&x.product_tags)).collect();
            crate::sort::sort(&mut set);
            set.dedup();
            set
        });
        (
            self.product_id,
            tag_set(&self.product_tags),
            self.pricing_group_values.as_ref().filter(|m| !m.is_empty()),
            self.presentation_group_values
                .as_ref()
                .filter(|m| !m.is_empty()),
            exclude,
        )
    }
}

impl Specifier {
    /// The keys a specifier has (`CommitSpecifierInput`), as written.
    pub const KEYS: &'static [&'static str] = &[
        "product_id",
        "product_tags",
        "pricing_group_values",
        "presentation_group_values",
        "exclude",
    ];

    /// No condition at all: the specifier matches all usage.
    pub fn is_unconditional(&self) -> bool {
        matches!(self.key(), (None, None, None, None, None))
    }
}

impl Ord for Specifier {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Specifier {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Specifier {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Specifier {}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Tsify)]
pub struct ExcludeSpecifier {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub product_tags: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct HierarchyConfiguration {
    pub child_access: ChildAccess,
}

impl HierarchyConfiguration {
    /// The same configuration: `contract_ids` are a set (order and repeats are no change).
    pub fn same_as(&self, other: &HierarchyConfiguration) -> bool {
        match (&self.child_access, &other.child_access) {
            (
                ChildAccess::ContractIds { contract_ids: a },
                ChildAccess::ContractIds { contract_ids: b },
            ) => {
                let set = |ids: &[Id]| {
                    let mut ids = ids.to_vec();
                    crate::sort::sort(&mut ids);
                    ids.dedup();
                    ids
                };
                set(a) == set(b)
            }
            (a, b) => a == b,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "type")]
pub enum ChildAccess {
    #[serde(rename = "ALL")]
    All,
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "CONTRACT_IDS")]
    ContractIds { contract_ids: Vec<Id> },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_fields_a_specifier_writes() {
        let full = Specifier {
            product_id: Id::parse("2e30f074-d04c-412e-a134-851ebfa5ceb2"),
            product_tags: Some(vec!["a".into()]),
            pricing_group_values: Some(BTreeMap::from([("k".into(), "v".into())])),
            presentation_group_values: Some(BTreeMap::from([("k".into(), "v".into())])),
            exclude: Some(vec![ExcludeSpecifier {
                product_tags: Some(vec!["b".into()]),
            }]),
        };
        let text = crate::api::to_json(&full);
        let written: Vec<&str> = Specifier::KEYS
            .iter()
            .copied()
            .filter(|k| text.contains(&format!("\"{k}\":")))
            .collect();
        assert_eq!(written, Specifier::KEYS, "{text}");
        assert_eq!(
            text.matches("\":").count(),
            Specifier::KEYS.len() + 3,
            "{text}"
        );
    }
}
