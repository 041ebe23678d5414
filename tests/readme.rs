//! The README documents every issue code, one table row each, with the severity the code has.
#![cfg(not(target_arch = "wasm32"))]

use commit_editor::issue::{IssueCode, Severity};

#[test]
fn every_issue_code_has_a_readme_row() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for code in IssueCode::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let row = format!("| `{}` | {severity} |", code.as_str());
        assert_eq!(
            readme.matches(&row).count(),
            1,
            "README needs exactly one row starting {row}"
        );
    }
}
