//! Damage: junk values, the numbers and strings that break naive code, structural mutations of a
//! valid tree, raw mutations of JSON text (for the parser), and JSON Pointers for the session.

use crate::gen;
use crate::j::{esc, J};
use crate::rng::Rng;

/// Numbers as JSON text: beyond f64, beyond 2^53, beyond the exact-decimal limits, tiny, -0.
/// (NaN and Infinity cannot reach the library as numbers: `JSON.stringify` writes them as null;
/// they come as strings below, and as raw text from [`mutate_text`].)
pub fn special_number(rng: &mut Rng) -> J {
    const N: &[&str] = &[
        "1e308",
        "-1e308",
        "1.7976931348623157e308",
        "5e-324",
        "-5e-324",
        "-0",
        "-0.0",
        "0",
        "0e0",
        "9007199254740993",
        "9007199254740992",
        "-9007199254740993",
        "1e19",
        "-1e19",
        "9999999999999999999",
        "9999999999999999999.999999999999999999",
        "10000000000000000000",
        "18446744073709551616",
        "170141183460469231731687303715884105728",
        "0.100000000000000000000000000000",
        "0.000000000000000001",
        "0.0000000000000000001",
        "1e-18",
        "1e-19",
        "1E400",
        "1e-400",
        "-1e-7",
        "123456789012345678901234567890123456789",
        "4294967296",
        "2147483648",
        "-1",
        "0.5",
        "1.5e3",
        "100000000000000000000e-20",
        "1e99999999999999999999",
        "1e-99999999999999999999",
        "0.1e1",
        "1",
        "3",
        "100",
    ];
    match rng.below(8) {
        0 => J::Num(format!("1{}", "0".repeat(rng.below(500)))),
        1 => J::Num(format!("0.{}1", "0".repeat(rng.below(500)))),
        2 => J::n(rng.next() as i64),
        3 => J::Num(
            format!("{:e}", f64::from_bits(rng.next()))
                .replace("NaN", "0")
                .replace("inf", "1e999"),
        ),
        _ => J::Num((*rng.pick(N)).to_owned()),
    }
}

/// Strings: the ones that look like data (dates, ids, numbers, enums) and the ones that break code.
pub fn special_string(rng: &mut Rng, heavy: bool) -> J {
    const S: &[&str] = &[
        "",
        " ",
        "__proto__",
        "constructor",
        "prototype",
        "toString",
        "<img src=x onerror=alert(1)>",
        "\"><script>alert(1)</script>",
        "\u{0}",
        "\u{feff}",
        "\u{202e}abc",
        "\u{2028}",
        "😀",
        "é",
        "NaN",
        "Infinity",
        "-Infinity",
        " 12.50 ",
        "12,50",
        "1e400",
        "1e19",
        "-0",
        "0x10",
        "+1",
        ".5",
        "5.",
        "1 2",
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00",
        "2026-01-01",
        "2026-02-30T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T00:00:60Z",
        "2026-01-01T00:30:00Z",
        "2026-01-01T00:00:00.123456789123Z",
        "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "0000-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-23:59",
        "+275760-09-13T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "2026-01-01T00:00:00+99:99",
        "4c91c473-fc12-445a-9c38-40421d47023f",
        "4C91C473-FC12-445A-9C38-40421D47023F",
        "{4c91c473-fc12-445a-9c38-40421d47023f}",
        "urn:uuid:4c91c473-fc12-445a-9c38-40421d47023f",
        "4c91c473fc12445a9c3840421d47023f",
        "00000000-0000-0000-0000-000000000000",
        "a1000000-0000-4000-8000-000000000001",
        "000000a1-0000-4000-8000-000000000000",
        "000000b1-0000-4000-8000-000000000000",
        "PREPAID",
        "POSTPAID",
        "prepaid",
        "MONTHLY",
        "QUARTERLY",
        "ANNUAL",
        "DIVIDED",
        "DIVIDED_ROUNDED",
        "EACH",
        "ALL",
        "NONE",
        "CONTRACT_IDS",
        "DRAFT",
        "FINALIZED",
        "VOID",
        "LIST_RATE",
        "COMMIT_RATE",
        "access",
        "invoice",
        "/access_schedule/schedule_items/0",
    ];
    match rng.weighted(&[30, 3, 3, 2, 2, 1]) {
        0 => J::s(rng.pick(S)),
        // Lone surrogates and pairs, as JSON.stringify escapes a JS string that holds them.
        1 => J::Str(
            (*rng.pick(&[
                "\\ud800",
                "\\udfff",
                "\\ud800\\u0041",
                "\\ud83d\\ude00",
                "x\\udc00y",
                "\\u0000",
            ]))
            .to_owned(),
        ),
        2 => J::s(&"x".repeat(*rng.pick(&[9_999, 10_000, 10_001]))),
        3 => J::s(&"é".repeat(*rng.pick(&[4_999, 5_000, 5_001]))),
        4 => J::s(&gen::uuid(rng)),
        _ if heavy => J::s(&"x".repeat(1 << 20)),
        _ => J::s(&"y".repeat(rng.below(300))),
    }
}

