import { generateSchedule, planCreate } from 'commit-editor';
import { clear, h, icon, nextId } from '../dom';
import type { CommitJson, Issue } from '../types';
import { addMonthsIso, formatAmount, inputToIso, isoToInput, unitLabel, USD_CENTS_ID } from '../format';
import { ENDPOINTS } from '../clipboard';
import { issueSummary, placeIssues } from '../issues';
import { SAMPLE_IDS } from '../samples';
import { card, dateInput, describeFieldsBy, field, panelHead, select, textInput, wirePath } from './form';
import { payloadPanel } from './payload';
import { emptyRow } from './schedules';
import { previewPanel } from './preview';


// Create a customer commit (planCreate). Schedules can be typed row by row or filled from a rule
// with generateSchedule.

type Row = Record<string, string>;

interface CreateDraft {
  customer_id: string;
  type: 'PREPAID' | 'POSTPAID';
  name: string;
  description: string;
  priority: string;
  product_id: string;
  rate_type: string;
  invoice_contract_id: string;
  uniqueness_key: string;
  access: Row[];
  invoice: Row[];
}

interface CreatePlan {
  payload: Record<string, unknown> | null;
  issues: Issue[];
  preview?: CommitJson;
}

const USD = { id: USD_CENTS_ID, name: 'USD (cents)' };

function nextMonthStart(offset = 1): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().replace('.000Z', 'Z');
}

/** The draft as planCreate takes it: the create request's shape, with values as the form holds them. */
function toRequest(d: CreateDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    customer_id: d.customer_id,
    type: d.type,
    priority: d.priority,
    product_id: d.product_id,
    access_schedule: { credit_type_id: USD_CENTS_ID, schedule_items: d.access.map((r) => ({ amount: r.amount, starting_at: r.starting_at, ending_before: r.ending_before })) },
  };
  if (d.invoice.length) out.invoice_schedule = { credit_type_id: USD_CENTS_ID, schedule_items: d.invoice.map((r) => ({ timestamp: r.timestamp, amount: r.amount })) };
  if (d.name) out.name = d.name;
  if (d.description) out.description = d.description;
  if (d.rate_type) out.rate_type = d.rate_type;
  if (d.invoice_contract_id) out.invoice_contract_id = d.invoice_contract_id;
  if (d.uniqueness_key) out.uniqueness_key = d.uniqueness_key;
  return out;
}

