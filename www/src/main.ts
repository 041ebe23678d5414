import init, { version } from 'commit-editor';
import { h, icon } from './dom';
import { EditSession } from './session';
import { SAMPLES, cloneJson } from './samples';
import type { CommitJson, InvoiceStatus } from './types';
import { editTab, type EditTab } from './panels/edit';
import { createTab } from './panels/create';
import { endDateTab } from './panels/enddate';
import { trueupTab } from './panels/trueup';
import { pasteDialog } from './panels/source';
import { textInput } from './panels/form';
import { historyKeys, keepTextUndoInFocusedField } from './history-keys';

// App shell: the commit source bar, the tabs, and keyboard shortcuts.

type TabKey = 'edit' | 'create' | 'end-date' | 'trueup';
const TABS: { key: TabKey; label: string }[] = [
  { key: 'edit', label: 'Edit' },
  { key: 'create', label: 'Create' },
  { key: 'end-date', label: 'End date' },
  { key: 'trueup', label: 'Disable true-up' },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function start(): Promise<void> {
  const main = document.getElementById('main')!;
  try {
    await init();
  } catch (e) {
    main.replaceChildren(h('div', { class: 'fatal', role: 'alert' }, h('h1', {}, 'The validation module did not load'), h('p', {}, String((e as Error).message ?? e))));
    return;
  }
  document.getElementById('module-version')!.textContent = `commit-editor ${version()}`;

  const state: {
    customerId: string;
    sourceLabel: string;
    commit: CommitJson;
    statuses: Record<string, InvoiceStatus>;
    edit: EditTab | null;
    tab: TabKey;
  } = {
    customerId: SAMPLES[0].customerId,
    sourceLabel: SAMPLES[0].label,
    commit: SAMPLES[0].commit,
    statuses: SAMPLES[0].invoiceStatuses,
    edit: null,
    tab: 'edit',
  };

  // ---- source bar -------------------------------------------------------------------------------
  const sampleSelect = h('select', { id: 'source-select' });
  const pastedOption = h('option', { value: 'pasted', hidden: true }, 'Pasted commit');
  for (const s of SAMPLES) sampleSelect.append(h('option', { value: s.key }, s.label));
  sampleSelect.append(pastedOption);
  const pasteBtn = h('button', { type: 'button', class: 'btn btn-secondary', 'aria-haspopup': 'dialog' }, icon('paste'), 'Paste commit JSON…');
  const customer = textInput({ mono: true, spellcheck: false, value: state.customerId });
  customer.id = 'customer-id';
  customer.dataset.path = '/customer_id';
  const customerMsg = h('p', { class: 'hint', id: 'customer-hint' }, 'Sent with every request.');
  customer.setAttribute('aria-describedby', 'customer-hint');

  const sourceBar = h(
    'section',
    { class: 'source-bar', 'aria-label': 'Commit to work on' },
    h('div', { class: 'field' }, h('label', { for: 'source-select' }, 'Commit'), sampleSelect),
    h('div', { class: 'field field-end' }, pasteBtn),
    h('div', { class: 'field field-grow' }, h('label', { for: 'customer-id' }, 'Customer ID'), customer, customerMsg),
  );

  // ---- tabs -------------------------------------------------------------------------------------
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'What to do with the commit' });
  const panels = new Map<TabKey, HTMLElement>();
  const tabButtons = new Map<TabKey, HTMLButtonElement>();
  for (const t of TABS) {
    const btn = h('button', { type: 'button', role: 'tab', id: `tab-${t.key}`, 'aria-controls': `panel-${t.key}`, class: 'tab' }, t.label);
    btn.addEventListener('click', () => selectTab(t.key, true));
    btn.addEventListener('keydown', (e) => {
      const i = TABS.findIndex((x) => x.key === t.key);
      let j = -1;
      if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
      else if (e.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length;
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = TABS.length - 1;
      if (j >= 0) {
        e.preventDefault();
        selectTab(TABS[j].key, true);
      }
    });
    tabButtons.set(t.key, btn);
    tablist.append(btn);
    const panel = h('section', { role: 'tabpanel', id: `panel-${t.key}`, 'aria-labelledby': `tab-${t.key}`, class: 'tab-panel', tabindex: '-1' });
    panels.set(t.key, panel);
  }

  function selectTab(key: TabKey, focus: boolean): void {
    state.tab = key;
    for (const [k, b] of tabButtons) {
      const on = k === key;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      panels.get(k)!.hidden = !on;
    }
    if (focus) tabButtons.get(key)!.focus();
    if (location.hash !== `#${key}`) history.replaceState(null, '', `#${key}`);
    if (key === 'create') create.refresh();
    if (key === 'end-date') endDate?.refresh();
  }

  const create = createTab(() => state.customerId);
  let endDate: { el: HTMLElement; refresh(): void } | null = null;
  let trueup: { el: HTMLElement; setCustomer(id: string): void } | null = null;
  panels.get('create')!.append(create.el);

  // ---- opening commits --------------------------------------------------------------------------
  /** Start a session on a commit: null when it is open, else why not. The commit being edited
   *  stays open (and its editor alive) until the new one is fully on the page. */
  function openCommit(commit: CommitJson, statuses: Record<string, InvoiceStatus>, label: string): null | { refused: string } | { kept: string } {
    let session: EditSession;
    try {
      session = EditSession.open(commit, { customer_id: state.customerId, invoice_statuses: statuses, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    } catch (e) {
      const err = e as Error & { code?: string; path?: string };
      return { refused: `${err.message}${err.path ? ` (at ${err.path})` : ''}` };
    }
    let edit: EditTab | null = null;
    let nextEndDate: NonNullable<typeof endDate>;
    let nextTrueup: NonNullable<typeof trueup>;
    const title = document.title;
    try {
      edit = editTab(session);
      nextEndDate = endDateTab(commit, () => state.edit?.context() ?? { customer_id: state.customerId, invoice_statuses: state.statuses });
      nextTrueup = trueupTab(commit, state.customerId);
    } catch (e) {
      // The page could not show it: free the new session, keep the old one (it is still on screen).
      if (edit) edit.dispose();
      else session.dispose();
      document.title = title;
      console.warn('could not show the commit', e);
      return { kept: `This commit could not be shown (${(e as Error).message ?? e}). The commit you were editing stays open.` };
    }
    state.edit?.dispose();
    state.commit = commit;
    state.statuses = statuses;
    state.sourceLabel = label;
    state.edit = edit;
    panels.get('edit')!.replaceChildren(edit.el);
    endDate = nextEndDate;
    // It was first drawn while the previous commit's context was current: plan again with this one's.
    nextEndDate.refresh();
    panels.get('end-date')!.replaceChildren(nextEndDate.el);
    trueup = nextTrueup;
    panels.get('trueup')!.replaceChildren(nextTrueup.el);
    return null;
  }

  /** The source select's value of the commit being edited, and the last pasted commit. */
  let opened = sampleSelect.value;
  let pasted: CommitJson | null = null;

  /** Whether the commit being edited may be left: asks first when the draft has changes. */
  function mayLeave(next: string): boolean {
    if (!state.edit?.hasChanges()) return true;
    return window.confirm(`Discard your changes to “${state.sourceLabel}” and open ${next}?`);
  }

  const dialog = pasteDialog((commit) => {
    if (!mayLeave('the pasted commit')) return { kept: 'Not opened: your changes to the commit you are editing are kept.' };
    const not = openCommit(cloneJson(commit), {}, 'Pasted commit');
    if (not) return not;
    pastedOption.hidden = false;
    const label = typeof commit.name === 'string' && commit.name ? commit.name : typeof commit.id === 'string' ? commit.id : 'Unnamed commit';
    pastedOption.textContent = `Pasted · ${label}`;
    sampleSelect.value = 'pasted';
    opened = 'pasted';
    pasted = cloneJson(commit);
    selectTab('edit', false);
    // After the dialog has closed, which gives the focus back to the button that opened it.
    queueMicrotask(() => panels.get('edit')!.focus());
    return null;
  });
  pasteBtn.addEventListener('click', () => dialog.open());

  sampleSelect.addEventListener('change', () => {
    const s = SAMPLES.find((x) => x.key === sampleSelect.value);
    const next = s ? { commit: s.commit, statuses: s.invoiceStatuses, label: s.label } : pasted && { commit: pasted, statuses: {}, label: 'Pasted commit' };
    if (!next || !mayLeave(`“${s ? s.label : pastedOption.textContent}”`)) {
      sampleSelect.value = opened;
      return;
    }
    const not = openCommit(cloneJson(next.commit), { ...next.statuses }, next.label);
    if (not === null) opened = sampleSelect.value;
    else sampleSelect.value = opened;
  });

  customer.addEventListener('change', () => {
    const v = customer.value.trim();
    customerMsg.textContent = UUID.test(v) ? 'Sent with every request.' : 'Not a UUID: Metronome will reject the requests.';
    customerMsg.classList.toggle('hint-warn', !UUID.test(v));
    state.customerId = v;
    // The customer is part of the module's context: the session restarts with it, keeping the draft.
    state.edit?.setCustomer(v);
    trueup?.setCustomer(v);
    create.refresh();
    endDate?.refresh();
  });

  main.replaceChildren(sourceBar, tablist, ...panels.values(), dialog.el);

  // ---- undo / redo ------------------------------------------------------------------------------
  document.addEventListener('keydown', historyKeys(() => (state.tab === 'edit' ? state.edit : null)));
  document.addEventListener('beforeinput', keepTextUndoInFocusedField);

  openCommit(cloneJson(SAMPLES[0].commit), { ...SAMPLES[0].invoiceStatuses }, SAMPLES[0].label);
  const initial = TABS.find((t) => `#${t.key}` === location.hash)?.key ?? 'edit';
  selectTab(initial, false);
  document.body.dataset.ready = 'true';
}

void start();