/// Keys to add: the fields the library reads, and the ones that are dangerous in JS.
pub fn key(rng: &mut Rng) -> String {
    const K: &[&str] = &[
        "__proto__",
        "constructor",
        "prototype",
        "",
        "toString",
        "hasOwnProperty",
        "id",
        "type",
        "name",
        "amount",
        "quantity",
        "unit_price",
        "timestamp",
        "starting_at",
        "ending_before",
        "schedule_items",
        "access_schedule",
        "invoice_schedule",
        "recurring_schedule",
        "product",
        "product_id",
        "priority",
        "customer_id",
        "contract_id",
        "invoice_id",
        "invoice_statuses",
        "now",
        "specifiers",
        "hierarchy_configuration",
        "child_access",
        "contract_ids",
        "credit_type",
        "credit_type_id",
        "do_not_invoice",
        "add_schedule_items",
        "update_schedule_items",
        "remove_schedule_items",
        "access_ending_before",
        "invoices_ending_before",
        "amendment_id",
        "total",
        "frequency",
        "distribution",
        "amount_distribution",
        "kind",
        "ledger",
        "balance",
        "rate_type",
        "custom_fields",
    ];
    match rng.below(20) {
        0 => "\\ud800".to_owned(),
        1 => esc(&"k".repeat(10_001)),
        _ => esc(*rng.pick(K)),
    }
}

/// An arbitrary value, `depth` levels at most.
pub fn junk(rng: &mut Rng, depth: usize, heavy: bool) -> J {
    let w: &[u32] = if depth == 0 {
        &[3, 2, 5, 2, 6, 0, 0]
    } else {
        &[3, 2, 5, 2, 6, 3, 3]
    };
    match rng.weighted(w) {
        0 => J::Null,
        1 => J::Bool(rng.chance(1, 2)),
        2 => special_number(rng),
        3 => J::n(rng.range(-1000, 1_000_000)),
        4 => special_string(rng, heavy),
        5 => J::Arr(
            (0..rng.below(6))
                .map(|_| junk(rng, depth - 1, heavy))
                .collect(),
        ),
        _ => J::Obj(
            (0..rng.below(6))
                .map(|_| (key(rng), junk(rng, depth - 1, heavy)))
                .collect(),
        ),
    }
}

/// The same value as another JSON type.
fn wrong_type(rng: &mut Rng, v: &J) -> J {
    match (v, rng.below(5)) {
        (J::Num(n), 0) => J::s(n),
        (J::Str(s), 0) => J::Num(if s.is_empty() { "0".into() } else { s.clone() }),
        (_, 1) => J::Arr(vec![v.clone()]),
        (_, 2) => J::Obj(vec![("value".into(), v.clone())]),
        (_, 3) => J::Bool(true),
        (J::Arr(items), _) => J::Obj(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| (i.to_string(), x.clone()))
                .collect(),
        ),
        (J::Obj(entries), _) => J::Arr(entries.iter().map(|(_, x)| x.clone()).collect()),
        _ => J::s(&v.text().chars().take(100).collect::<String>()),
    }
}

