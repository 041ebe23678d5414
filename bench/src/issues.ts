// Issue codes shared by both baselines, and a helper to report one.
import type { Issue } from "./types";

export const CODES = {
  invalid_uuid: "not a UUID",
  invalid_timestamp: "not an RFC 3339 timestamp with an offset (Z or ±hh:mm)",
  invalid_number: "not a finite number or numeric string",
  negative_amount: "amounts cannot be negative",
  missing_field: "required field is missing",
  invalid_type: "wrong type for this field",
  invalid_item: "a schedule item must be an object, and schedule_items an array",
  access_range_empty: "ending_before must be after starting_at",
  access_not_on_hour: "access timestamps must be on the hour (UTC)",
  access_overlap: "access segment overlaps an earlier one",
  invoice_pricing: "give amount, or quantity together with unit_price",
  invoice_amount_mismatch: "amount differs from quantity × unit_price",
  invoice_not_on_hour: "invoice timestamp is not on the hour",
  invoice_in_past: "new or moved invoice item dated before now: its invoice finalizes at once (R23)",
  duplicate_id: "the same item id appears twice in the draft",
  unknown_id: "this id is not an item of the original commit",
  postpaid_items: "a POSTPAID commit needs exactly one access segment and one invoice item (R2)",
  postpaid_total: "a POSTPAID commit's invoice total must equal its access amount (R2)",
  invoice_finalized: "an item on a FINALIZED invoice cannot be updated or removed (R9)",
  invoice_void_remove: "an item on a VOID invoice cannot be removed (R9)",
  access_finalized_remove: "a segment applied to a FINALIZED invoice cannot be removed (R10)",
  specifiers_conflict: "specifiers cannot be combined with applicable_product_ids/tags (R1)",
  rollover_locked: "a rollover commit cannot be edited (R12)",
  contract_ids_locked: "applicable_contract_ids cannot change on a POSTPAID or contract-level commit (R14)",
  immutable_field: "the edit endpoint cannot change this field",
} as const;
export type Code = keyof typeof CODES;

const WARNINGS = new Set<Code>(["access_overlap", "invoice_not_on_hour", "invoice_in_past"]);

export function report(issues: Issue[], code: Code, path: string, detail?: string): void {
  const message = detail === undefined ? CODES[code] : `${CODES[code]}: ${detail}`;
  issues.push({ severity: WARNINGS.has(code) ? "warning" : "error", code, path, message });
}

export const hasError = (issues: Issue[]): boolean => issues.some((i) => i.severity === "error");
