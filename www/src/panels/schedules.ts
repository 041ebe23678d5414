import { clear, h, icon } from '../dom';
import type { EditSession } from '../session';
import type { AccessItem, CommitJson, CreditType, InvoiceItem, InvoiceStatus } from '../types';
import { addMonthsIso, formatAmount, formatDate, inputToIso, toNumber, isoToInput, monthsBetween, shortId, unitLabel } from '../format';
import { accessLocks, invoiceLocks, type Lock } from '../locks';
import { dateInput, describeFieldsBy, textInput, wirePath } from './form';
import type { Panel } from './details';

// Both schedules as tables: edit cells, add a row, remove a row. Rows tied to finalized or void
// invoices show a lock and the reason. Refusals come from the module as issues.

function cellInput(control: HTMLInputElement, path: string, slotId: string): HTMLElement {
  wirePath(control, path, slotId);
  return h('div', { class: 'cell' }, control, h('div', { class: 'issue-slot', id: slotId }));
}

function lockBadge(lock: Lock | undefined, id: string): HTMLElement | null {
  if (!lock) return null;
  return h(
    'div',
    { class: `lock lock-${lock.level}`, id },
    h('span', { class: 'lock-label' }, icon('lock'), lock.level === 'locked' ? 'Locked' : 'Can’t remove'),
    h('span', { class: 'lock-reason' }, lock.reason),
  );
}

function statusBadge(status: InvoiceStatus | undefined, invoiceId: string | null | undefined): HTMLElement {
  if (!invoiceId) return h('span', { class: 'badge badge-muted' }, 'Not invoiced yet');
  const label = status ? status.charAt(0) + status.slice(1).toLowerCase() : 'Status unknown';
  return h(
    'span',
    { class: 'inv-ref' },
    h('span', { class: 'mono', title: invoiceId }, shortId(invoiceId)),
    h('span', { class: `badge badge-${(status ?? 'unknown').toLowerCase()}` }, label),
  );
}

/** Remember which control had focus, by its path, so a re-rendered table can give it back. */
/** What has focus, told so that it is found again after a re-render: a field of an item by the
 *  item's id (undo and restore move rows, so a row's position does not name it), else its key. */
function focusKey(): string | null {
  const a = document.activeElement as HTMLElement | null;
  const row = a?.closest<HTMLElement>('tr.item-row[data-item-id]');
  const id = row?.dataset.itemId;
  const path = a?.dataset.path;
  if (id && path && !a?.dataset.focusKey) return `item\n${id}\n${a === row ? '' : path.slice(path.lastIndexOf('/') + 1)}`;
  return a?.dataset.focusKey ?? path ?? null;
}
function restoreFocus(root: HTMLElement, key: string | null): void {
  if (!key) return;
  let el: HTMLElement | null;
  if (key.startsWith('item\n')) {
    const [, id, field] = key.split('\n');
    const row = root.querySelector<HTMLElement>(`tr.item-row[data-item-id="${CSS.escape(id)}"]`);
    el = field ? (row?.querySelector<HTMLElement>(`[data-path$="/${CSS.escape(field)}"]`) ?? null) : row;
  } else el = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"], [data-path="${CSS.escape(key)}"]`);
  if (el && document.activeElement !== el) el.focus({ preventScroll: true });
}

/** The row a schedule table shows when it has no item: says so, and what the Add button does. */
export function emptyRow(cols: number, text: string): HTMLTableRowElement {
  return h('tr', { class: 'empty-row' }, h('td', { colspan: cols }, text));
}

function fmtOut(v: string, ct: CreditType | undefined): string {
  return toNumber(v) === null ? '' : formatAmount(v, ct);
}

