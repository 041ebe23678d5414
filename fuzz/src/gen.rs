//! Valid inputs, the starting points the mutators damage: commits (like tests/gen), drafts made by
//! editing them, contexts, and the requests of planCreate, planEndDate, planDisableTrueup and
//! generateSchedule.

use crate::j::J;
use crate::rng::Rng;

pub const CUSTOMER: &str = "4c91c473-fc12-445a-9c38-40421d47023f";
pub const COMMIT_ID: &str = "62c0cb84-bf3f-48b9-9bcf-a8ddf8c1cf35";
pub const PRODUCT: &str = "2e30f074-d04c-412e-a134-851ebfa5ceb2";
pub const CONTRACT: &str = "e0b6a8a4-1d64-4b4f-9a36-7c2a5d0e8b11";
pub const CREDIT_TYPE: &str = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
const HOUR: i64 = 3600;
/// 2026-01-01T00:00:00Z
pub const START: i64 = 1_767_225_600;

/// Days since 1970-01-01 as (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// RFC 3339 UTC, e.g. `2026-01-01T00:00:00Z`.
pub fn rfc3339(secs: i64) -> String {
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let r = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        r / 3600,
        r % 3600 / 60,
        r % 60
    )
}

/// An instant `hours` after 2026-01-01, in one of the spellings a form or the API may use.
pub fn ts(rng: &mut Rng, hours: i64) -> J {
    let secs = START + hours * HOUR;
    let plain = rfc3339(secs);
    J::s(&match rng.weighted(&[12, 2, 1, 1, 1]) {
        0 => plain,
        1 => plain.replace('Z', ".000Z"),
        2 => plain.replace('Z', "+00:00"),
        3 => {
            // The same instant at +05:30.
            let local = rfc3339(secs + 5 * 3600 + 1800);
            local.replace('Z', "+05:30")
        }
        _ => plain.to_lowercase(),
    })
}

/// A v4-shaped UUID from the generator.
pub fn uuid(rng: &mut Rng) -> String {
    let a = rng.next();
    let b = rng.next();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        8 + (b >> 62),
        (b >> 48) & 0xfff,
        b & 0xffff_ffff_ffff
    )
}

fn item_id(prefix: u32, n: usize) -> String {
    format!("{prefix:08x}-0000-4000-8000-{n:012x}")
}

/// Cents as a JSON number or a numeric string, sometimes with a fraction.
pub fn amount(rng: &mut Rng) -> J {
    match rng.weighted(&[6, 2, 2, 1, 1]) {
        0 => J::n(rng.range(0, 10_000_000)),
        1 => J::s(&rng.range(0, 10_000_000).to_string()),
        2 => {
            let n = rng.range(0, 1_000_000);
            J::Num(format!("{}.{:02}", n / 100, n % 100))
        }
        3 => J::s(&format!(" {}.5 ", rng.range(0, 5000))),
        _ => J::Num(format!(
            "{}.{:06}",
            rng.range(0, 1000),
            rng.range(0, 1_000_000)
        )),
    }
}

