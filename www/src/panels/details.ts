import { h } from '../dom';
import type { EditSession } from '../session';
import type { CommitJson } from '../types';
import { card, field, select, syncValue, textInput } from './form';

// Name, description, priority, rate type, product and invoice contract.

export interface Panel {
  el: HTMLElement;
  /** Refresh the controls from the draft (after undo, redo, paste or a new session). */
  sync(draft: CommitJson): void;
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export function detailsPanel(session: EditSession): Panel {
  const name = textInput({ placeholder: 'Shown on invoices' });
  const description = h('textarea', { rows: 2, placeholder: 'Internal note, not shown to the customer' });
  const priority = textInput({ inputmode: 'decimal', placeholder: 'e.g. 100' });
  const rateType = select(
    [
      ['COMMIT_RATE', 'Commit rate (discounted)'],
      ['LIST_RATE', 'List rate'],
    ],
    'COMMIT_RATE',
  );
  const productId = textInput({ mono: true, spellcheck: false, placeholder: '00000000-0000-0000-0000-000000000000' });
  const invoiceContract = textInput({ mono: true, spellcheck: false, placeholder: 'Contract that invoices this commit' });
  const productHint = h('span');

  name.addEventListener('input', () => session.set('/name', name.value));
  description.addEventListener('input', () => session.set('/description', description.value));
  priority.addEventListener('input', () => session.set('/priority', priority.value.trim() === '' ? null : priority.value));
  rateType.addEventListener('change', () => session.set('/rate_type', rateType.value));
  productId.addEventListener('input', () => session.set('/product/id', productId.value.trim()));
  invoiceContract.addEventListener('input', () => {
    const v = invoiceContract.value.trim();
    // The draft may have no invoice_contract object yet; set the whole object.
    session.set('/invoice_contract', v === '' ? null : { id: v });
  });

  const el = card(
    'Commit',
    h(
      'div',
      { class: 'grid-2' },
      field({ label: 'Name', path: '/name', control: name, class: 'span-2' }),
      field({ label: 'Description', path: '/description', control: description, class: 'span-2' }),
      field({ label: 'Priority', path: '/priority', control: priority, hint: 'Lower values are drawn down first. Empty clears it.' }),
      field({ label: 'Rate type', path: '/rate_type', control: rateType, hint: 'Applies to current and future invoices.' }),
      field({ label: 'Product ID', path: '/product/id', control: productId, hint: productHint, class: 'span-2' }),
      field({ label: 'Invoice contract ID', path: '/invoice_contract', control: invoiceContract, class: 'span-2' }),
    ),
  );

  return {
    el,
    sync(draft) {
      syncValue(name, str(draft.name));
      syncValue(description, str(draft.description));
      syncValue(priority, str(draft.priority));
      // A commit without a rate type gets a "Not set" choice, so the select does not claim one.
      let unset = rateType.querySelector<HTMLOptionElement>('option[value=""]');
      if (!draft.rate_type && !unset) {
        unset = h('option', { value: '' }, 'Not set');
        rateType.prepend(unset);
      } else if (draft.rate_type && unset) {
        unset.remove();
      }
      rateType.value = draft.rate_type ? String(draft.rate_type).toUpperCase() : '';
      syncValue(productId, str(draft.product?.id));
      syncValue(invoiceContract, str(draft.invoice_contract?.id));
      const original = session.original.product;
      productHint.textContent =
        original && draft.product?.id === original.id ? `${original.name} · must be a FIXED product` : 'Must be a FIXED product: it invoices the commit.';
    },
  };
}
