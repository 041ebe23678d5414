import type { AccessItem, CommitJson, InvoiceItem, InvoiceStatus, LedgerEntry, Sample } from './types';
import { USD_CENTS_ID } from './format';

// Realistic sample data shaped like a list-commits response item with include_ledgers and
// include_balance. Amounts are in USD cents. Every id is a valid UUID.

const USD = { id: USD_CENTS_ID, name: 'USD (cents)' };

export const SAMPLE_CUSTOMER_ID = '1bb62801-06c8-4535-b1cd-e5a4eeebe919';
const CONTRACT_ID = 'b41e5559-e40b-4c54-bc1c-b49de3d0280c';

// ---------------------------------------------------------------------------------------------
// PREPAID: $120,000 for Jul 2026 – Jul 2027 as 12 monthly segments of $10,000, invoiced quarterly
// in advance. Usage invoices Jul–Oct 2026 are finalized, so those four segments are locked.

const SEGMENT_IDS = [
  '944b3718-b166-404c-b4e8-8324f2f7a579', 'b35c55a2-2740-4c43-aef4-b472fd77d0f1',
  'aafa1a6f-4ea1-4bdb-ab9c-71b224ace49d', '5560af26-73f4-4558-8bd1-a74ac2d380bc',
  'ae0350ec-805b-4a79-a8c7-50a04df3de2d', '7530eade-013b-4f67-8d40-095de362a65c',
  '7b7cac3c-61a8-4552-ac6a-1ae7b0c84944', 'c46f8ab2-fd42-4b1f-9bc3-0c626837ecd9',
  '3d716783-7632-4ba1-b3e6-b93c40e87e91', '75462b83-55b5-490a-9de6-7f248257100b',
  'd77b2263-3d69-456d-9442-ab07e7050a47', '16b3a051-3d6f-49a1-bfac-de93507f3ded',
];

function monthStart(year: number, month0: number): string {
  return new Date(Date.UTC(year, month0, 1)).toISOString().replace('.000Z', 'Z');
}

const prepaidAccess: AccessItem[] = SEGMENT_IDS.map((id, i) => ({
  id,
  amount: 1_000_000,
  starting_at: monthStart(2026, 6 + i),
  ending_before: monthStart(2026, 7 + i),
}));

// Scheduled invoices that bill the commit itself.
const INV_Q3 = '84350967-1d3e-4109-bf20-17ef4aeb8801';
const INV_Q4 = 'ecec8eb2-fd4c-4a08-a122-ed0340ff0583';
const INV_Q1 = '4559b4fc-003d-408d-9e01-f85b51ae8b97';

const prepaidInvoices: InvoiceItem[] = [
  { id: '5580baca-7dbe-4b80-aaea-741f5df33ce0', timestamp: '2026-07-01T00:00:00Z', amount: 3_000_000, unit_price: 3_000_000, quantity: 1, invoice_id: INV_Q3 },
  { id: 'db1261a4-88da-4113-b170-021ca2750612', timestamp: '2026-10-01T00:00:00Z', amount: 3_000_000, unit_price: 3_000_000, quantity: 1, invoice_id: INV_Q4 },
  { id: 'e334851e-e8cb-4d83-bae5-fe08bbc1bdc3', timestamp: '2027-01-01T00:00:00Z', amount: 3_000_000, unit_price: 3_000_000, quantity: 1, invoice_id: INV_Q1 },
  { id: '056fb0fb-c8e7-4c9a-bb2a-5bcd2be4d7d0', timestamp: '2027-04-01T00:00:00Z', amount: 3_000_000, unit_price: 3_000_000, quantity: 1, invoice_id: null },
];

// Monthly usage invoices the commit was drawn down on.
const USAGE_INVOICES = [
  'a55e7cb5-bbc4-4fc1-946d-f1f23468bd56', // Jul 2026
  'd28be72d-cc80-494a-95a0-bd51f49d3465', // Aug 2026
  'a620c7d1-4fe1-4294-abb1-1c9a89d9ca26', // Sep 2026
  '9722fff0-6de9-4814-ae47-60867e7e3388', // Oct 2026
  '0bb0be06-a08a-4675-8766-e033bdd7f620', // Nov 2026 (draft, period still open)
];
const USAGE_SPEND = [987_120, 1_000_000, 943_210.5, 1_000_000, 412_877];

const prepaidLedger: LedgerEntry[] = [];
for (let i = 0; i < 5; i++) {
  const seg = prepaidAccess[i];
  prepaidLedger.push({ type: 'PREPAID_COMMIT_SEGMENT_START', timestamp: seg.starting_at, amount: 1_000_000, segment_id: seg.id });
  prepaidLedger.push({
    type: 'PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
    timestamp: seg.ending_before,
    amount: -USAGE_SPEND[i],
    segment_id: seg.id,
    invoice_id: USAGE_INVOICES[i],
    contract_id: CONTRACT_ID,
  });
  if (i < 4 && USAGE_SPEND[i] < 1_000_000) {
    prepaidLedger.push({ type: 'PREPAID_COMMIT_EXPIRATION', timestamp: seg.ending_before, amount: -(1_000_000 - USAGE_SPEND[i]), segment_id: seg.id });
  }
}
const prepaidBalance = prepaidLedger.reduce((sum, e) => sum + e.amount, 0);

