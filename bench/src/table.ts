// Plain-text tables: one per cell (µs per call, ns per item, and the ratio of every row to every other row),
// and a summary of the ratios that matter.

export interface Row { id: string; label: string; us: number; p25: number; p75: number; runs: number; batch: number; check: string }
export interface CellResult { size: number; scenario: string; note: string; rows: Row[] }

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? ` ${s}` : " ".repeat(n - s.length) + s); // always a space between columns
export const fmtUs = (us: number) => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
export const fmtRatio = (r: number) => (!Number.isFinite(r) ? "-" : r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));

export function cellTable(c: CellResult): string {
  const ids = c.rows.map((r) => r.id);
  const head = pad("contender", 42) + lpad("µs/call", 11) + lpad("p25-p75", 20) + lpad("ns/item", 9) + lpad("runs×batch", 12)
    + ids.map((id) => lpad(`÷${id}`, 10)).join("") + "  check";
  const lines = c.rows.map((r) =>
    pad(`${pad(r.id, 9)} ${r.label}`, 42) + lpad(fmtUs(r.us), 11) + lpad(`${fmtUs(r.p25)}-${fmtUs(r.p75)}`, 20)
    + lpad(((r.us * 1000) / c.size).toFixed(1), 9) + lpad(`${r.runs}×${r.batch}`, 12)
    + c.rows.map((o) => lpad(fmtRatio(r.us / o.us), 10)).join("") + "  " + r.check);
  return [`\n## ${c.size} items per schedule · ${c.scenario} · ${c.note}`, head, ...lines].join("\n");
}

/** Ratio a/b for every cell, with a = the first id, b = the second (time of a divided by time of b). */
const PAIRS: [string, string, string][] = [
  ["hand", "floor", "hand-written ÷ floor"],
  ["lib", "hand", "library ÷ hand-written"],
  ["wasm", "hand", "wasm planEdit ÷ hand-written"],
  ["wasm", "lib", "wasm planEdit ÷ library"],
  ["wasm", "floor", "wasm planEdit ÷ floor"],
  ["wasm-new", "lib", "wasm planEdit with an original it has not seen ÷ library"],
  ["hand-key", "sess", "hand re-plan ÷ wasm keystroke (speed-up)"],
];

export function summaryTable(cells: CellResult[]): string {
  const pairs = PAIRS.filter(([a, b]) => cells.some((c) => c.rows.some((r) => r.id === a) && c.rows.some((r) => r.id === b)));
  const out = ["\n## Summary: ratios of medians (time ÷ time)", pad("cell", 18) + pairs.map((p) => lpad(`${p[0]}÷${p[1]}`, 14)).join("")];
  for (const c of cells) {
    const ratio = (a: string, b: string) => {
      const x = c.rows.find((r) => r.id === a), y = c.rows.find((r) => r.id === b);
      return x && y ? fmtRatio(x.us / y.us) : "-";
    };
    out.push(pad(`${c.size}/${c.scenario}`, 18) + pairs.map(([a, b]) => lpad(ratio(a, b), 14)).join(""));
  }
  out.push(...pairs.map(([a, b, label]) => `  ${a}÷${b}: ${label}`));
  const bad = cells.flatMap((c) => c.rows.filter((r) => r.check.startsWith("MISMATCH") || r.check.startsWith("ERROR")).map((r) => `${c.size}/${c.scenario} ${r.id}`));
  out.push(bad.length ? `checks failed: ${bad.join(", ")}` : "checks: every answer matched the hand-written baseline's payload");
  return out.join("\n");
}
