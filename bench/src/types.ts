// Shapes used by the benchmark (a subset of the list-commits Commit and of the edit payload).
// Numbers in a draft may be numeric strings, as a form holds them.

export type Num = number | string;

export interface AccessItem { id?: string; amount: Num; starting_at: string; ending_before: string }
export interface InvoiceItem {
  id?: string; amount?: Num; unit_price?: Num; quantity?: Num; timestamp: string; invoice_id?: string | null;
}
export interface CreditType { id: string; name: string }

export interface Commit {
  id: string;
  type: "PREPAID" | "POSTPAID";
  product: { id: string; name: string };
  created_at: string;
  name?: string;
  description?: string;
  priority?: Num | null;
  rate_type?: "COMMIT_RATE" | "LIST_RATE";
  access_schedule?: { credit_type?: CreditType; schedule_items: AccessItem[] };
  invoice_schedule?: { credit_type?: CreditType; do_not_invoice?: boolean; schedule_items?: InvoiceItem[] };
  invoice_contract?: { id: string };
  contract?: { id: string };
  applicable_product_ids?: string[] | null;
  applicable_product_tags?: string[] | null;
  applicable_contract_ids?: string[] | null;
  specifiers?: unknown[] | null;
  hierarchy_configuration?: unknown;
  rolled_over_from?: { commit_id: string; contract_id: string };
  ledger?: { type: string; segment_id?: string; invoice_id?: string }[];
  [key: string]: unknown;
}
export type CommitDraft = Commit;

export type InvoiceStatus = "DRAFT" | "FINALIZED" | "VOID";
export interface EditContext { customer_id: string; invoice_statuses?: Record<string, InvoiceStatus>; now?: string }

export interface ScheduleEdit<A, U> { add_schedule_items?: A[]; update_schedule_items?: U[]; remove_schedule_items?: { id: string }[] }
export type AccessAdd = { amount: number; starting_at: string; ending_before: string };
export type AccessUpdate = { id: string; amount?: number; starting_at?: string; ending_before?: string };
export type InvoiceAdd = { timestamp: string; amount?: number; quantity?: number; unit_price?: number };
export type InvoiceUpdate = { id: string; timestamp?: string; amount?: number; quantity?: number; unit_price?: number };

export interface EditCommitPayload {
  customer_id: string;
  commit_id: string;
  access_schedule?: ScheduleEdit<AccessAdd, AccessUpdate>;
  invoice_schedule?: ScheduleEdit<InvoiceAdd, InvoiceUpdate>;
  [key: string]: unknown;
}

export interface Issue { severity: "error" | "warning"; code: string; path: string; message: string }
export interface Change { path: string; kind: "added" | "updated" | "removed"; before?: unknown; after?: unknown }
export interface Plan { payload: EditCommitPayload | null; issues: Issue[]; changes: Change[] }
