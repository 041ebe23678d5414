// Deterministic generator of realistic list-commits items and of the drafts a form would produce.
import { int, pick, rng, sample, uuid, type Rng } from "./prng";
import type { AccessItem, Commit, CommitDraft, EditContext, InvoiceItem, InvoiceStatus } from "./types";

export const SIZES = [10, 100, 1000, 10000] as const;
export const SCENARIOS = ["one-field", "churn", "none"] as const;
export type Scenario = (typeof SCENARIOS)[number];

const USD = { id: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", name: "USD (cents)" };
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString(); // "2024-01-01T05:00:00.000Z", as the API returns
/** Share of the schedule that is in the past (its invoices exist and are mostly FINALIZED). */
const PAST = 0.2;

export interface Generated { original: Commit; context: EditContext }

/** A PREPAID commit with n access segments (contiguous calendar months) and n invoice items. */
export function makeCommit(n: number, seed = 1): Generated {
  const r = rng(seed * 7919 + n);
  const access: AccessItem[] = [];
  const invoice: InvoiceItem[] = [];
  const statuses: Record<string, InvoiceStatus> = {};
  const past = Math.floor(n * PAST);
  for (let i = 0; i < n; i++) {
    const start = monthStart(i);
    access.push({ id: uuid(r), amount: int(r, 10, 5000) * 100, starting_at: iso(start), ending_before: iso(monthStart(i + 1)) });
    const fractional = r() < 0.1;
    const unit_price = fractional ? int(r, 1, 9999) / 100 : int(r, 1, 500) * 100;
    const quantity = int(r, 1, 12);
    const item: InvoiceItem = { id: uuid(r), amount: round2(unit_price * quantity), unit_price, quantity, timestamp: iso(start), invoice_id: null };
    if (i < past || i < past + 3) {
      item.invoice_id = uuid(r);
      statuses[item.invoice_id] = i >= past ? "DRAFT" : r() < 0.05 ? "VOID" : "FINALIZED";
    }
    invoice.push(item);
  }
  const original: Commit = {
    id: uuid(r),
    type: "PREPAID",
    product: { id: uuid(r), name: pick(r, ["Prepaid credits", "Compute commit", "Platform commit"]) },
    created_at: "2023-12-14T17:32:08.123Z",
    created_by: "ops@example.com",
    name: `Annual commit ${n}`,
    description: "Generated for the commit-editor benchmark",
    priority: 100,
    rate_type: "COMMIT_RATE",
    access_schedule: { credit_type: USD, schedule_items: access },
    invoice_schedule: { credit_type: USD, do_not_invoice: false, schedule_items: invoice },
    invoice_contract: { id: uuid(r) },
    applicable_product_tags: ["compute", "storage"],
    custom_fields: { region: "eu" },
  };
  const context: EditContext = { customer_id: uuid(r), invoice_statuses: statuses, now: iso(monthStart(past) + HOUR) };
  return { original, context };
}

export interface Keystroke { path: string; values: [string, string] }
export interface Edit { draft: CommitDraft; keystroke: Keystroke }

/** The draft a form holds for a scenario: a deep copy of the original with the scenario's edits applied. */
export function makeDraft(original: Commit, scenario: Scenario, seed = 1): Edit {
  const draft = structuredClone(original);
  const acc = draft.access_schedule!.schedule_items;
  const inv = draft.invoice_schedule!.schedule_items!;
  const n = acc.length;
  const r = rng(seed * 104729 + n);
  const first = Math.floor(n * PAST) + 3; // items before this are locked or invoiced: edits leave them alone
  const free = n - first;
  if (scenario === "one-field") {
    const k = first + Math.floor(free / 2);
    acc[k].amount = String(Number(acc[k].amount) + 100);
  } else if (scenario === "churn") {
    churn(r, acc, inv, first);
  }
  const k = Math.min(first + Math.floor(free * 0.6), draftLength(draft) - 1);
  const base = Number(draft.access_schedule!.schedule_items[k].amount);
  return { draft, keystroke: { path: `/access_schedule/schedule_items/${k}/amount`, values: [String(base + 1), String(base + 2)] } };
}

/** Change 10% of the free items of each schedule, remove 1%, add 1%, and re-spell 5% of the rest. */
function churn(r: Rng, acc: AccessItem[], inv: InvoiceItem[], first: number): void {
  const n = acc.length;
  const free = n - first;
  const pct = (p: number) => Math.max(1, Math.round(n * p));
  const picks = sample(r, free, pct(0.1) + pct(0.01) + pct(0.05)).map((i) => i + first);
  shuffle(r, picks);
  const changed = picks.slice(0, pct(0.1));
  const removed = new Set(picks.slice(pct(0.1), pct(0.1) + pct(0.01)));
  const respelled = picks.slice(pct(0.1) + pct(0.01));
  for (const i of changed) {
    const a = acc[i];
    if (r() < 0.2) a.ending_before = iso(Date.parse(a.ending_before) - 24 * HOUR); // shorter segment: leaves a gap
    else a.amount = formValue(r, Number(a.amount) + int(r, 1, 50) * 100);
    const v = inv[i];
    if (r() < 0.25) v.timestamp = iso(Date.parse(v.timestamp) + HOUR);
    else {
      v.quantity = formValue(r, Number(v.quantity) + 1);
      v.amount = formValue(r, round2(Number(v.unit_price) * Number(v.quantity)));
    }
  }
  for (const i of respelled) {
    acc[i].starting_at = acc[i].starting_at.replace(".000Z", "Z");
    inv[i].timestamp = respell(inv[i].timestamp);
  }
  const keepA = acc.filter((_, i) => !removed.has(i));
  const keepI = inv.filter((_, i) => !removed.has(i));
  const end = monthIndexOf(Date.parse(acc[n - 1].ending_before));
  for (let j = 0; j < pct(0.01); j++) {
    const start = iso(monthStart(end + j));
    keepA.push({ amount: formValue(r, int(r, 10, 5000) * 100), starting_at: start, ending_before: iso(monthStart(end + j + 1)) });
    keepI.push({ amount: formValue(r, int(r, 10, 5000) * 100), timestamp: start });
  }
  acc.splice(0, acc.length, ...keepA);
  inv.splice(0, inv.length, ...keepI);
}

/** The same instant spelled as a person or another system might: "Z" without millis, or "+01:00". */
function respell(ts: string): string {
  const ms = Date.parse(ts);
  const local = new Date(ms + HOUR).toISOString().slice(0, 19);
  return `${local}+01:00`;
}

const formValue = (r: Rng, x: number): number | string => (r() < 0.5 ? String(x) : x);
const round2 = (x: number) => Math.round(x * 100) / 100;
const monthStart = (i: number) => Date.UTC(2024, i, 1, 5); // hour-aligned, not midnight
const monthIndexOf = (ms: number) => { const d = new Date(ms); return (d.getUTCFullYear() - 2024) * 12 + d.getUTCMonth(); };
const draftLength = (d: CommitDraft) => d.access_schedule!.schedule_items.length;
function shuffle<T>(r: Rng, xs: T[]): void {
  for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; }
}