const prepaid: CommitJson = {
  id: '8c84851c-0104-4c8b-a733-c556a46ac719',
  type: 'PREPAID',
  name: 'FY27 platform commit',
  description: 'Annual prepaid commitment, $120k, invoiced quarterly in advance. Signed with the FY27 renewal.',
  product: { id: '176182bf-0a82-421d-809f-3942a5fd0c45', name: 'Prepaid platform commit' },
  priority: 100,
  rate_type: 'COMMIT_RATE',
  created_at: '2026-06-12T17:04:33.000Z',
  created_by: 'dana.whitfield@acme-analytics.example',
  invoice_contract: { id: CONTRACT_ID },
  applicable_product_ids: ['21226e46-4c3b-42d6-abb2-e49eb115546e', '1b7bf0ac-ad27-419e-a042-c6fcb7a905dc'],
  applicable_product_tags: ['ai-inference'],
  access_schedule: { credit_type: USD, schedule_items: prepaidAccess },
  invoice_schedule: { credit_type: USD, do_not_invoice: false, schedule_items: prepaidInvoices },
  ledger: prepaidLedger,
  balance: prepaidBalance,
  custom_fields: { opportunity: 'FY27-renewal' },
};

const prepaidStatuses: Record<string, InvoiceStatus> = {
  [INV_Q3]: 'FINALIZED',
  [INV_Q4]: 'FINALIZED',
  [INV_Q1]: 'DRAFT',
  [USAGE_INVOICES[0]]: 'FINALIZED',
  [USAGE_INVOICES[1]]: 'FINALIZED',
  [USAGE_INVOICES[2]]: 'FINALIZED',
  [USAGE_INVOICES[3]]: 'FINALIZED',
  [USAGE_INVOICES[4]]: 'DRAFT',
};

// ---------------------------------------------------------------------------------------------
// POSTPAID: a $500,000 minimum-spend commitment for Apr 2026 – Apr 2027 with its true-up invoice
// at the end of access. One access segment and one invoice item of the same amount.

const POSTPAID_SEGMENT = 'fa0cc1ed-8d58-499d-8f37-8b7befaed482';
const POSTPAID_USAGE = [
  '66cc4d75-46a3-4bdf-bdce-142f2e95a209',
  '59e8e48c-6e61-47a8-b6c1-feab9cd0a8d1',
  'bd116b02-189d-42e4-bbcd-18e15fe4eff1',
];
const postpaidLedger: LedgerEntry[] = [
  { type: 'POSTPAID_COMMIT_INITIAL_BALANCE', timestamp: '2026-04-01T00:00:00Z', amount: 50_000_000 },
  { type: 'POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION', timestamp: '2026-09-01T00:00:00Z', amount: -4_118_230, segment_id: POSTPAID_SEGMENT, invoice_id: POSTPAID_USAGE[0], contract_id: CONTRACT_ID },
  { type: 'POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION', timestamp: '2026-10-01T00:00:00Z', amount: -4_402_915, segment_id: POSTPAID_SEGMENT, invoice_id: POSTPAID_USAGE[1], contract_id: CONTRACT_ID },
  { type: 'POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION', timestamp: '2026-11-01T00:00:00Z', amount: -4_876_004, segment_id: POSTPAID_SEGMENT, invoice_id: POSTPAID_USAGE[2], contract_id: CONTRACT_ID },
];

const postpaid: CommitJson = {
  id: '2e25fcb6-360f-4168-b26c-14b141352bef',
  type: 'POSTPAID',
  name: 'Minimum spend commitment 2026–27',
  description: 'Committed $500k of usage over 12 months; any shortfall is trued up on the final invoice.',
  product: { id: 'cfa7cb7b-578f-4f9e-8a17-9d52d71a7ffb', name: 'Minimum commitment true-up' },
  priority: 200,
  rate_type: 'LIST_RATE',
  created_at: '2026-03-28T09:41:12.000Z',
  created_by: 'dana.whitfield@acme-analytics.example',
  invoice_contract: { id: CONTRACT_ID },
  specifiers: [
    { product_tags: ['compute'] },
    { product_id: '8458fe85-2609-4adb-98fa-d80cb7ee36b4', pricing_group_values: { region: 'us-east-1' } },
  ],
  access_schedule: {
    credit_type: USD,
    schedule_items: [{ id: POSTPAID_SEGMENT, amount: 50_000_000, starting_at: '2026-04-01T00:00:00Z', ending_before: '2027-04-01T00:00:00Z' }],
  },
  invoice_schedule: {
    credit_type: USD,
    do_not_invoice: false,
    schedule_items: [
      { id: '9c8dc9a3-5287-44d2-91f5-af570a7654fe', timestamp: '2027-04-01T00:00:00Z', amount: 50_000_000, unit_price: 50_000_000, quantity: 1, invoice_id: null },
    ],
  },
  ledger: postpaidLedger,
  balance: postpaidLedger.reduce((sum, e) => sum + e.amount, 0),
};

const postpaidStatuses: Record<string, InvoiceStatus> = {
  [POSTPAID_USAGE[0]]: 'FINALIZED',
  [POSTPAID_USAGE[1]]: 'FINALIZED',
  [POSTPAID_USAGE[2]]: 'DRAFT',
};

export const SAMPLES: Sample[] = [
  { key: 'prepaid', label: 'Sample · PREPAID, 12 monthly segments', customerId: SAMPLE_CUSTOMER_ID, commit: prepaid, invoiceStatuses: prepaidStatuses },
  { key: 'postpaid', label: 'Sample · POSTPAID minimum spend', customerId: SAMPLE_CUSTOMER_ID, commit: postpaid, invoiceStatuses: postpaidStatuses },
];

export function cloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Extra ids for the Create tab's defaults. */
export const SAMPLE_IDS = {
  contract: CONTRACT_ID,
  product: '6ffeebd0-12c0-4c4d-9a39-157ea46bd78e',
};
