// generateSchedule's items drop into a draft's schedule_items without a cast: the answer's item
// type follows the rule's kind (audit 9: they were one union type whatever the kind).
import { generateSchedule, type CommitDraft, type CreateCommitDraft } from 'commit-editor';

const rule = { total: '12000000', starting_at: '2026-01-01T00:00:00Z', ending_before: '2027-01-01T00:00:00Z', frequency: 'MONTHLY', distribution: 'DIVIDED_ROUNDED' } as const;

export function createDraft(customer_id: string, product_id: string): CreateCommitDraft {
  return {
    customer_id,
    type: 'PREPAID',
    priority: 1,
    product_id,
    invoice_contract_id: '3b4c5d6e-7f80-4192-a3b4-c5d6e7f80912',
    access_schedule: { schedule_items: generateSchedule({ ...rule, kind: 'access' }).items },
    invoice_schedule: { schedule_items: generateSchedule({ ...rule, kind: 'invoice' }).items },
  };
}

export function editDraft(draft: CommitDraft): CommitDraft {
  const access = generateSchedule({ ...rule, kind: 'access' });
  const invoice = generateSchedule({ ...rule, kind: 'invoice' });
  return {
    ...draft,
    access_schedule: { ...draft.access_schedule, schedule_items: access.items },
    invoice_schedule: { ...draft.invoice_schedule, schedule_items: invoice.items },
  };
}
