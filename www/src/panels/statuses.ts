import { clear, h } from '../dom';
import type { EditSession } from '../session';
import type { InvoiceStatus } from '../types';
import { referencedInvoices } from '../locks';
import { card, select } from './form';
import type { Panel } from './details';

// Invoice statuses are not part of the commit object: they come from the invoices API. The page
// asks for them here and hands them to the module in the session's context.

export function statusesPanel(session: EditSession): Panel {
  const body = h('tbody');
  const empty = h('p', { class: 'hint' }, 'This commit refers to no invoices.');
  const table = h(
    'table',
    { class: 'plain' },
    h('caption', { class: 'visually-hidden' }, 'Invoices referenced by this commit'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Invoice'), h('th', { scope: 'col' }, 'Referenced by'), h('th', { scope: 'col' }, 'Status'))),
    body,
  );
  const el = card(
    'Invoice statuses',
    h(
      'p',
      { class: 'hint' },
      'A commit does not say which of its invoices are finalized. Set each status as the invoices API reports it (GET /v1/customers/{customer_id}/invoices/{invoice_id}); locks follow from it.',
    ),
    h('div', { class: 'table-wrap' }, table),
    empty,
  );
  el.id = 'invoice-statuses';

  return {
    el,
    sync() {
      const refs = referencedInvoices(session.original);
      const statuses = session.context.invoice_statuses ?? {};
      clear(body);
      table.hidden = refs.length === 0;
      empty.hidden = refs.length !== 0;
      for (const ref of refs) {
        const sel = select(
          [
            ['', 'Unknown'],
            ['DRAFT', 'Draft'],
            ['FINALIZED', 'Finalized'],
            ['VOID', 'Void'],
          ],
          statuses[ref.invoiceId] ?? '',
          `Status of invoice ${ref.invoiceId}`,
        );
        sel.dataset.invoiceId = ref.invoiceId;
        sel.dataset.focusKey = `status:${ref.invoiceId}`;
        sel.addEventListener('change', () => {
          session.setInvoiceStatus(ref.invoiceId, sel.value as InvoiceStatus | '');
          body.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(`status:${ref.invoiceId}`)}"]`)?.focus();
        });
        body.append(
          h(
            'tr',
            {},
            h('td', { class: 'mono' }, ref.invoiceId),
            h('td', { class: 'muted' }, ref.usedBy.join(', ')),
            h('td', {}, sel),
          ),
        );
      }
    },
  };
}