/// Applies `n` random structural mutations. `heavy` allows the expensive ones: lists beyond the
/// item limit, 1 MB strings, nesting 100,000 deep.
pub fn mutate(rng: &mut Rng, root: &mut J, n: usize, heavy: bool) {
    for _ in 0..n {
        let count = root.count();
        // The root itself is replaced rarely; the inside is where the reading happens.
        let at = if count > 1 && rng.chance(15, 16) {
            1 + rng.below(count - 1)
        } else {
            0
        };
        let other = {
            let k = rng.below(count);
            root.node_mut(k).cloned().unwrap_or(J::Null)
        };
        let Some(node) = root.node_mut(at) else {
            continue;
        };
        let w: &[u32] = &[
            20,
            10,
            15,
            12,
            12,
            10,
            8,
            8,
            5,
            4,
            if heavy { 6 } else { 0 },
        ];
        match rng.weighted(w) {
            0 => {
                *node = {
                    let d = rng.below(4);
                    junk(rng, d, heavy)
                }
            }
            1 => *node = J::Null,
            2 => *node = wrong_type(rng, node),
            3 => *node = special_number(rng),
            4 => *node = special_string(rng, heavy),
            5 => match node {
                J::Obj(entries) if !entries.is_empty() => {
                    let i = rng.below(entries.len());
                    entries.remove(i);
                }
                _ => *node = J::Obj(Vec::new()),
            },
            6 => match node {
                J::Obj(entries) => {
                    let v = if rng.chance(1, 2) {
                        junk(rng, 2, heavy)
                    } else {
                        other
                    };
                    // A duplicate key now and then: JSON allows it, JS keeps the last.
                    let k = if !entries.is_empty() && rng.chance(1, 3) {
                        entries[rng.below(entries.len())].0.clone()
                    } else {
                        key(rng)
                    };
                    let i = rng.below(entries.len() + 1);
                    entries.insert(i, (k, v));
                }
                _ => *node = J::Obj(vec![(key(rng), other)]),
            },
            7 => match node {
                J::Arr(items) if !items.is_empty() => {
                    let i = rng.below(items.len());
                    match rng.below(4) {
                        0 => {
                            items.remove(i);
                        }
                        1 => {
                            let x = items[i].clone();
                            items.insert(i, x);
                        }
                        2 => {
                            let j = rng.below(items.len());
                            items.swap(i, j);
                        }
                        _ => items.clear(),
                    }
                }
                _ => *node = J::Arr(vec![other]),
            },
            8 => *node = other,
            9 => {
                // Nesting around the limit of 64.
                let d = rng.range(55, 70) as usize;
                *node = J::Deep(d, rng.chance(1, 2), Box::new(node.clone()));
            }
            _ => match rng.below(3) {
                0 => {
                    // A list at, just beyond and well beyond the limit of 50,000 items.
                    let n = *rng.pick(&[10_000, 50_000, 50_001, 60_000]);
                    let mut template = match node {
                        J::Arr(items) if !items.is_empty() => items[rng.below(items.len())].clone(),
                        _ => other,
                    };
                    // Copies of something small: the text stays within tens of MB.
                    if template.size() > 500 {
                        template = junk(rng, 1, false);
                    }
                    *node = J::Repeat(n, Box::new(template));
                }
                1 => *node = J::s(&"x".repeat(1 << 20)),
                _ => {
                    let d = *rng.pick(&[100, 1000, 100_000]);
                    *node = J::Deep(d, rng.chance(1, 2), Box::new(J::Null));
                }
            },
        }
    }
}

/// Raw mutations of JSON text: byte flips, truncation, insertions, deletions, duplicated
/// ranges. The result is still a string (invalid UTF-8 is replaced with U+FFFD, as a JS string
/// would hold it), but rarely still JSON: this is for the parser.
pub fn mutate_text(rng: &mut Rng, text: &str) -> String {
    const BYTES: &[u8] = b"{}[]\",:\\0123456789-+.eEtnfu \n\t\x00\x1f\x7fx";
    const TOKENS: &[&str] = &[
        "\\ud800",
        "\\udc00",
        "\\u",
        "\\u12",
        "\\x41",
        "\\",
        "\"",
        "NaN",
        "Infinity",
        "-Infinity",
        "undefined",
        "-",
        "1e999",
        "1e",
        "01",
        ".5",
        "[",
        "{",
        "]",
        "}",
        ",",
        ":",
        ",,",
        "null",
        "\u{0}",
        "é",
        "😀",
        "\u{fffd}",
        "//",
        "/*",
        "\t",
        "\u{2028}",
        "\u{feff}",
        "00000000000000000000000000",
        "{\"__proto__\":1}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "tru",
        "nul",
        "fals",
    ];
    let mut b = text.as_bytes().to_vec();
    for _ in 0..rng.range(1, 5) {
        let len = b.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 if len > 0 => b[at.min(len - 1)] = *rng.pick(BYTES),
            1 => {
                let t = rng.pick(TOKENS).as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            2 => b.truncate(at),
            3 if len > 0 => {
                let end = (at + rng.below(16)).min(len);
                b.drain(at..end);
            }
            4 if len > 0 => {
                let s = rng.below(len);
                let e = (s + rng.below(64)).min(len);
                let piece: Vec<u8> = b[s..e].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, piece);
            }
            5 if len > 1 => {
                let j = rng.below(len);
                b.swap(at.min(len - 1), j);
            }
            _ => b.insert(at, *rng.pick(BYTES)),
        }
    }
    match String::from_utf8(b) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// JSON Pointers for `set` and `removeItem`: good ones to items and fields, and bad ones (`~`