export function createTab(getCustomerId: () => string): { el: HTMLElement; refresh(): void } {
  const start = nextMonthStart();
  const d: CreateDraft = {
    customer_id: getCustomerId(),
    type: 'PREPAID',
    name: 'FY28 platform commit',
    description: '',
    priority: '100',
    product_id: SAMPLE_IDS.product,
    rate_type: 'COMMIT_RATE',
    invoice_contract_id: SAMPLE_IDS.contract,
    uniqueness_key: '',
    access: [],
    invoice: [{ timestamp: start, amount: '6000000' }],
  };
  for (let i = 0; i < 12; i++) d.access.push({ amount: '500000', starting_at: addMonthsIso(start, i), ending_before: addMonthsIso(start, i + 1) });

  const summary = issueSummary(() => form, { emptyText: 'No issues. The request below is ready to send.' });
  const payload = payloadPanel('Create request', ENDPOINTS.create);
  const preview = previewPanel({ title: 'Preview', showChanges: false, single: 'New' });

  // ---- commit fields ---------------------------------------------------------------------------
  const typeGroup = nextId('type');
  const typeRadios = (['PREPAID', 'POSTPAID'] as const).map((t) => {
    const id = nextId('type');
    const input = h('input', { type: 'radio', name: typeGroup, id, value: t, checked: d.type === t });
    input.addEventListener('change', () => {
      if (!input.checked) return;
      d.type = t;
      run();
    });
    return h('label', { for: id, class: 'seg-option' }, input, h('span', {}, t === 'PREPAID' ? 'Prepaid' : 'Postpaid'));
  });
  const typeField = h(
    'div',
    { class: 'field span-2', 'data-path': '/type', 'data-issue-slot': 'create-type-issues', tabindex: '-1' },
    h('fieldset', { class: 'segmented' }, h('legend', { class: 'field-label' }, 'Type'), ...typeRadios),
    h('p', { class: 'hint' }, 'Prepaid: paid up front, drawn down by usage. Postpaid: a minimum spend, with one access segment and one true-up invoice of the same amount.'),
    h('div', { class: 'issue-slot', id: 'create-type-issues' }),
  );

  const bind = (control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, key: keyof CreateDraft, trim = false) => {
    control.value = String(d[key]);
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      (d as unknown as Record<string, string>)[key] = trim ? control.value.trim() : control.value;
      run();
    });
    return control;
  };

  const commitCard = card(
    'New commit',
    h(
      'div',
      { class: 'grid-2' },
      typeField,
      field({ label: 'Name', path: '/name', control: bind(textInput({ placeholder: 'Shown on invoices' }), 'name'), class: 'span-2' }),
      field({ label: 'Description', path: '/description', control: bind(h('textarea', { rows: 2, placeholder: 'Internal note' }), 'description'), class: 'span-2' }),
      field({ label: 'Priority', path: '/priority', control: bind(textInput({ inputmode: 'decimal' }), 'priority'), hint: 'Lower values are drawn down first.' }),
      field({
        label: 'Rate type',
        path: '/rate_type',
        control: bind(
          select(
            [
              ['COMMIT_RATE', 'Commit rate (discounted)'],
              ['LIST_RATE', 'List rate'],
              ['', 'Not set'],
            ],
            d.rate_type,
          ),
          'rate_type',
        ),
      }),
      field({ label: 'Product ID', path: '/product_id', control: bind(textInput({ mono: true, spellcheck: false }), 'product_id', true), hint: 'A FIXED product: it invoices the commit.', class: 'span-2' }),
      field({ label: 'Invoice contract ID', path: '/invoice_contract_id', control: bind(textInput({ mono: true, spellcheck: false }), 'invoice_contract_id', true), hint: 'Required for postpaid commits and for prepaid commits with invoices.', class: 'span-2' }),
      field({ label: 'Uniqueness key', labelNote: '(optional)', path: '/uniqueness_key', control: bind(textInput({ placeholder: '1–128 characters; a repeat gets 409' }), 'uniqueness_key'), class: 'span-2' }),
    ),
  );

  // ---- schedules --------------------------------------------------------------------------------
  function scheduleCard(kind: 'access' | 'invoice'): HTMLElement {
    const isAccess = kind === 'access';
    const root = isAccess ? '/access_schedule' : '/invoice_schedule';
    const body = h('tbody');
    const count = h('span', { class: 'count' });
    const add = h('button', { type: 'button', class: 'btn btn-quiet' }, icon('plus'), isAccess ? 'Add segment' : 'Add invoice');
    const cols = isAccess ? ['Starts (UTC)', 'Ends before (UTC)', `Amount (${unitLabel(USD)})`] : ['Invoice date (UTC)', `Amount (${unitLabel(USD)})`];
    const table = h(
      'table',
      { class: 'sched' },
      h('caption', { class: 'visually-hidden' }, isAccess ? 'New access schedule' : 'New invoice schedule'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'col-n' }, '#'), ...cols.map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col', class: 'col-act' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      body,
    );
    const rows = () => (isAccess ? d.access : d.invoice);

    function render(): void {
      clear(body);
      count.textContent = `${rows().length} ${isAccess ? 'segment' : 'invoice'}${rows().length === 1 ? '' : 's'}`;
      if (rows().length === 0) {
        body.append(
          emptyRow(
            cols.length + 2,
            isAccess ? 'No access segments yet. Add a segment, or fill them from a rule.' : 'No invoices: the commit is not billed. Add an invoice, or fill them from a rule.',
          ),
        );
      }
      rows().forEach((r, i) => {
        const base = `${root}/schedule_items/${i}`;
        const n = i + 1;
        const cells: HTMLElement[] = [];
        const dateKeys = isAccess ? ['starting_at', 'ending_before'] : ['timestamp'];
        for (const k of dateKeys) {
          const inp = dateInput(isoToInput(r[k]), `${isAccess ? 'Segment' : 'Invoice'} ${n} ${k === 'ending_before' ? 'ends before' : k === 'starting_at' ? 'starts' : 'date'} (UTC)`);
          inp.addEventListener('input', () => {
            r[k] = inputToIso(inp.value);
            run();
          });
          wirePath(inp, `${base}/${k}`, `c-${base}-${k}`);
          cells.push(h('td', {}, h('div', { class: 'cell' }, inp, h('div', { class: 'issue-slot', id: `c-${base}-${k}` }))));
        }
        const amt = textInput({ value: r.amount, inputmode: 'decimal', label: `${isAccess ? 'Segment' : 'Invoice'} ${n} amount (USD cents)` });
        amt.classList.add('num');
        const out = h('span', { class: 'fmt', 'aria-hidden': 'true' }, r.amount ? formatAmount(r.amount, USD) : '');
        amt.addEventListener('input', () => {
          r.amount = amt.value;
          out.textContent = amt.value.trim() ? formatAmount(amt.value, USD) : '';
          run();
        });
        wirePath(amt, `${base}/amount`, `c-${base}-amount`);
        cells.push(h('td', { class: 'col-amount' }, h('div', { class: 'cell' }, h('div', { class: 'amount-wrap' }, amt, out), h('div', { class: 'issue-slot', id: `c-${base}-amount` }))));
        const rm = h('button', { type: 'button', class: 'btn btn-icon btn-remove', 'aria-label': `Remove ${isAccess ? 'segment' : 'invoice'} ${n}`, title: 'Remove' }, icon('trash'));
        rm.addEventListener('click', () => {
          rows().splice(i, 1);
          render();
          run();
          (body.querySelectorAll<HTMLElement>('.btn-remove')[Math.min(i, rows().length - 1)] ?? add).focus();
        });
        const slot = `c-${base}-row`;
        const tr = h('tr', { class: 'item-row', 'data-path': base, 'data-issue-slot': slot, tabindex: '-1' }, h('th', { scope: 'row', class: 'col-n' }, String(n)), ...cells, h('td', { class: 'col-act' }, rm));
        describeFieldsBy(tr, slot);
        body.append(
          tr,
          h('tr', { class: 'issue-slot-row', hidden: true }, h('td', { colspan: cols.length + 2 }, h('div', { class: 'issue-slot', id: slot }))),
        );
      });
    }

    add.addEventListener('click', () => {
      const list = rows();
      const last = list[list.length - 1];
      if (isAccess) {
        const s = last?.ending_before || nextMonthStart();
        list.push({ amount: last?.amount ?? '0', starting_at: s, ending_before: addMonthsIso(s, 1) });
      } else {
        list.push({ timestamp: last?.timestamp ? addMonthsIso(last.timestamp, 1) : nextMonthStart(), amount: last?.amount ?? '0' });
      }
      render();
      run();
      // Each item row is followed by its issue row: the last item row is not the last row.
      [...body.querySelectorAll<HTMLElement>('tr.item-row')].pop()?.querySelector<HTMLElement>('input')?.focus();
    });

    // ---- "fill from a rule" (generateSchedule) ----
    const gTotal = textInput({ inputmode: 'decimal', value: '6000000' });
    const gStart = dateInput(isoToInput(nextMonthStart()));
    const gEnd = dateInput(isoToInput(addMonthsIso(nextMonthStart(), 12)));
    const gFreq = select(
      [
        ['MONTHLY', 'Monthly'],
        ['QUARTERLY', 'Quarterly'],
        ['SEMI_ANNUAL', 'Semi-annual'],
        ['ANNUAL', 'Annual'],
      ],
      isAccess ? 'MONTHLY' : 'QUARTERLY',
    );
    const gDist = select(
      [
        ['DIVIDED', 'Divide the total'],
        ['DIVIDED_ROUNDED', 'Divide, rounded'],
        ['EACH', 'Total for each period'],
      ],
      'DIVIDED_ROUNDED',
    );
    const gBtn = h('button', { type: 'submit', class: 'btn btn-secondary' }, isAccess ? 'Replace segments' : 'Replace invoices');
    // A form of its own, so Enter in any of its fields fills as the button does. No browser
    // validation: the module judges the rule and says what is wrong next to the field.
    const gRoot = h('form', { class: 'generator', novalidate: true, 'data-path': '', 'data-issue-slot': `gen-${kind}-issues`, tabindex: '-1' });
    gRoot.append(
      h(
        'div',
        { class: 'grid-3' },
        field({ label: 'Total', labelNote: '(USD cents)', path: '/total', control: gTotal }),
        field({ label: 'Starts', labelNote: '(UTC)', path: '/starting_at', control: gStart }),
        field({ label: 'Ends before', labelNote: '(UTC)', path: '/ending_before', control: gEnd }),
        field({ label: 'Every', path: '/frequency', control: gFreq }),
        field({ label: 'Amounts', path: '/distribution', control: gDist }),
        h('div', { class: 'field field-end' }, gBtn),
      ),
      h('div', { class: 'issue-slot', id: `gen-${kind}-issues` }),
    );
    // An issue about the rule as a whole (its path is "") shows under the helper: each field reads it out.
    describeFieldsBy(gRoot, `gen-${kind}-issues`);
    function generate(): { items: Record<string, unknown>[]; issues: Issue[] } {
      let res: { items: Record<string, unknown>[]; issues: Issue[] };
      try {
        res = generateSchedule({
          total: gTotal.value,
          starting_at: inputToIso(gStart.value),
          ending_before: inputToIso(gEnd.value),
          frequency: gFreq.value,
          distribution: gDist.value,
          kind,
        } as never) as unknown as typeof res;
      } catch (e) {
        res = { items: [], issues: [{ severity: 'error', code: 'module_error', path: '', message: (e as Error).message }] };
      }
      generators.set(gRoot, res.issues);
      placeIssues(gRoot, res.issues);
      return res;
    }
    // Once the rule has been tried, its issues follow each change (a fixed value loses its error).
    gRoot.addEventListener('input', () => {
      if (generators.has(gRoot)) generate();
    });
    gRoot.addEventListener('submit', (e) => {
      // The page stays: nothing is sent anywhere.
      e.preventDefault();
      const res = generate();
      if (res.issues.some((i) => i.severity === 'error')) return;
      const next: Row[] = res.items.map((it): Row =>
        isAccess
          ? { amount: String(it.amount ?? ''), starting_at: String(it.starting_at ?? ''), ending_before: String(it.ending_before ?? '') }
          : { timestamp: String(it.timestamp ?? ''), amount: String(it.amount ?? '') },
      );
      if (isAccess) d.access = next;
      else d.invoice = next;
      render();
      run();
    });
    const gen = h('details', { class: 'gen-details' }, h('summary', {}, 'Fill from a rule…'), gRoot);

    render();
    return h(
      'section',
      { class: 'card', 'aria-label': isAccess ? 'Access schedule' : 'Invoice schedule', 'data-path': root, 'data-issue-slot': `create-${kind}-issues`, tabindex: '-1' },
      h('div', { class: 'card-head' }, h('h2', { class: 'card-title' }, isAccess ? 'Access schedule' : 'Invoice schedule'), count),
      h('div', { class: 'issue-slot', id: `create-${kind}-issues` }),
      h('div', { class: 'table-wrap', 'data-path': `${root}/schedule_items`, 'data-issue-slot': `create-${kind}-items-issues` }, table),
      h('div', { class: 'issue-slot', id: `create-${kind}-items-issues` }),
      h('div', { class: 'table-actions' }, add),
      gen,
    );
  }

  /** Each "fill from a rule" helper's last issues (they concern the helper, not the request). */
  const generators = new Map<HTMLElement, Issue[]>();
  const accessCard = scheduleCard('access');
  const invoiceCard = scheduleCard('invoice');
  const form = h(
    'div',
    { class: 'form-col', 'data-path': '', 'data-issue-slot': 'create-general', tabindex: '-1' },
    h('div', { class: 'issue-slot general-issues', id: 'create-general' }),
    commitCard,
    accessCard,
    invoiceCard,
  );
  const side = h('aside', { class: 'side-col', 'aria-label': 'Issues, request and preview' }, summary.el, payload.el, preview.el);
  const el = h('div', {}, panelHead('Create a commit'), h('div', { class: 'edit-grid' }, form, side));

  const empty: CommitJson = { id: '', type: 'PREPAID', product: { id: '', name: '' }, access_schedule: { credit_type: USD, schedule_items: [] }, invoice_schedule: { credit_type: USD, schedule_items: [] } };

  function run(): void {
    d.customer_id = getCustomerId();
    let plan: CreatePlan;
    try {
      plan = planCreate(toRequest(d) as never, { now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } as never) as unknown as CreatePlan;
    } catch (e) {
      plan = { payload: null, issues: [{ severity: 'error', code: 'module_error', path: '', message: (e as Error).message }] };
    }
    const inForm = plan.issues;
    placeIssues(form, inForm);
    // The form's placing clears every message in it: the rule helpers' own issues stay until fixed.
    for (const [root, issues] of generators) placeIssues(root, issues);
    summary.update(plan.issues);
    const errors = plan.issues.some((i) => i.severity === 'error');
    payload.update(plan.payload, errors ? 'Fix the errors listed above to get a request body.' : 'Fill in the commit to get a request body.');
    preview.update(empty, plan.preview ?? empty, [], empty, {});
  }

  run();
  return { el, refresh: run };
}