fn name(rng: &mut Rng) -> String {
    let words = [
        "Commit", "2026", "prepaid", "credit", "Q1", "é", "😀", "<b>", "x",
    ];
    (0..rng.range(1, 4))
        .map(|_| *rng.pick(&words))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A commit as Metronome returns it: contiguous hour-aligned access segments, invoice items
/// with `amount = quantity × unit_price`, and a random selection of the optional fields.
pub fn commit(rng: &mut Rng) -> J {
    let prepaid = rng.chance(4, 5);
    let mut at = rng.range(-2000, 2000);
    let segments = rng.weighted(&[1, 6, 6, 3, 2, 1]);
    let segments = if segments == 5 {
        rng.range(6, 40) as usize
    } else {
        segments
    };
    let mut access = Vec::new();
    for n in 0..segments {
        let any_len = rng.range(1, 2000);
        let len = *rng.pick(&[1, 24, 24 * 28, 24 * 30, 24 * 31, any_len]);
        // Now and then a gap or an overlap.
        if rng.chance(1, 12) {
            at += rng.range(-48, 48);
        }
        access.push(J::obj(vec![
            ("id", J::s(&item_id(0xa1, n))),
            ("amount", amount(rng)),
            ("starting_at", ts(rng, at)),
            ("ending_before", ts(rng, at + len)),
        ]));
        at += len;
    }
    let invoices = rng.weighted(&[3, 4, 4, 2, 1]);
    let invoices = if invoices == 4 {
        rng.range(4, 30) as usize
    } else {
        invoices
    };
    let mut invoice = Vec::new();
    for n in 0..invoices {
        let price = rng.range(0, 100_000);
        let q = rng.range(1, 5);
        let (amount, unit_price, quantity) = if rng.chance(1, 5) {
            // Cents with a fraction: 0.5 × 3 = 1.5.
            (
                J::Num(format!("{}.{:02}", price * q / 100, price * q % 100)),
                J::Num(format!("{}.{:02}", price / 100, price % 100)),
                J::n(q),
            )
        } else {
            (J::n(price * q), J::n(price), J::n(q))
        };
        let mut item = vec![
            ("id", J::s(&item_id(0xb1, n))),
            ("amount", amount),
            ("unit_price", unit_price),
            ("quantity", quantity),
            ("timestamp", {
                let h = rng.range(-2000, 20_000);
                ts(rng, h)
            }),
        ];
        match rng.below(3) {
            0 => item.push(("invoice_id", J::s(&item_id(0xc1, n)))),
            1 => item.push(("invoice_id", J::Null)),
            _ => {}
        }
        invoice.push(J::obj(item));
    }
    let mut c = J::obj(vec![
        ("id", J::s(COMMIT_ID)),
        ("type", J::s(if prepaid { "PREPAID" } else { "POSTPAID" })),
        ("name", J::s(&name(rng))),
        ("priority", J::n(100)),
        (
            "product",
            J::obj(vec![("id", J::s(PRODUCT)), ("name", J::s("P"))]),
        ),
        ("created_at", J::s("2025-12-01T00:00:00.000Z")),
        (
            "access_schedule",
            J::obj(vec![
                (
                    "credit_type",
                    J::obj(vec![
                        ("id", J::s(CREDIT_TYPE)),
                        ("name", J::s("USD (cents)")),
                    ]),
                ),
                ("schedule_items", J::Arr(access)),
            ]),
        ),
    ]);
    if rng.chance(5, 6) {
        let mut inv = vec![("schedule_items", J::Arr(invoice))];
        if rng.chance(1, 2) {
            inv.push((
                "credit_type",
                J::obj(vec![
                    ("id", J::s(CREDIT_TYPE)),
                    ("name", J::s("USD (cents)")),
                ]),
            ));
        }
        if rng.chance(1, 4) {
            inv.push(("do_not_invoice", J::Bool(rng.chance(1, 2))));
        }
        c.set("invoice_schedule", J::obj(inv));
    }
    let optional: &[(&str, fn(&mut Rng) -> J)] = &[
        ("description", |r| J::s(&name(r))),
        ("rate_type", |r| {
            J::s(r.pick(&["LIST_RATE", "COMMIT_RATE", "list_rate"]))
        }),
        ("applicable_product_ids", |r| {
            J::Arr((0..r.below(3)).map(|_| J::s(&uuid(r))).collect())
        }),
        ("applicable_product_tags", |r| {
            J::Arr(
                (0..r.below(3))
                    .map(|_| J::s(r.pick(&["a", "b", "compute"])))
                    .collect(),
            )
        }),
        ("applicable_contract_ids", |r| {
            J::Arr((0..r.below(2)).map(|_| J::s(&uuid(r))).collect())
        }),
        ("specifiers", |r| {
            J::Arr(
                (0..r.below(3))
                    .map(|_| {
                        J::obj(vec![
                            ("product_id", J::s(&uuid(r))),
                            ("product_tags", J::Arr(vec![J::s("a")])),
                            (
                                "presentation_group_values",
                                J::obj(vec![("region", J::s("eu"))]),
                            ),
                        ])
                    })
                    .collect(),
            )
        }),
        ("hierarchy_configuration", |r| {
            let child = match r.below(3) {
                0 => J::obj(vec![("type", J::s("ALL"))]),
                1 => J::obj(vec![("type", J::s("NONE"))]),
                _ => J::obj(vec![
                    ("type", J::s("CONTRACT_IDS")),
                    ("contract_ids", J::Arr(vec![J::s(&uuid(r))])),
                ]),
            };
            J::obj(vec![("child_access", child)])
        }),
        ("contract", |_| J::obj(vec![("id", J::s(CONTRACT))])),
        ("invoice_contract", |r| J::obj(vec![("id", J::s(&uuid(r)))])),
        ("balance", amount),
        ("custom_fields", |_| J::obj(vec![("deal", J::s("42"))])),
        ("uniqueness_key", |r| J::s(&uuid(r))),
        ("netsuite_sales_order_id", |_| J::s("SO-1")),
        ("salesforce_opportunity_id", |_| J::s("OPP-1")),
        ("created_by", |_| J::s("someone")),
        ("archived_at", |r| ts(r, 30_000)),
        ("rollover_fraction", |_| J::Num("0.5".into())),
        ("recurring_commit_id", |r| J::s(&uuid(r))),
        ("rolled_over_from", |r| {
            J::obj(vec![
                ("commit_id", J::s(&uuid(r))),
                ("contract_id", J::s(CONTRACT)),
            ])
        }),
        ("ledger", |r| {
            J::Arr(vec![J::obj(vec![
                ("type", J::s("PREPAID_COMMIT_SEGMENT_START")),
                ("timestamp", ts(r, 0)),
                ("amount", amount(r)),
                ("segment_id", J::s(&item_id(0xa1, 0))),
            ])])
        }),
    ];
    for (key, make) in optional {
        if rng.chance(1, 5) {
            let v = make(rng);
            c.set(key, v);
        }
    }
    c
}

/// A draft: the commit after a few edits an editor may make (valid ones, mostly).
pub fn draft(rng: &mut Rng, commit: &J) -> J {
    let mut d = commit.clone();
    for _ in 0..rng.weighted(&[2, 4, 3, 2, 1, 1]) {
        edit(rng, &mut d);
    }
    d
}

fn section_items<'a>(d: &'a mut J, section: &str) -> &'a mut Vec<J> {
    if d.items_mut(section).is_none() {
        d.set(
            section,
            J::obj(vec![("schedule_items", J::Arr(Vec::new()))]),
        );
    }
    d.items_mut(section).expect("set above")
}

