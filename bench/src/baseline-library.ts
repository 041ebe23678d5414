// The library route: zod validates and normalises both inputs, jsondiffpatch (arrays matched by item id) finds
// what differs, and the same hand-written rules and field semantics turn its delta into the edit payload.
import { create } from "jsondiffpatch";
import { TOP_FIELDS, topField } from "./fields";
import { scheduleEdit, unusable } from "./baseline-handwritten";
import { hasError, report } from "./issues";
import {
  ACCESS, INVOICE, accessItemRules, commitRules, invoiceItemRules, invoiceLockRule, invoiceTimingRule,
  lockedSegments, overlapRule, postpaidRule, rolloverRule,
} from "./rules";
import { CommitSchema, DraftSchema } from "./schemas";
import { instant, isObject, isUuid, present, sameInstant, sameNum, toNum } from "./values";
import type {
  AccessAdd, AccessUpdate, Change, Commit, CommitDraft, EditCommitPayload, EditContext, InvoiceAdd, InvoiceUpdate, Issue, Plan,
} from "./types";

const differ = create({
  objectHash: (item: any) => (isObject(item) && typeof item.id === "string" ? item.id : undefined),
  arrays: { detectMove: true, includeValueOnMove: false },
});

type Delta = Record<string, any>;
/** A field delta is [new] (added), [old, new] (modified) or [old, 0, 0] (deleted). */
const before = (fd: any[]) => (fd.length === 1 ? undefined : fd[0]);
const after = (fd: any[]) => (fd.length === 1 ? fd[0] : fd.length === 2 ? fd[1] : undefined);

export function planEdit(original: Commit, draft: CommitDraft, context: EditContext): Plan {
  if (!isObject(original) || !isObject(draft) || !isObject(context)) throw unusable();
  if (!CommitSchema.safeParse(original).success) throw unusable();
  const issues: Issue[] = [];
  const changes: Change[] = [];
  const parsed = DraftSchema.safeParse(draft);
  if (!parsed.success)
    for (const z of parsed.error.issues) issues.push({ severity: "error", code: z.message, path: pointer(z.path), message: z.message });
  const d = (parsed.success ? parsed.data : draft) as CommitDraft;
  const delta: Delta = differ.diff(original, d) ?? {};
  const payload: EditCommitPayload = { customer_id: context.customer_id, commit_id: original.id };
  for (const k of TOP_FIELDS) if (k in delta) topField(k, original[k], d[k], payload, changes);
  commitRules(original, d, issues);
  accessRules(d, issues);
  invoiceRules(d, issues);
  const sched = (k: string) => (isObject(delta[k]) && isObject(delta[k].schedule_items) ? delta[k].schedule_items : null);
  const ad = sched("access_schedule"), vd = sched("invoice_schedule");
  if (ad !== null) accessDelta(ad, original, d, context, payload, changes, issues);
  if (vd !== null) invoiceDelta(vd, original, d, context, payload, changes, issues);
  postpaidRule(original, d, issues);
  rolloverRule(original, changes.length > 0, issues);
  return { payload: changes.length > 0 && !hasError(issues) ? payload : null, issues, changes };
}

function accessRules(d: CommitDraft, issues: Issue[]): void {
  const items = d.access_schedule?.schedule_items;
  if (!Array.isArray(items)) return;
  const starts = items.map((it) => instant(it?.starting_at)), ends = items.map((it) => instant(it?.ending_before));
  for (let i = 0; i < items.length; i++) accessItemRules(starts[i], ends[i], i, issues);
  overlapRule(starts, ends, issues);
}

function invoiceRules(d: CommitDraft, issues: Issue[]): void {
  const items = d.invoice_schedule?.schedule_items;
  if (!Array.isArray(items)) return;
  items.forEach((it, i) => {
    if (!isObject(it)) return;
    invoiceItemRules(toNum(it.amount), present(it.amount), toNum(it.quantity), present(it.quantity),
      toNum(it.unit_price), present(it.unit_price), instant(it.timestamp), i, issues);
  });
}

/** Items the delta adds with an id: either a second copy of an original id, or an id the original lacks. */
function idIssue(id: unknown, ids: Set<unknown>, path: string, issues: Issue[]): void {
  if (isUuid(id)) report(issues, ids.has(id) ? "duplicate_id" : "unknown_id", `${path}/id`, String(id));
}

