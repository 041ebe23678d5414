// Canonical form of an edit payload, so that two planners can be compared: object keys sorted, instants as
// UTC ISO strings, numeric strings as numbers, sets and schedule lists sorted (order carries no meaning).
const INSTANTS = new Set(["starting_at", "ending_before", "timestamp"]);
const AMOUNTS = new Set(["amount", "quantity", "unit_price", "priority"]);
const SETS = new Set(["applicable_product_ids", "applicable_product_tags", "applicable_contract_ids"]);
const LISTS = new Set(["add_schedule_items", "update_schedule_items", "remove_schedule_items"]);

function norm(key: string, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (INSTANTS.has(key) && typeof v === "string") { const ms = Date.parse(v); return Number.isNaN(ms) ? v : new Date(ms).toISOString(); }
  if (AMOUNTS.has(key) && typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  if (Array.isArray(v)) {
    const xs = v.map((x) => norm("", x));
    if (SETS.has(key)) return [...xs].sort();
    if (LISTS.has(key)) return xs.map((x) => [sortKey(x), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((p) => p[1]);
    return xs;
  }
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) if ((v as any)[k] !== undefined) out[k] = norm(k, (v as any)[k]);
    return out;
  }
  return v;
}

/** Items are ordered by id, or for additions by their instant and then by their whole content. */
const sortKey = (x: any): string => (x?.id ?? "") + "|" + (x?.starting_at ?? x?.timestamp ?? "") + "|" + JSON.stringify(x);

export const canonical = (payload: unknown): string => JSON.stringify(norm("", payload));

/** The first difference between two canonical payloads, for a readable failure note. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at char ${i}: …${a.slice(Math.max(0, i - 60), i + 60)}… vs …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}
