// Hand-written business rules (R1-R24 of the reference) shared by both baselines. Each takes values that are
// already read (numbers, epoch ms; NaN = unreadable, which the format checks report) and reports issues.
import { report } from "./issues";
import { isObject, jsonEqual, onHour, sameSet, toNum } from "./values";
import type { Commit, EditContext, Issue } from "./types";

export const ACCESS = "/access_schedule/schedule_items";
export const INVOICE = "/invoice_schedule/schedule_items";

/** R7, R8: a segment ends after it starts; both ends on the hour. */
export function accessItemRules(start: number, end: number, i: number, issues: Issue[]): void {
  if (start === start && !onHour(start)) report(issues, "access_not_on_hour", `${ACCESS}/${i}/starting_at`);
  if (end === end && !onHour(end)) report(issues, "access_not_on_hour", `${ACCESS}/${i}/ending_before`);
  if (start === start && end === end && end <= start) report(issues, "access_range_empty", `${ACCESS}/${i}/ending_before`);
}

/** R24 (warning): segments that overlap. Linear when already in order (the usual case), else one sort. */
export function overlapRule(starts: number[], ends: number[], issues: Issue[]): void {
  const n = starts.length;
  let order: number[] | null = null;
  for (let i = 1; i < n; i++) if (starts[i] < starts[i - 1]) { order = [...starts.keys()].sort((a, b) => starts[a] - starts[b]); break; }
  let maxEnd = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k];
    if (starts[i] !== starts[i] || ends[i] !== ends[i]) continue;
    if (starts[i] < maxEnd) report(issues, "access_overlap", `${ACCESS}/${i}/starting_at`);
    if (ends[i] > maxEnd) maxEnd = ends[i];
  }
}

/** Amounts agree when |amount - quantity*unit_price| <= 1e-9 * max(1, |amount|): a float tolerance,
 *  so 3 * 0.1 equals 0.3, but so do two amounts that differ below that tolerance (not exact decimal). */
export const amountsAgree = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** R6: amount alone, or quantity with unit_price; when all three are given they agree. R8: on the hour (warning). */
export function invoiceItemRules(
  amount: number, hasAmount: boolean, quantity: number, hasQ: boolean, price: number, hasP: boolean,
  ts: number, i: number, issues: Issue[],
): void {
  const path = INVOICE + "/" + i; // a cons string: flattened only if an issue uses it
  if (hasQ !== hasP) report(issues, "invoice_pricing", `${path}/${hasQ ? "unit_price" : "quantity"}`);
  else if (!hasQ && !hasAmount) report(issues, "invoice_pricing", `${path}/amount`);
  else if (hasQ && hasAmount && amount === amount && quantity === quantity && price === price && !amountsAgree(amount, quantity * price))
    report(issues, "invoice_amount_mismatch", `${path}/amount`);
  if (ts === ts && !onHour(ts)) report(issues, "invoice_not_on_hour", `${path}/timestamp`);
}

/** R23 (warning): a new or moved invoice item dated before context.now. */
export function invoiceTimingRule(ts: number, now: number, i: number, issues: Issue[]): void {
  if (ts === ts && ts < now) report(issues, "invoice_in_past", `${INVOICE}/${i}/timestamp`);
}

/** R9: FINALIZED items cannot be updated or removed; VOID items cannot be removed. */
export function invoiceLockRule(status: string | undefined, removing: boolean, path: string, id: string, issues: Issue[]): void {
  if (status === "FINALIZED") report(issues, "invoice_finalized", path, `item ${id}`);
  else if (status === "VOID" && removing) report(issues, "invoice_void_remove", path, `item ${id}`);
}

/** R10: ids of access segments that the original's ledger ties to a FINALIZED invoice (empty without a ledger). */
export function lockedSegments(original: Commit, context: EditContext): Set<string> {
  const locked = new Set<string>();
  const statuses = context.invoice_statuses ?? {};
  for (const e of original.ledger ?? []) if (e.segment_id && e.invoice_id && statuses[e.invoice_id] === "FINALIZED") locked.add(e.segment_id);
  return locked;
}

/** R1, R14 and fields the edit endpoint cannot change. R12 is applied once the edit is known (rolloverRule). */
export function commitRules(original: Commit, draft: Commit, issues: Issue[]): void {
  const eff = (k: string) => (draft[k] === undefined ? original[k] : draft[k]);
  const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
  if (nonEmpty(eff("specifiers")) && (nonEmpty(eff("applicable_product_ids")) || nonEmpty(eff("applicable_product_tags"))))
    report(issues, "specifiers_conflict", "/specifiers");
  if (draft.applicable_contract_ids !== undefined && !sameSet(draft.applicable_contract_ids, original.applicable_contract_ids)
    && (String(original.type).toUpperCase() === "POSTPAID" || original.contract !== undefined))
    report(issues, "contract_ids_locked", "/applicable_contract_ids");
  if (draft.type !== undefined && String(draft.type).toUpperCase() !== String(original.type).toUpperCase()) report(issues, "immutable_field", "/type");
  for (const k of ["custom_fields", "rollover_fraction", "created_at"])
    if (draft[k] !== undefined && !jsonEqual(draft[k], original[k])) report(issues, "immutable_field", `/${k}`);
  for (const s of ["access_schedule", "invoice_schedule"] as const) {
    const d = draft[s]?.credit_type, o = original[s]?.credit_type;
    if (isObject(d) && d.id !== o?.id) report(issues, "immutable_field", `/${s}/credit_type`);
  }
}

/** R12: a rollover commit cannot be edited at all. */
export function rolloverRule(original: Commit, changed: boolean, issues: Issue[]): void {
  if (changed && original.rolled_over_from !== undefined) report(issues, "rollover_locked", "/rolled_over_from");
}

/** R2 (inferred for edits): a POSTPAID commit keeps one access segment and one invoice item, with equal totals. */
export function postpaidRule(original: Commit, draft: Commit, issues: Issue[]): void {
  if (String(original.type).toUpperCase() !== "POSTPAID") return;
  const acc = draft.access_schedule?.schedule_items ?? original.access_schedule?.schedule_items ?? [];
  const inv = draft.invoice_schedule?.schedule_items ?? original.invoice_schedule?.schedule_items ?? [];
  if (acc.length !== 1) report(issues, "postpaid_items", ACCESS, `${acc.length} access segments`);
  if (inv.length !== 1) report(issues, "postpaid_items", INVOICE, `${inv.length} invoice items`);
  if (acc.length !== 1 || inv.length !== 1) return;
  const a = toNum(acc[0].amount), i = inv[0];
  const total = i.quantity !== undefined && i.quantity !== null && i.quantity !== "" ? toNum(i.quantity) * toNum(i.unit_price) : toNum(i.amount);
  if (a === a && total === total && !amountsAgree(a, total)) report(issues, "postpaid_total", INVOICE, `${total} vs ${a}`);
}