/// escapes, `-`, indexes beyond usize, leading zeros, empty tokens, unknown keys).
pub fn pointer(rng: &mut Rng, access_len: usize, invoice_len: usize) -> String {
    const ITEM_FIELDS: &[&str] = &[
        "amount",
        "starting_at",
        "ending_before",
        "timestamp",
        "quantity",
        "unit_price",
        "id",
        "invoice_id",
        "",
        "x",
        "amount~1x",
        "__proto__",
    ];
    const TOP: &[&str] = &[
        "name",
        "description",
        "priority",
        "rate_type",
        "product",
        "product/id",
        "product/name",
        "invoice_contract",
        "invoice_contract/id",
        "applicable_product_ids",
        "applicable_product_ids/0",
        "applicable_product_ids/-",
        "applicable_product_tags",
        "applicable_product_tags/-",
        "applicable_contract_ids",
        "specifiers",
        "specifiers/0",
        "specifiers/0/product_id",
        "specifiers/-",
        "specifiers/4294967296",
        "hierarchy_configuration",
        "hierarchy_configuration/child_access",
        "hierarchy_configuration/child_access/type",
        "hierarchy_configuration/child_access/contract_ids/0",
        "access_schedule",
        "access_schedule/credit_type",
        "access_schedule/credit_type/id",
        "access_schedule/schedule_items",
        "access_schedule/schedule_items/-",
        "invoice_schedule",
        "invoice_schedule/do_not_invoice",
        "invoice_schedule/schedule_items",
        "invoice_schedule/schedule_items/-",
        "ledger",
        "balance",
        "amount",
        "created_by",
        "type",
        "id",
        "created_at",
        "contract",
        "custom_fields/deal",
        "__proto__",
        "__proto__/polluted",
        "constructor/prototype",
        "name/0",
        "name/~0",
        "name/~1",
        "~0",
        "~1",
        "~01",
        "a~2",
        "~",
        "",
    ];
    const INDEXES: &[&str] = &[
        "-",
        "-1",
        "01",
        "00",
        "+1",
        " 1",
        "1 ",
        "1e0",
        "4294967296",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999999",
        "",
        "~0",
        "0x1",
        "١",
    ];
    let section = if rng.chance(1, 2) {
        ("access_schedule", access_len)
    } else {
        ("invoice_schedule", invoice_len)
    };
    match rng.weighted(&[8, 3, 4, 2, 1, 1, 1]) {
        0 => {
            let i = rng.below(section.1 + 2);
            if rng.chance(1, 4) {
                format!("/{}/schedule_items/{i}", section.0)
            } else {
                format!(
                    "/{}/schedule_items/{i}/{}",
                    section.0,
                    rng.pick(ITEM_FIELDS)
                )
            }
        }
        1 => {
            let idx = rng.pick(INDEXES);
            if rng.chance(1, 2) {
                format!("/{}/schedule_items/{idx}", section.0)
            } else {
                format!("/{}/schedule_items/{idx}/amount", section.0)
            }
        }
        2 => format!("/{}", rng.pick(TOP)),
        3 => (*rng.pick(&[
            "",
            "/",
            "//",
            "-",
            "~",
            "name",
            "/access_schedule/schedule_items/0/amount/x",
            "/access_schedule/schedule_items/0/amount/",
            "/access_schedule//0",
            "/access/schedule_items/0",
            "/invoice/schedule_items/0/amount",
            "/access_schedule/schedule_items/0/0",
            "#/name",
            "/\u{fffd}",
        ]))
        .to_owned(),
        4 => "/a".repeat(rng.range(100, 5000) as usize),
        5 => format!("/{}", "x".repeat(20_000)),
        _ => {
            let mut p = String::new();
            for _ in 0..rng.range(1, 6) {
                p.push('/');
                p.push_str(*rng.pick(&[
                    "access_schedule",
                    "schedule_items",
                    "0",
                    "1",
                    "-",
                    "~0",
                    "~1",
                    "amount",
                    "name",
                    "",
                ]));
            }
            p
        }
    }
}
