// zod schemas for the library route: the original commit (as list-commits returns it) and the draft (as a form
// holds it). Error messages are the issue codes of issues.ts, so both baselines report the same codes.
import * as z from "zod"; // the form zod 4 recommends; it also lets the bundler drop unused locales
import { toNum } from "./values";

const code = (c: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? "missing_field" : c) });
const uuid = z.guid(code("invalid_uuid"));
const ts = z.iso.datetime({ offset: true, ...code("invalid_timestamp") });
/** A form number: a number or a numeric string (" 12.50 "), read as a number; "" and null read as absent. */
const formNum = (inner: z.ZodType) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : typeof v === "string" && toNum(v) === toNum(v) ? toNum(v) : v), inner);
const amount = z.number(code("invalid_number")).nonnegative({ error: "negative_amount" });
const item = { error: "invalid_item" };
const str = z.string(code("invalid_type"));

const AccessItem = z.looseObject({ id: uuid, amount, starting_at: ts, ending_before: ts });
const InvoiceItem = z.looseObject({ id: uuid, amount, unit_price: amount, quantity: amount, timestamp: ts, invoice_id: uuid.nullish() });
const credit = z.looseObject({ id: uuid, name: z.string() }).optional();

export const CommitSchema = z.looseObject({
  id: uuid,
  type: z.enum(["PREPAID", "POSTPAID"]),
  product: z.looseObject({ id: uuid, name: z.string() }),
  created_at: ts,
  access_schedule: z.looseObject({ credit_type: credit, schedule_items: z.array(AccessItem) }).optional(),
  invoice_schedule: z.looseObject({ credit_type: credit, schedule_items: z.array(InvoiceItem).optional() }).optional(),
});

const DraftAccessItem = z.looseObject(
  { id: uuid.nullish(), amount: formNum(amount), starting_at: ts, ending_before: ts }, item);
const DraftInvoiceItem = z.looseObject({
  id: uuid.nullish(), amount: formNum(amount.optional()), quantity: formNum(amount.optional()),
  unit_price: formNum(amount.optional()), timestamp: ts,
}, item);
const uuids = z.array(uuid, { error: "invalid_type" }).nullish();

export const DraftSchema = z.looseObject({
  name: str.optional(),
  description: str.optional(),
  priority: z.preprocess((v) => (typeof v === "string" && toNum(v) === toNum(v) ? toNum(v) : v), z.number(code("invalid_number")).nullish()),
  product: z.looseObject({ id: uuid }).optional(),
  invoice_contract: z.looseObject({ id: uuid }).optional(),
  applicable_product_ids: uuids,
  applicable_contract_ids: uuids,
  applicable_product_tags: z.array(str, { error: "invalid_type" }).nullish(),
  access_schedule: z.looseObject({ schedule_items: z.array(DraftAccessItem, item).optional() }).optional(),
  invoice_schedule: z.looseObject({ schedule_items: z.array(DraftInvoiceItem, item).optional() }).optional(),
});