export function schedulesPanel(session: EditSession): Panel & { focusLastRow(kind: 'access' | 'invoice'): void } {
  // ---- access schedule -----------------------------------------------------------------------
  const accessBody = h('tbody');
  const accessUnit = h('span');
  const accessCount = h('span', { class: 'count' });
  const addAccess = h('button', { type: 'button', class: 'btn btn-quiet', 'data-focus-key': 'add:access' }, icon('plus'), 'Add segment');
  const accessTable = h(
    'table',
    { class: 'sched' },
    h('caption', { class: 'visually-hidden' }, 'Access schedule segments'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'col-n' }, '#'),
        h('th', { scope: 'col' }, 'Starts ', h('span', { class: 'label-note' }, '(UTC)')),
        h('th', { scope: 'col' }, 'Ends before ', h('span', { class: 'label-note' }, '(UTC)')),
        h('th', { scope: 'col', class: 'col-amount' }, 'Amount ', h('span', { class: 'label-note' }, accessUnit)),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'col-act' }, h('span', { class: 'visually-hidden' }, 'Actions')),
      ),
    ),
    accessBody,
  );
  const accessSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'access-title', 'data-path': '/access_schedule', 'data-issue-slot': 'access-issues', tabindex: '-1' },
    h('div', { class: 'card-head' }, h('h2', { class: 'card-title', id: 'access-title' }, 'Access schedule'), accessCount),
    h('p', { class: 'hint' }, 'When credit is available to draw down. Starts are inclusive, ends exclusive, on whole hours.'),
    h('div', { class: 'issue-slot', id: 'access-issues' }),
    h('div', { class: 'table-wrap', 'data-path': '/access_schedule/schedule_items', 'data-issue-slot': 'access-items-issues' }, accessTable),
    h('div', { class: 'issue-slot', id: 'access-items-issues' }),
    h('div', { class: 'table-actions' }, addAccess),
  );

  // ---- invoice schedule ----------------------------------------------------------------------
  const invoiceBody = h('tbody');
  const invoiceUnit = h('span');
  const invoiceCount = h('span', { class: 'count' });
  const addInvoice = h('button', { type: 'button', class: 'btn btn-quiet', 'data-focus-key': 'add:invoice' }, icon('plus'), 'Add invoice');
  const invoiceTable = h(
    'table',
    { class: 'sched' },
    h('caption', { class: 'visually-hidden' }, 'Invoice schedule items'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'col-n' }, '#'),
        h('th', { scope: 'col' }, 'Invoice date ', h('span', { class: 'label-note' }, '(UTC)')),
        h('th', { scope: 'col', class: 'col-amount' }, 'Amount ', h('span', { class: 'label-note' }, invoiceUnit)),
        h('th', { scope: 'col', class: 'col-small' }, 'Qty'),
        h('th', { scope: 'col', class: 'col-unit' }, 'Unit price'),
        h('th', { scope: 'col' }, 'Invoice'),
        h('th', { scope: 'col', class: 'col-act' }, h('span', { class: 'visually-hidden' }, 'Actions')),
      ),
    ),
    invoiceBody,
  );
  const invoiceSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'invoice-title', 'data-path': '/invoice_schedule', 'data-issue-slot': 'invoice-issues', tabindex: '-1' },
    h('div', { class: 'card-head' }, h('h2', { class: 'card-title', id: 'invoice-title' }, 'Invoice schedule'), invoiceCount),
    h('p', { class: 'hint' }, 'When the customer is billed for the commit. Give an amount, or a quantity and unit price.'),
    h('div', { class: 'issue-slot', id: 'invoice-issues' }),
    h('div', { class: 'table-wrap', 'data-path': '/invoice_schedule/schedule_items', 'data-issue-slot': 'invoice-items-issues' }, invoiceTable),
    h('div', { class: 'issue-slot', id: 'invoice-items-issues' }),
    h('div', { class: 'table-actions' }, addInvoice),
  );

  addAccess.addEventListener('click', () => {
    const items = session.draft().access_schedule?.schedule_items ?? [];
    const last = items[items.length - 1];
    const start = last?.ending_before && !Number.isNaN(Date.parse(last.ending_before)) ? last.ending_before : nextMonthStart();
    const months = last && Date.parse(last.starting_at) < Date.parse(last.ending_before) ? Math.max(1, monthsBetween(last.starting_at, last.ending_before)) : 1;
    session.addItem('access', { amount: last ? last.amount : 0, starting_at: start, ending_before: addMonthsIso(start, months) });
    focusLast(accessBody);
  });
  addInvoice.addEventListener('click', () => {
    const items = session.draft().invoice_schedule?.schedule_items ?? [];
    const last = items[items.length - 1];
    const prev = items[items.length - 2];
    const step = last && prev ? Math.max(1, monthsBetween(prev.timestamp, last.timestamp)) : 1;
    const ts = last?.timestamp && !Number.isNaN(Date.parse(last.timestamp)) ? addMonthsIso(last.timestamp, step) : nextMonthStart();
    session.addItem('invoice', { timestamp: ts, amount: last?.amount ?? 0 });
    focusLast(invoiceBody);
  });

  function focusLast(body: HTMLElement): void {
    const rows = body.querySelectorAll<HTMLElement>('tr.item-row');
    rows[rows.length - 1]?.querySelector<HTMLElement>('input')?.focus();
  }

  /** Put a removed original item back where it was, as one undoable step. */
  function restore(kind: 'access' | 'invoice', id: string): void {
    const view = session.view();
    const key = kind === 'access' ? 'access_schedule' : 'invoice_schedule';
    const origItems = (session.original[key]?.schedule_items ?? []) as { id?: string }[];
    const item = origItems.find((x) => x.id === id);
    const sched = view[key] as { schedule_items?: { id?: string }[] } | undefined;
    if (!item || !sched) return;
    const items = [...(sched.schedule_items ?? [])];
    const rank = (x: { id?: string }) => origItems.findIndex((o) => o.id === x.id);
    const mine = rank(item);
    let at = items.findIndex((x) => x.id && rank(x) > mine);
    if (at < 0) at = items.length;
    items.splice(at, 0, JSON.parse(JSON.stringify(item)));
    session.replaceDraft({ ...view, [key]: { ...sched, schedule_items: items } } as CommitJson);
    const body = kind === 'access' ? accessBody : invoiceBody;
    body.querySelector<HTMLElement>(`tr.item-row[data-item-id="${CSS.escape(id)}"] input`)?.focus();
  }

  function ghostRows(kind: 'access' | 'invoice', draftItems: { id?: string }[], cols: number, ct: CreditType | undefined): DocumentFragment {
    const frag = document.createDocumentFragment();
    const key = kind === 'access' ? 'access_schedule' : 'invoice_schedule';
    const present = new Set(draftItems.map((x) => x.id).filter(Boolean));
    const removed = ((session.original[key]?.schedule_items ?? []) as (AccessItem | InvoiceItem)[]).filter((x) => x.id && !present.has(x.id));
    for (const item of removed) {
      const what =
        kind === 'access'
          ? `${formatDate((item as AccessItem).starting_at)} – ${formatDate((item as AccessItem).ending_before)}`
          : formatDate((item as InvoiceItem).timestamp);
      const btn = h('button', { type: 'button', class: 'btn btn-quiet btn-small', 'aria-label': `Restore removed ${kind === 'access' ? 'segment' : 'invoice'} ${what}` }, icon('undo'), 'Restore');
      btn.addEventListener('click', () => restore(kind, item.id!));
      frag.append(
        h(
          'tr',
          { class: 'ghost-row', 'data-item-id': item.id },
          h('th', { scope: 'row', class: 'col-n' }, h('span', { class: 'row-id mono', title: item.id }, shortId(item.id))),
          h('td', { colspan: cols - 3 }, h('span', { class: 'ghost-text' }, `${what} · ${formatAmount(item.amount, ct)}`)),
          h('td', { class: 'col-status' }, h('span', { class: 'badge badge-removed' }, 'Removed')),
          h('td', { class: 'col-act' }, btn),
        ),
      );
    }
    return frag;
  }

  function removeButton(path: string, label: string, describedBy: string | null): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'btn btn-icon btn-remove', 'aria-label': label, title: label, 'data-focus-key': `remove:${path}`, 'aria-describedby': describedBy }, icon('trash'));
    b.addEventListener('click', () => session.removeItem(path));
    return b;
  }

  function renderAccess(draft: CommitJson, statuses: Record<string, InvoiceStatus>): void {
    const ct = draft.access_schedule?.credit_type;
    accessUnit.textContent = `(${unitLabel(ct)})`;
    const items: AccessItem[] = draft.access_schedule?.schedule_items ?? [];
    accessCount.textContent = `${items.length} segment${items.length === 1 ? '' : 's'}`;
    const locks = accessLocks(session.original, statuses);
    clear(accessBody);
    const frag = document.createDocumentFragment();
    items.forEach((item, i) => {
      const base = `/access_schedule/schedule_items/${i}`;
      const n = i + 1;
      const lock = item.id ? locks.get(item.id) : undefined;
      const lockId = `access-lock-${i}`;
      const start = dateInput(isoToInput(item.starting_at), `Segment ${n} starts (UTC)`);
      const end = dateInput(isoToInput(item.ending_before), `Segment ${n} ends before (UTC)`);
      const amount = textInput({ value: String(item.amount ?? ''), inputmode: 'decimal', label: `Segment ${n} amount (${unitLabel(ct)})` });
      amount.classList.add('num');
      const out = h('span', { class: 'fmt', 'aria-hidden': 'true' }, fmtOut(String(item.amount ?? ''), ct));
      start.addEventListener('input', () => session.set(`${base}/starting_at`, inputToIso(start.value)));
      end.addEventListener('input', () => session.set(`${base}/ending_before`, inputToIso(end.value)));
      amount.addEventListener('input', () => {
        out.textContent = fmtOut(amount.value, ct);
        session.set(`${base}/amount`, amount.value);
      });
      const rowSlot = `access-row-${i}-issues`;
      const tr = h(
        'tr',
        { class: `item-row${lock ? ' is-locked' : ''}${item.id ? '' : ' is-new'}`, 'data-path': base, 'data-issue-slot': rowSlot, 'data-item-id': item.id ?? null, tabindex: '-1' },
        h('th', { scope: 'row', class: 'col-n' }, h('span', { class: 'row-n' }, String(n)), h('span', { class: 'row-id mono', title: item.id ?? 'Added in this edit' }, item.id ? shortId(item.id) : 'new')),
        h('td', {}, cellInput(start, `${base}/starting_at`, `${base}-s-issues`)),
        h('td', {}, cellInput(end, `${base}/ending_before`, `${base}-e-issues`)),
        h('td', { class: 'col-amount' }, h('div', { class: 'cell' }, h('div', { class: 'amount-wrap' }, amount, out), h('div', { class: 'issue-slot', id: `${base}-a-issues` }))),
        h('td', { class: 'col-status' }, lockBadge(lock, lockId) ?? h('span', { class: 'badge badge-muted' }, item.id ? 'Editable' : 'New')),
        h('td', { class: 'col-act' }, removeButton(base, `Remove segment ${n}`, lock ? lockId : null)),
      );
      wirePath(amount, `${base}/amount`, `${base}-a-issues`);
      describeFieldsBy(tr, rowSlot);
      // Why the row is locked is read out from each of its fields too, after the messages.
      if (lock) describeFieldsBy(tr, lockId);
      frag.append(tr, h('tr', { class: 'issue-slot-row', hidden: true }, h('td', { colspan: 6 }, h('div', { class: 'issue-slot', id: rowSlot }))));
    });
    if (items.length === 0) frag.append(emptyRow(6, 'No access segments: the commit grants no credit. Add a segment to grant some.'));
    frag.append(ghostRows('access', items, 6, ct));
    accessBody.append(frag);
  }

  function renderInvoices(draft: CommitJson, statuses: Record<string, InvoiceStatus>): void {
    const ct = draft.invoice_schedule?.credit_type;
    invoiceUnit.textContent = `(${unitLabel(ct)})`;
    const items: InvoiceItem[] = draft.invoice_schedule?.schedule_items ?? [];
    invoiceCount.textContent = `${items.length} invoice${items.length === 1 ? '' : 's'}`;
    const locks = invoiceLocks(session.original, statuses);
    // The draft does not carry invoice_id (read-only): take it from the original item.
    const invoiceOf = new Map((session.original.invoice_schedule?.schedule_items ?? []).filter((x) => x.id).map((x) => [x.id!, x.invoice_id ?? null]));
    clear(invoiceBody);
    const frag = document.createDocumentFragment();
    items.forEach((item, i) => {
      const base = `/invoice_schedule/schedule_items/${i}`;
      const n = i + 1;
      const lock = item.id ? locks.get(item.id) : undefined;
      const lockId = `invoice-lock-${i}`;
      const ts = dateInput(isoToInput(item.timestamp), `Invoice ${n} date (UTC)`);
      const amount = textInput({ value: item.amount === undefined || item.amount === null ? '' : String(item.amount), inputmode: 'decimal', label: `Invoice ${n} amount (${unitLabel(ct)})`, placeholder: 'or qty × price' });
      amount.classList.add('num');
      const qty = textInput({ value: item.quantity === undefined || item.quantity === null ? '' : String(item.quantity), inputmode: 'decimal', label: `Invoice ${n} quantity` });
      qty.classList.add('num');
      const unit = textInput({ value: item.unit_price === undefined || item.unit_price === null ? '' : String(item.unit_price), inputmode: 'decimal', label: `Invoice ${n} unit price` });
      unit.classList.add('num');
      qty.placeholder = '—';
      unit.placeholder = '—';
      const out = h('span', { class: 'fmt', 'aria-hidden': 'true' }, fmtOut(amount.value, ct));
      ts.addEventListener('input', () => session.set(`${base}/timestamp`, inputToIso(ts.value)));
      // R6: an item is priced by amount, or by quantity × unit price, not both. Typing in one side
      // clears the other in the same step (one set of the whole item, so one undo).
      const priceBy = (side: 'amount' | 'qty') => {
        const other = side === 'amount' ? [qty, unit] : [amount];
        if (other.every((o) => o.value.trim() === '')) return false;
        const cur = (session.draft().invoice_schedule?.schedule_items ?? [])[i];
        if (!cur) return false;
        for (const o of other) o.value = '';
        const next =
          side === 'amount'
            ? { ...cur, amount: amount.value, quantity: null, unit_price: null }
            : { ...cur, amount: null, quantity: qty.value === '' ? null : qty.value, unit_price: unit.value === '' ? null : unit.value };
        session.set(base, next);
        return true;
      };
      amount.addEventListener('input', () => {
        out.textContent = fmtOut(amount.value, ct);
        if (!priceBy('amount')) session.set(`${base}/amount`, amount.value);
      });
      qty.addEventListener('input', () => {
        out.textContent = '';
        if (!priceBy('qty')) session.set(`${base}/quantity`, qty.value);
      });
      unit.addEventListener('input', () => {
        out.textContent = '';
        if (!priceBy('qty')) session.set(`${base}/unit_price`, unit.value);
      });
      const rowSlot = `invoice-row-${i}-issues`;
      const invId = (item.id ? invoiceOf.get(item.id) : null) ?? item.invoice_id ?? null;
      const tr = h(
        'tr',
        { class: `item-row${lock ? ' is-locked' : ''}${item.id ? '' : ' is-new'}`, 'data-path': base, 'data-issue-slot': rowSlot, 'data-item-id': item.id ?? null, tabindex: '-1' },
        h('th', { scope: 'row', class: 'col-n' }, h('span', { class: 'row-n' }, String(n)), h('span', { class: 'row-id mono', title: item.id ?? 'Added in this edit' }, item.id ? shortId(item.id) : 'new')),
        h('td', {}, cellInput(ts, `${base}/timestamp`, `${base}-t-issues`)),
        h('td', { class: 'col-amount' }, h('div', { class: 'cell' }, h('div', { class: 'amount-wrap' }, amount, out), h('div', { class: 'issue-slot', id: `${base}-a-issues` }))),
        h('td', { class: 'col-small' }, cellInput(qty, `${base}/quantity`, `${base}-q-issues`)),
        h('td', { class: 'col-unit' }, cellInput(unit, `${base}/unit_price`, `${base}-u-issues`)),
        h('td', { class: 'col-status' }, statusBadge(invId ? statuses[invId] : undefined, invId), lockBadge(lock, lockId)),
        h('td', { class: 'col-act' }, removeButton(base, `Remove invoice ${n}`, lock ? lockId : null)),
      );
      wirePath(amount, `${base}/amount`, `${base}-a-issues`);
      describeFieldsBy(tr, rowSlot);
      if (lock) describeFieldsBy(tr, lockId);
      frag.append(tr, h('tr', { class: 'issue-slot-row', hidden: true }, h('td', { colspan: 7 }, h('div', { class: 'issue-slot', id: rowSlot }))));
    });
    if (items.length === 0) frag.append(emptyRow(7, 'No invoices scheduled: the customer is not billed for this commit. Add an invoice to bill it.'));
    frag.append(ghostRows('invoice', items, 7, ct));
    invoiceBody.append(frag);
  }

  const el = h('div', { class: 'stack' }, accessSection, invoiceSection);

  return {
    el,
    sync(draft) {
      const key = focusKey();
      const inAccess = accessBody.contains(document.activeElement);
      const had = el.contains(document.activeElement);
      const statuses = session.context.invoice_statuses ?? {};
      renderAccess(draft, statuses);
      renderInvoices(draft, statuses);
      restoreFocus(el, key);
      // The focused row is gone (removed, or an added one undone): land on that table's add button.
      if (had && !el.contains(document.activeElement)) {
        const access = key?.startsWith('remove:') ? key.includes('/access_schedule/') : inAccess;
        (access ? addAccess : addInvoice).focus({ preventScroll: true });
      }
    },
    focusLastRow(kind) {
      focusLast(kind === 'access' ? accessBody : invoiceBody);
    },
  };
}

function nextMonthStart(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().replace('.000Z', 'Z');
}