pub fn access_item(rng: &mut Rng) -> J {
    let s = rng.range(-1000, 30_000);
    J::obj(vec![
        ("amount", amount(rng)),
        ("starting_at", ts(rng, s)),
        ("ending_before", {
            let h = s + rng.range(1, 1000);
            ts(rng, h)
        }),
    ])
}

pub fn invoice_item(rng: &mut Rng) -> J {
    let t = {
        let h = rng.range(-1000, 30_000);
        ts(rng, h)
    };
    if rng.chance(1, 2) {
        J::obj(vec![("timestamp", t), ("amount", amount(rng))])
    } else {
        J::obj(vec![
            ("timestamp", t),
            ("quantity", J::n(rng.range(1, 9))),
            ("unit_price", amount(rng)),
        ])
    }
}

fn edit(rng: &mut Rng, d: &mut J) {
    let which = rng.below(14);
    let section = if which < 4 {
        "access_schedule"
    } else {
        "invoice_schedule"
    };
    match which {
        0 => {
            let a = amount(rng);
            let v = section_items(d, section);
            if !v.is_empty() {
                let n = rng.below(v.len());
                v[n].set("amount", a);
            }
        }
        1 => {
            let h = rng.range(-24, 500);
            let end = ts(rng, h);
            let v = section_items(d, section);
            if !v.is_empty() {
                let n = rng.below(v.len());
                v[n].set("ending_before", end);
            }
        }
        2 => {
            let item = access_item(rng);
            section_items(d, section).push(item)
        }
        3 | 7 => {
            let v = section_items(d, section);
            if !v.is_empty() {
                let n = rng.below(v.len());
                v.remove(n);
            }
        }
        4 => {
            let a = amount(rng);
            let v = section_items(d, section);
            if !v.is_empty() {
                let n = rng.below(v.len());
                v[n].remove("quantity");
                v[n].remove("unit_price");
                v[n].set("amount", a);
            }
        }
        5 => {
            let (q, p) = (rng.range(1, 9), rng.range(1, 100_000));
            let v = section_items(d, section);
            if !v.is_empty() {
                let n = rng.below(v.len());
                v[n].set("quantity", J::n(q));
                v[n].set("unit_price", J::n(p));
                v[n].set("amount", J::n(q * p));
            }
        }
        6 => {
            let t = {
                let h = rng.range(-100, 20_000);
                ts(rng, h)
            };
            let v = section_items(d, section);
            if !v.is_empty() {
                let n = rng.below(v.len());
                v[n].set("timestamp", t);
            }
        }
        8 => {
            let item = invoice_item(rng);
            section_items(d, section).push(item)
        }
        9 => d.set("name", J::s(&name(rng))),
        10 => {
            section_items(d, "access_schedule").reverse();
            section_items(d, "invoice_schedule").reverse();
        }
        11 => d.set("description", J::s(&name(rng))),
        12 => d.set("priority", J::s(&rng.range(0, 1000).to_string())),
        _ => d.set(
            "applicable_product_tags",
            J::Arr(vec![J::s("b"), J::s("a")]),
        ),
    }
}

