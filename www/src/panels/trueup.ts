import { planDisableTrueup } from 'commit-editor';
import { h } from '../dom';
import type { CommitJson, Issue } from '../types';
import { formatAmount, formatDate, toNumber } from '../format';
import { ENDPOINTS } from '../clipboard';
import { issueSummary, placeIssues } from '../issues';
import { card, field, panelHead, textInput } from './form';
import { payloadPanel } from './payload';
import { tidy } from '../shape';


// Disable the final true-up invoice of a POSTPAID commit (planDisableTrueup).

interface TrueupPlan {
  payload: Record<string, unknown> | null;
  issues: Issue[];
}

export function trueupTab(original: CommitJson, customerId: string): { el: HTMLElement; setCustomer(id: string): void } {
  const contract = textInput({ mono: true, spellcheck: false, value: original.contract?.id ?? original.invoice_contract?.id ?? '' });
  const amendment = textInput({ mono: true, spellcheck: false, placeholder: 'Only when the commit was added by an amendment' });
  const summary = issueSummary(() => form, { emptyText: 'No issues.' });
  const payload = payloadPanel('Disable true-up request', ENDPOINTS.disableTrueup);
  // A POSTPAID commit's invoice is its true-up, at the end of access (the last one, should there
  // be more); any other commit has none to disable.
  const postpaid = String(original.type).toUpperCase() === 'POSTPAID';
  const invoices = tidy(original).invoice_schedule?.schedule_items ?? [];
  const inv = postpaid ? invoices.reduce<(typeof invoices)[number] | undefined>((m, x) => (!m || Date.parse(x.timestamp) >= Date.parse(m.timestamp) ? x : m), undefined) : undefined;
  const trueupText = inv
    ? `${formatDate(inv.timestamp)} · ${formatAmount(inv.amount ?? (toNumber(inv.quantity) ?? 0) * (toNumber(inv.unit_price) ?? 0), original.invoice_schedule?.credit_type)}`
    : postpaid
      ? 'None scheduled'
      : `None: a ${String(original.type)} commit has no true-up`;

  const form = h(
    'div',
    { class: 'form-col', 'data-path': '', 'data-issue-slot': 'trueup-general', tabindex: '-1' },
    h('div', { class: 'issue-slot general-issues', id: 'trueup-general' }),
    card(
      'Disable the true-up invoice',
      h(
        'p',
        { class: 'hint' },
        'For a POSTPAID commit, Metronome invoices the shortfall when usage over the access period stays under the commitment. Disabling the true-up means that invoice is never generated. The API does not say that this can be undone.',
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Commit type'),
        h('dd', {}, String(original.type)),
        h('dt', {}, 'True-up invoice'),
        h('dd', {}, trueupText),
      ),
      h(
        'div',
        { class: 'grid-2' },
        field({ label: 'Contract ID', path: '/contract_id', control: contract, hint: 'The contract the commit is on.' }),
        field({ label: 'Amendment ID', labelNote: '(optional)', path: '/amendment_id', control: amendment }),
      ),
    ),
  );
  const side = h('aside', { class: 'side-col', 'aria-label': 'Issues and request' }, summary.el, payload.el);
  const el = h('div', {}, panelHead('Disable the true-up'), h('div', { class: 'edit-grid' }, form, side));

  function run(): void {
    const req: Record<string, string> = { customer_id: customerId };
    if (contract.value.trim()) req.contract_id = contract.value.trim();
    if (amendment.value.trim()) req.amendment_id = amendment.value.trim();
    let plan: TrueupPlan;
    try {
      plan = planDisableTrueup(original as never, req as never) as unknown as TrueupPlan;
    } catch (e) {
      plan = { payload: null, issues: [{ severity: 'error', code: 'module_error', path: '', message: (e as Error).message }] };
    }
    placeIssues(form, plan.issues);
    summary.update(plan.issues, plan.payload ? 'No issues. The request is ready to send.' : undefined);
    payload.update(plan.payload, 'Fix the errors listed above to get a request body.');
  }
  contract.addEventListener('input', run);
  amendment.addEventListener('input', run);
  run();
  return {
    el,
    /** A new customer id keeps what was typed here. */
    setCustomer(id) {
      customerId = id;
      run();
    },
  };
}
