// The TypeScript a strong team would write instead of the wasm module, written for speed: one pass per schedule,
// a Map of the original's items by id, string equality before any parsing, hand-written rules in the same pass.
import { TOP_FIELDS, topField } from "./fields";
import { checkTopFormats, checkUuid, readAmount, readInstant } from "./format";
import { hasError, report } from "./issues";
import {
  ACCESS, INVOICE, accessItemRules, commitRules, invoiceItemRules, invoiceLockRule, invoiceTimingRule,
  lockedSegments, overlapRule, postpaidRule, rolloverRule,
} from "./rules";
import { instant, isObject, present } from "./values";
import type {
  AccessAdd, AccessUpdate, Change, Commit, CommitDraft, EditCommitPayload, EditContext, InvoiceAdd, InvoiceUpdate, Issue, Plan, ScheduleEdit,
} from "./types";

export function planEdit(original: Commit, draft: CommitDraft, context: EditContext): Plan {
  if (!isObject(original) || !isObject(draft) || !isObject(context)) throw unusable();
  const issues: Issue[] = [];
  const changes: Change[] = [];
  const payload: EditCommitPayload = { customer_id: context.customer_id, commit_id: original.id };
  checkTopFormats(draft, issues);
  for (const k of TOP_FIELDS) topField(k, original[k], draft[k], payload, changes);
  commitRules(original, draft, issues);
  if (draft.access_schedule !== undefined) diffAccess(original, draft, context, payload, changes, issues);
  if (draft.invoice_schedule !== undefined) diffInvoice(original, draft, context, payload, changes, issues);
  postpaidRule(original, draft, issues);
  rolloverRule(original, changes.length > 0, issues);
  return { payload: changes.length > 0 && !hasError(issues) ? payload : null, issues, changes };
}

function diffAccess(o: Commit, d: CommitDraft, ctx: EditContext, payload: EditCommitPayload, changes: Change[], issues: Issue[]): void {
  const items = d.access_schedule?.schedule_items;
  if (items === undefined) return; // absent: unchanged
  if (!Array.isArray(items)) { report(issues, "invalid_item", ACCESS); return; }
  const orig = o.access_schedule?.schedule_items ?? [];
  const byId = new Map<string, number>(); // id -> index in the original
  for (let k = 0; k < orig.length; k++) byId.set(orig[k].id!, k);
  const used = new Uint8Array(orig.length);
  const add: AccessAdd[] = [], update: AccessUpdate[] = [], remove: { id: string }[] = [];
  const starts: number[] = new Array(items.length), ends: number[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    starts[i] = ends[i] = NaN;
    if (!isObject(it)) { report(issues, "invalid_item", `${ACCESS}/${i}`); continue; }
    const amount = readAmount(it.amount, ACCESS, i, "amount", issues, true);
    const start = (starts[i] = readInstant(it.starting_at, ACCESS, i, "starting_at", issues));
    const end = (ends[i] = readInstant(it.ending_before, ACCESS, i, "ending_before", issues));
    accessItemRules(start, end, i, issues);
    const id = it.id;
    if (id === undefined || id === null) {
      add.push({ amount, starting_at: it.starting_at, ending_before: it.ending_before });
      changes.push({ path: `${ACCESS}/${i}`, kind: "added", after: it });
      continue;
    }
    const k = byId.get(id); // an id of the original needs no format check
    if (k === undefined) {
      if (checkUuid(id, `${ACCESS}/${i}/id`, issues)) report(issues, "unknown_id", `${ACCESS}/${i}/id`, id);
      continue;
    }
    if (used[k] === 1) { report(issues, "duplicate_id", `${ACCESS}/${i}/id`, id); continue; }
    used[k] = 1;
    const prev = orig[k];
    let upd: AccessUpdate | null = null;
    if (it.amount !== prev.amount && amount !== prev.amount) {
      (upd ??= { id }).amount = amount;
      changes.push({ path: `${ACCESS}/${i}/amount`, kind: "updated", before: prev.amount, after: amount });
    }
    if (it.starting_at !== prev.starting_at && start !== instant(prev.starting_at)) {
      (upd ??= { id }).starting_at = it.starting_at;
      changes.push({ path: `${ACCESS}/${i}/starting_at`, kind: "updated", before: prev.starting_at, after: it.starting_at });
    }
    if (it.ending_before !== prev.ending_before && end !== instant(prev.ending_before)) {
      (upd ??= { id }).ending_before = it.ending_before;
      changes.push({ path: `${ACCESS}/${i}/ending_before`, kind: "updated", before: prev.ending_before, after: it.ending_before });
    }
    if (upd !== null) update.push(upd);
  }
  const locked = lockedSegments(o, ctx);
  for (let k = 0; k < orig.length; k++) {
    if (used[k] === 1) continue;
    const prev = orig[k];
    remove.push({ id: prev.id! });
    changes.push({ path: ACCESS, kind: "removed", before: prev });
    if (locked.has(prev.id!)) report(issues, "access_finalized_remove", ACCESS, `item ${prev.id}`);
  }
  overlapRule(starts, ends, issues);
  const section = scheduleEdit(add, update, remove);
  if (section !== null) payload.access_schedule = section;
}