/// What the session and planEdit plan against: the customer, invoice statuses, sometimes "now".
pub fn context(rng: &mut Rng, commit: &J) -> J {
    let mut statuses = Vec::new();
    for item in commit.items("invoice_schedule") {
        if let Some(id) = item.get("invoice_id").and_then(J::as_str) {
            if rng.chance(2, 3) {
                statuses.push((
                    id.to_owned(),
                    J::s(rng.pick(&["DRAFT", "FINALIZED", "VOID"])),
                ));
            }
        }
    }
    let mut c = J::obj(vec![
        ("customer_id", J::s(CUSTOMER)),
        ("invoice_statuses", J::Obj(statuses)),
    ]);
    if rng.chance(1, 3) {
        let now = {
            let h = rng.range(-3000, 30_000);
            ts(rng, h)
        };
        c.set("now", now);
    }
    c
}

/// Hours (since 2026) of the ends of the commit's access segments, to aim end dates near them.
fn boundaries(commit: &J) -> Vec<i64> {
    let mut out = Vec::new();
    for item in commit.items("access_schedule") {
        for key in ["starting_at", "ending_before"] {
            if let Some(h) = item.get(key).and_then(J::as_str).and_then(hours_of) {
                out.push(h);
            }
        }
    }
    for item in commit.items("invoice_schedule") {
        if let Some(h) = item.get("timestamp").and_then(J::as_str).and_then(hours_of) {
            out.push(h);
        }
    }
    out
}

/// Hours since 2026 of a plain `…Z` instant written by [`rfc3339`] (others give None).
fn hours_of(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 20 || !s.ends_with('Z') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, m, d, h) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?);
    // Days from civil (inverse of `civil`).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + h * 3600 - START) / HOUR)
}

pub fn end_date_request(rng: &mut Rng, commit: &J) -> J {
    let b = boundaries(commit);
    let near = |rng: &mut Rng| {
        let base = if b.is_empty() { 0 } else { *rng.pick(&b) };
        let far = rng.range(-2000, 2000);
        let shift = *rng.pick(&[0, 0, -1, 1, -24, 24, far]);
        ts(rng, base + shift)
    };
    let mut r = J::obj(vec![("customer_id", J::s(CUSTOMER))]);
    match rng.below(4) {
        0 => r.set("access_ending_before", near(rng)),
        1 => r.set("invoices_ending_before", near(rng)),
        2 => {
            let (a, i) = (near(rng), near(rng));
            r.set("access_ending_before", a);
            r.set("invoices_ending_before", i);
        }
        _ => {}
    }
    r
}

pub fn trueup_request(rng: &mut Rng) -> J {
    let mut r = J::obj(vec![("customer_id", J::s(CUSTOMER))]);
    if rng.chance(1, 2) {
        r.set("contract_id", J::s(&uuid(rng)));
    }
    if rng.chance(1, 3) {
        r.set("amendment_id", J::s(&uuid(rng)));
    }
    r
}

pub fn rule(rng: &mut Rng) -> J {
    let start = rng.range(-20_000, 20_000);
    let len = match rng.below(4) {
        0 => rng.range(1, 100),
        1 => rng.range(24 * 28, 24 * 400),
        2 => rng.range(24 * 365, 24 * 365 * 12),
        _ => rng.range(-50, 50),
    };
    let mut r = J::obj(vec![
        ("total", amount(rng)),
        ("starting_at", ts(rng, start)),
        ("ending_before", ts(rng, start + len)),
        (
            "frequency",
            J::s(rng.pick(&[
                "MONTHLY",
                "QUARTERLY",
                "ANNUAL",
                "monthly",
                "annual",
                "WEEKLY",
            ])),
        ),
        (
            "distribution",
            J::s(rng.pick(&["DIVIDED", "DIVIDED_ROUNDED", "EACH", "divided"])),
        ),
        ("kind", J::s(rng.pick(&["access", "invoice", "ACCESS"]))),
    ]);
    if rng.chance(1, 30) {
        // Ranges of thousands of years: at or beyond the item limit.
        r.set("starting_at", J::s("0001-01-01T00:00:00Z"));
        r.set(
            "ending_before",
            J::s(rng.pick(&[
                "4000-01-01T00:00:00Z",
                "4167-01-01T00:00:00Z",
                "4167-09-01T00:00:00Z",
                "9999-12-31T23:00:00Z",
            ])),
        );
    }
    r
}