function accessDelta(ad: Delta, o: Commit, d: CommitDraft, ctx: EditContext, payload: EditCommitPayload, changes: Change[], issues: Issue[]): void {
  const items = d.access_schedule!.schedule_items;
  const ids = new Set(o.access_schedule?.schedule_items.map((x) => x.id));
  const locked = lockedSegments(o, ctx);
  const add: AccessAdd[] = [], update: AccessUpdate[] = [], remove: { id: string }[] = [];
  for (const key in ad) {
    if (key === "_t") continue;
    const v = ad[key];
    if (key[0] === "_") {
      if (v[2] !== 0) continue; // a move: order is not a change
      remove.push({ id: v[0].id });
      changes.push({ path: ACCESS, kind: "removed", before: v[0] });
      if (locked.has(v[0].id)) report(issues, "access_finalized_remove", ACCESS, `item ${v[0].id}`);
      continue;
    }
    const it = items[+key], path = `${ACCESS}/${key}`;
    if (Array.isArray(v)) {
      if (it.id != null) { idIssue(it.id, ids, path, issues); continue; }
      add.push({ amount: it.amount as number, starting_at: it.starting_at, ending_before: it.ending_before });
      changes.push({ path, kind: "added", after: it });
      continue;
    }
    let upd: AccessUpdate | null = null;
    if (v.amount && !sameNum(before(v.amount), after(v.amount))) {
      (upd ??= { id: it.id! }).amount = it.amount as number;
      changes.push({ path: `${path}/amount`, kind: "updated", before: before(v.amount), after: it.amount });
    }
    for (const f of ["starting_at", "ending_before"] as const) {
      if (!v[f] || sameInstant(before(v[f]), after(v[f]))) continue;
      (upd ??= { id: it.id! })[f] = it[f];
      changes.push({ path: `${path}/${f}`, kind: "updated", before: before(v[f]), after: it[f] });
    }
    if (upd !== null) update.push(upd);
  }
  const section = scheduleEdit(add, update, remove);
  if (section !== null) payload.access_schedule = section;
}

function invoiceDelta(vd: Delta, o: Commit, d: CommitDraft, ctx: EditContext, payload: EditCommitPayload, changes: Change[], issues: Issue[]): void {
  const items = d.invoice_schedule!.schedule_items!;
  const ids = new Set(o.invoice_schedule?.schedule_items?.map((x) => x.id));
  const statuses = ctx.invoice_statuses ?? {};
  const now = instant(ctx.now);
  const add: InvoiceAdd[] = [], update: InvoiceUpdate[] = [], remove: { id: string }[] = [];
  for (const key in vd) {
    if (key === "_t") continue;
    const v = vd[key];
    if (key[0] === "_") {
      if (v[2] !== 0) continue;
      remove.push({ id: v[0].id });
      changes.push({ path: INVOICE, kind: "removed", before: v[0] });
      invoiceLockRule(statuses[v[0].invoice_id ?? ""], true, INVOICE, v[0].id, issues);
      continue;
    }
    const it = items[+key], path = `${INVOICE}/${key}`;
    const hasQP = present(it.quantity) || present(it.unit_price);
    if (Array.isArray(v)) {
      if (it.id != null) { idIssue(it.id, ids, path, issues); continue; }
      add.push(hasQP ? { timestamp: it.timestamp, quantity: it.quantity as number, unit_price: it.unit_price as number }
        : { timestamp: it.timestamp, amount: it.amount as number });
      changes.push({ path, kind: "added", after: it });
      invoiceTimingRule(instant(it.timestamp), now, +key, issues);
      continue;
    }
    let upd: InvoiceUpdate | null = null;
    if (v.timestamp && !sameInstant(before(v.timestamp), after(v.timestamp))) {
      (upd ??= { id: it.id! }).timestamp = it.timestamp;
      changes.push({ path: `${path}/timestamp`, kind: "updated", before: before(v.timestamp), after: it.timestamp });
      invoiceTimingRule(instant(it.timestamp), now, +key, issues);
    }
    const moved = (f: string) => v[f] !== undefined && !sameNum(before(v[f]), after(v[f]));
    if (hasQP) { // R6: quantity and unit_price travel together
      if (moved("quantity") || moved("unit_price")) {
        upd ??= { id: it.id! };
        upd.quantity = it.quantity as number;
        upd.unit_price = it.unit_price as number;
        for (const f of ["quantity", "unit_price"]) if (moved(f)) changes.push({ path: `${path}/${f}`, kind: "updated", before: before(v[f]), after: it[f as "quantity"] });
      }
    } else if (present(it.amount)) { // repriced by amount: the original's quantity and unit_price show as deleted
      const oAmount = v.amount ? before(v.amount) : it.amount;
      const oQ = v.quantity ? before(v.quantity) : undefined, oP = v.unit_price ? before(v.unit_price) : undefined;
      if (moved("amount") || oQ !== 1 || oP !== oAmount) {
        (upd ??= { id: it.id! }).amount = it.amount as number;
        changes.push({ path: `${path}/amount`, kind: "updated", before: oAmount, after: it.amount });
      }
    }
    if (upd !== null) {
      update.push(upd);
      const invoiceId = v.invoice_id ? before(v.invoice_id) : it.invoice_id;
      invoiceLockRule(statuses[invoiceId ?? ""], false, path, it.id!, issues);
    }
  }
  const section = scheduleEdit(add, update, remove);
  if (section !== null) payload.invoice_schedule = section;
}

const pointer = (path: PropertyKey[]) => path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