function diffInvoice(o: Commit, d: CommitDraft, ctx: EditContext, payload: EditCommitPayload, changes: Change[], issues: Issue[]): void {
  const items = d.invoice_schedule?.schedule_items;
  if (items === undefined) return; // absent: unchanged
  if (!Array.isArray(items)) { report(issues, "invalid_item", INVOICE); return; }
  const orig = o.invoice_schedule?.schedule_items ?? [];
  const byId = new Map<string, number>(); // id -> index in the original
  for (let k = 0; k < orig.length; k++) byId.set(orig[k].id!, k);
  const used = new Uint8Array(orig.length);
  const statuses = ctx.invoice_statuses ?? {};
  const now = instant(ctx.now);
  const add: InvoiceAdd[] = [], update: InvoiceUpdate[] = [], remove: { id: string }[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!isObject(it)) { report(issues, "invalid_item", `${INVOICE}/${i}`); continue; }
    const hasA = present(it.amount), hasQ = present(it.quantity), hasP = present(it.unit_price);
    const amount = readAmount(it.amount, INVOICE, i, "amount", issues, false);
    const quantity = readAmount(it.quantity, INVOICE, i, "quantity", issues, false);
    const price = readAmount(it.unit_price, INVOICE, i, "unit_price", issues, false);
    const ts = readInstant(it.timestamp, INVOICE, i, "timestamp", issues);
    invoiceItemRules(amount, hasA, quantity, hasQ, price, hasP, ts, i, issues);
    const id = it.id;
    if (id === undefined || id === null) {
      add.push(hasQ ? { timestamp: it.timestamp, quantity, unit_price: price } : { timestamp: it.timestamp, amount });
      changes.push({ path: `${INVOICE}/${i}`, kind: "added", after: it });
      invoiceTimingRule(ts, now, i, issues);
      continue;
    }
    const k = byId.get(id); // an id of the original needs no format check
    if (k === undefined) {
      if (checkUuid(id, `${INVOICE}/${i}/id`, issues)) report(issues, "unknown_id", `${INVOICE}/${i}/id`, id);
      continue;
    }
    if (used[k] === 1) { report(issues, "duplicate_id", `${INVOICE}/${i}/id`, id); continue; }
    used[k] = 1;
    const prev = orig[k];
    let upd: InvoiceUpdate | null = null;
    if (it.timestamp !== prev.timestamp && ts !== instant(prev.timestamp)) {
      (upd ??= { id }).timestamp = it.timestamp;
      changes.push({ path: `${INVOICE}/${i}/timestamp`, kind: "updated", before: prev.timestamp, after: it.timestamp });
      invoiceTimingRule(ts, now, i, issues);
    }
    if (hasQ || hasP) { // R6: quantity and unit_price travel together
      if (quantity !== prev.quantity || price !== prev.unit_price) {
        upd ??= { id };
        upd.quantity = quantity;
        upd.unit_price = price;
        if (quantity !== prev.quantity) changes.push({ path: `${INVOICE}/${i}/quantity`, kind: "updated", before: prev.quantity, after: quantity });
        if (price !== prev.unit_price) changes.push({ path: `${INVOICE}/${i}/unit_price`, kind: "updated", before: prev.unit_price, after: price });
      }
    } else if (hasA && (amount !== prev.amount || prev.quantity !== 1 || prev.unit_price !== prev.amount)) { // repriced by amount
      (upd ??= { id }).amount = amount;
      changes.push({ path: `${INVOICE}/${i}/amount`, kind: "updated", before: prev.amount, after: amount });
    }
    if (upd !== null) {
      update.push(upd);
      invoiceLockRule(statuses[prev.invoice_id ?? ""], false, `${INVOICE}/${i}`, id, issues);
    }
  }
  for (let k = 0; k < orig.length; k++) {
    if (used[k] === 1) continue;
    const prev = orig[k];
    remove.push({ id: prev.id! });
    changes.push({ path: INVOICE, kind: "removed", before: prev });
    invoiceLockRule(statuses[prev.invoice_id ?? ""], true, INVOICE, prev.id!, issues);
  }
  const section = scheduleEdit(add, update, remove);
  if (section !== null) payload.invoice_schedule = section;
}

/** An empty list or section is left out of the payload. */
export function scheduleEdit<A, U>(add: A[], update: U[], remove: { id: string }[]): ScheduleEdit<A, U> | null {
  if (add.length + update.length + remove.length === 0) return null;
  const s: ScheduleEdit<A, U> = {};
  if (add.length) s.add_schedule_items = add;
  if (update.length) s.update_schedule_items = update;
  if (remove.length) s.remove_schedule_items = remove;
  return s;
}

export function unusable(): Error {
  const e = Object.assign(new Error("original, draft and context must be objects"), { code: "not_an_object", path: "" });
  e.name = "CommitEditorError";
  return e;
}
