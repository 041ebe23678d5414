// Top-level fields of the edit payload: when each counts as changed, and what is sent. Shared by both baselines.
import { isObject, jsonEqual, sameNum, sameSet, toNum } from "./values";
import type { Change, EditCommitPayload } from "./types";

export const TOP_FIELDS = [
  "name", "description", "priority", "rate_type", "product", "invoice_contract", "applicable_product_ids",
  "applicable_product_tags", "applicable_contract_ids", "specifiers", "hierarchy_configuration",
] as const;

/** Adds `key` to the payload when the draft changes it (absent = unchanged, null clears a nullable field). */
export function topField(key: string, o: any, d: any, payload: EditCommitPayload, changes: Change[]): void {
  if (d === undefined) return;
  const put = (name: string, value: unknown, path = `/${key}`, before: unknown = o) => {
    payload[name] = value;
    changes.push({ path, kind: "updated", before, after: value });
  };
  switch (key) {
    case "name": case "description":
      if (d !== o) put(key, d);
      return;
    case "priority":
      if (d === null ? o !== null && o !== undefined : !sameNum(d, o)) put(key, d === null ? null : toNum(d));
      return;
    case "rate_type":
      if (String(d).toUpperCase() !== String(o ?? "").toUpperCase()) put(key, String(d).toUpperCase());
      return;
    case "product": case "invoice_contract":
      if (isObject(d) && d.id !== undefined && d.id !== o?.id) put(`${key === "product" ? "product" : "invoice_contract"}_id`, d.id, `/${key}/id`, o?.id);
      return;
    case "applicable_product_ids": case "applicable_product_tags": case "applicable_contract_ids":
      if (d === null ? o !== null && o !== undefined : !sameSet(d, o)) put(key, d);
      return;
    default: // specifiers, hierarchy_configuration: sent whole when changed
      if (d === null ? o !== null && o !== undefined : !jsonEqual(d, o)) put(key, d);
  }
}
