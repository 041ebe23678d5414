// The JSON shapes this page reads. They follow the Metronome API (snake_case keys). They are kept
// loose on purpose: the page also holds what a user typed ("12a", "") while the module judges it.

export type InvoiceStatus = 'DRAFT' | 'FINALIZED' | 'VOID';

export interface CreditType {
  id: string;
  name: string;
}

export interface AccessItem {
  id?: string;
  amount: number | string;
  starting_at: string;
  ending_before: string;
}

export interface InvoiceItem {
  id?: string;
  timestamp: string;
  amount?: number | string;
  quantity?: number | string;
  unit_price?: number | string;
  invoice_id?: string | null;
}

export interface Specifier {
  product_id?: string;
  product_tags?: string[];
  pricing_group_values?: Record<string, string>;
  presentation_group_values?: Record<string, string>;
}

export interface LedgerEntry {
  type: string;
  timestamp: string;
  amount: number;
  segment_id?: string;
  invoice_id?: string;
  contract_id?: string;
  reason?: string;
  new_contract_id?: string;
}

export interface CommitJson {
  id: string;
  type: 'PREPAID' | 'POSTPAID';
  product: { id: string; name: string };
  created_at?: string;
  created_by?: string;
  name?: string;
  description?: string;
  priority?: number | string | null;
  rate_type?: 'COMMIT_RATE' | 'LIST_RATE';
  access_schedule?: { credit_type?: CreditType; schedule_items: AccessItem[] };
  invoice_schedule?: { credit_type?: CreditType; do_not_invoice?: boolean; schedule_items?: InvoiceItem[] };
  invoice_contract?: { id: string };
  contract?: { id: string };
  applicable_product_ids?: string[] | null;
  applicable_product_tags?: string[] | null;
  applicable_contract_ids?: string[] | null;
  specifiers?: Specifier[] | null;
  ledger?: LedgerEntry[];
  balance?: number;
  [key: string]: unknown;
}

export interface Issue {
  severity: 'error' | 'warning';
  code: string;
  path: string;
  message: string;
}

export interface Change {
  path: string;
  kind: 'added' | 'updated' | 'removed';
  before?: unknown;
  after?: unknown;
}

export interface SessionPlan {
  payload: Record<string, unknown> | null;
  issues: Issue[];
  changes: Change[];
}

export interface EditContext {
  customer_id: string;
  invoice_statuses?: Record<string, InvoiceStatus>;
  now?: string;
}

export interface Sample {
  key: string;
  label: string;
  customerId: string;
  commit: CommitJson;
  invoiceStatuses: Record<string, InvoiceStatus>;
}
