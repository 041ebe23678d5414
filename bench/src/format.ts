// Hand-written format checks (what zod does in the library route): read a value, report why it is unreadable.
import { report } from "./issues";
import { instant, isUuid, present, toNum } from "./values";
import type { Issue } from "./types";

// Item fields are read as (schedule prefix, index, field): the path string is built only when reporting.

/** A finite non-negative number or numeric string; NaN (and an issue) otherwise. Absent: NaN, reported only if required. */
export function readAmount(v: unknown, prefix: string, i: number, field: string, issues: Issue[], required: boolean): number {
  if (typeof v === "number" && v >= 0 && v !== Infinity) return v; // the common case
  if (!present(v)) { if (required) report(issues, "missing_field", `${prefix}/${i}/${field}`); return NaN; }
  const n = toNum(v);
  if (n !== n) report(issues, "invalid_number", `${prefix}/${i}/${field}`);
  else if (n < 0) report(issues, "negative_amount", `${prefix}/${i}/${field}`);
  return n;
}

/** Epoch ms of a required RFC 3339 timestamp with offset; NaN (and an issue) otherwise. */
export function readInstant(v: unknown, prefix: string, i: number, field: string, issues: Issue[]): number {
  const ms = instant(v);
  if (ms !== ms) report(issues, v === undefined || v === null ? "missing_field" : "invalid_timestamp", `${prefix}/${i}/${field}`);
  return ms;
}

export function checkUuid(v: unknown, path: string, issues: Issue[]): boolean {
  if (isUuid(v)) return true;
  report(issues, "invalid_uuid", path);
  return false;
}

/** Formats of the top-level fields the edit can send. */
export function checkTopFormats(d: Record<string, any>, issues: Issue[]): void {
  for (const k of ["name", "description"]) if (d[k] !== undefined && typeof d[k] !== "string") report(issues, "invalid_type", `/${k}`);
  if (d.priority !== undefined && d.priority !== null && toNum(d.priority) !== toNum(d.priority)) report(issues, "invalid_number", "/priority");
  for (const k of ["product", "invoice_contract"]) if (d[k] !== undefined) checkUuid(d[k]?.id, `/${k}/id`, issues);
  for (const k of ["applicable_product_ids", "applicable_contract_ids", "applicable_product_tags"]) {
    const v = d[k];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) { report(issues, "invalid_type", `/${k}`); continue; }
    for (let i = 0; i < v.length; i++) {
      if (k === "applicable_product_tags") { if (typeof v[i] !== "string") report(issues, "invalid_type", `/${k}/${i}`); }
      else checkUuid(v[i], `/${k}/${i}`, issues);
    }
  }
}
