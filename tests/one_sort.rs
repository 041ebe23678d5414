//! Every sort in the crate goes through `src/sort.rs`: each `sort`/`sort_unstable`/`sort_by*` on a
//! new element type puts another copy of the standard library's sort into the wasm module (4–5 KB
//! gzipped each; SIZE.md, sessions 3 and 8). Test modules may sort as they like.

use std::fs;
use std::path::Path;

const STD_SORTS: &[&str] = &[
    ".sort()",
    ".sort_unstable(",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_unstable_by(",
    ".sort_unstable_by_key(",
    ".sort_by_cached_key(",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_standard_library_sort_outside_the_shared_one() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("sort.rs")) {
        let text = fs::read_to_string(file).expect("a source file is readable");
        // Everything from the first test module (a `#[cfg(…test…)]` before a `mod`) on is test
        // code; a lone test-only item elsewhere is not.
        let lines: Vec<&str> = text.lines().collect();
        let shipped = lines
            .windows(2)
            .position(|w| {
                let (attr, item) = (w[0].trim(), w[1].trim_start());
                let test_only = attr.contains("test") && !attr.contains("not(test");
                attr.starts_with("#[cfg(") && test_only && item.starts_with("mod ")
            })
            .unwrap_or(lines.len());
        for (n, line) in lines[..shipped].iter().enumerate() {
            if STD_SORTS.iter().any(|s| line.contains(s)) && !line.trim_start().starts_with("//") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "call crate::sort instead of the standard library's sort:\n{}",
        found.join("\n")
    );
}