/// A planCreate draft made from a generated commit.
pub fn create_draft(rng: &mut Rng) -> J {
    let c = commit(rng);
    let access: Vec<J> = c
        .items("access_schedule")
        .iter()
        .map(|i| {
            let mut i = i.clone();
            i.remove("id");
            i
        })
        .collect();
    let mut d = J::obj(vec![
        ("customer_id", J::s(CUSTOMER)),
        ("type", c.get("type").cloned().unwrap_or(J::Null)),
        ("priority", J::n(rng.range(0, 200))),
        ("product_id", J::s(PRODUCT)),
        ("name", J::s(&name(rng))),
    ]);
    let mut a = J::obj(vec![("schedule_items", J::Arr(access))]);
    if rng.chance(1, 2) {
        a.set("credit_type_id", J::s(CREDIT_TYPE));
    }
    d.set("access_schedule", a);
    if rng.chance(2, 3) {
        d.set("invoice_contract_id", J::s(CONTRACT));
    }
    match rng.below(3) {
        0 => {
            let items: Vec<J> = (0..rng.below(4)).map(|_| invoice_item(rng)).collect();
            let mut inv = J::obj(vec![("schedule_items", J::Arr(items))]);
            if rng.chance(1, 3) {
                inv.set("do_not_invoice", J::Bool(rng.chance(1, 2)));
            }
            d.set("invoice_schedule", inv);
        }
        1 => {
            let s = rng.range(-1000, 20_000);
            let mut rec = J::obj(vec![
                ("starting_at", ts(rng, s)),
                ("ending_before", {
                    let h = s + rng.range(-10, 24 * 800);
                    ts(rng, h)
                }),
                (
                    "frequency",
                    J::s(rng.pick(&["MONTHLY", "QUARTERLY", "ANNUAL", "quarterly", "WEEKLY"])),
                ),
                (
                    "amount_distribution",
                    J::s(rng.pick(&["DIVIDED", "DIVIDED_ROUNDED", "EACH", "divided"])),
                ),
            ]);
            if rng.chance(1, 2) {
                rec.set("amount", amount(rng));
            } else {
                rec.set("quantity", J::n(rng.range(1, 5)));
                rec.set("unit_price", amount(rng));
            }
            d.set(
                "invoice_schedule",
                J::obj(vec![("recurring_schedule", rec)]),
            );
        }
        _ => {}
    }
    for key in [
        "description",
        "rate_type",
        "applicable_product_ids",
        "applicable_product_tags",
        "applicable_contract_ids",
        "specifiers",
        "custom_fields",
        "uniqueness_key",
        "netsuite_sales_order_id",
        "salesforce_opportunity_id",
        "hierarchy_configuration",
        "rollover_fraction",
    ] {
        if let Some(v) = c.get(key) {
            d.set(key, v.clone());
        }
    }
    if rng.chance(1, 8) {
        d.set("contract_id", J::s(CONTRACT));
    }
    d
}

pub fn create_context(rng: &mut Rng) -> Option<J> {
    match rng.below(4) {
        0 => None,
        1 => Some(J::Null),
        2 => Some(J::obj(vec![])),
        _ => Some(J::obj(vec![("now", {
            let h = rng.range(-3000, 3000);
            ts(rng, h)
        })])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(rfc3339(START), "2026-01-01T00:00:00Z");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(START + 59 * 24 * 3600), "2026-03-01T00:00:00Z");
        for h in [-50_000, -1, 0, 1, 1416, 20_000, 300_000] {
            assert_eq!(hours_of(&rfc3339(START + h * HOUR)), Some(h));
        }
    }
}

/// A valid commit with `n` access segments (an hour each) and `n` invoice items: the largest
/// inputs that are not refused.
pub fn big_commit(rng: &mut Rng, n: usize) -> J {
    let mut c = commit(rng);
    let access: Vec<J> = (0..n)
        .map(|i| {
            J::obj(vec![
                ("id", J::s(item_id(0xa1, i))),
                ("amount", J::n(100 + i % 7)),
                ("starting_at", J::s(rfc3339(START + i as i64 * HOUR))),
                (
                    "ending_before",
                    J::s(rfc3339(START + (i as i64 + 1) * HOUR)),
                ),
            ])
        })
        .collect();
    let invoice: Vec<J> = (0..n)
        .map(|i| {
            J::obj(vec![
                ("id", J::s(item_id(0xb1, i))),
                ("amount", J::n(300)),
                ("unit_price", J::n(100)),
                ("quantity", J::n(3)),
                ("timestamp", J::s(rfc3339(START + i as i64 * HOUR))),
            ])
        })
        .collect();
    if let Some(a) = c.get_mut("access_schedule") {
        a.set("schedule_items", J::Arr(access));
    }
    c.set(
        "invoice_schedule",
        J::obj(vec![("schedule_items", J::Arr(invoice))]),
    );
    c.set("type", J::s("PREPAID"));
    c
}
