import { h, icon } from '../dom';
import type { EditSession, SessionEvent } from '../session';
import type { EditContext } from '../types';
import { cloneJson } from '../samples';
import { formatAmount, shortId, unitLabel } from '../format';
import { placeIssues, issueSummary } from '../issues';
import { ENDPOINTS } from '../clipboard';
import { detailsPanel } from './details';
import { targetingPanel } from './targeting';
import { schedulesPanel } from './schedules';
import { statusesPanel } from './statuses';
import { payloadPanel } from './payload';
import { previewPanel, totals } from './preview';

// The Edit tab: the form on the left, issues, request and preview on the right. Everything it
// shows comes from the session's plan after each edit.

export interface EditTab {
  el: HTMLElement;
  undo(): void;
  redo(): void;
  /** Whether a control edits the draft: one of the commit's fields, which Ctrl+Z steps back. */
  isCommitField(control: Element): boolean;
  /** Change the customer in the session's context, keeping the draft. */
  setCustomer(id: string): void;
  context(): EditContext;
  /** Whether the draft differs from the commit (a change the request would send). */
  hasChanges(): boolean;
  dispose(): void;
}

export function editTab(session: EditSession): EditTab {
  const c = session.original;
  const ct = c.access_schedule?.credit_type;
  const details = detailsPanel(session);
  const targeting = targetingPanel(session);
  const schedules = schedulesPanel(session);
  const statuses = statusesPanel(session);
  const payload = payloadPanel('Edit request', ENDPOINTS.edit);
  const preview = previewPanel();

  const undoBtn = h('button', { type: 'button', class: 'btn btn-secondary', 'aria-keyshortcuts': 'Control+Z', title: 'Undo (Ctrl+Z)' }, icon('undo'), 'Undo');
  const redoBtn = h('button', { type: 'button', class: 'btn btn-secondary', 'aria-keyshortcuts': 'Control+Shift+Z', title: 'Redo (Ctrl+Shift+Z)' }, icon('redo'), 'Redo');
  const resetBtn = h('button', { type: 'button', class: 'btn btn-quiet' }, icon('reset'), 'Discard changes');
  undoBtn.addEventListener('click', () => session.undo());
  redoBtn.addEventListener('click', () => session.redo());
  resetBtn.addEventListener('click', () => session.replaceDraft(cloneJson(session.raw)));

  const t = totals(c);
  const head = h(
    'div',
    { class: 'commit-head' },
    h(
      'div',
      { class: 'commit-id' },
      h('div', { class: 'commit-title-row' }, h('h1', { class: 'commit-title' }, c.name || 'Unnamed commit'), h('span', { class: `badge badge-type badge-${String(c.type).toLowerCase()}` }, String(c.type))),
      h(
        'p',
        { class: 'commit-meta' },
        h('span', { class: 'mono', title: c.id }, `commit ${shortId(c.id)}`),
        ' · ',
        c.product?.name ?? 'Unknown product',
        ' · ',
        `${formatAmount(t.access, ct)} access`,
        ' · ',
        unitLabel(ct),
      ),
    ),
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'History' }, undoBtn, redoBtn, resetBtn),
  );

  const summary = issueSummary(() => form, { emptyText: 'No issues.' });
  const generalSlot = h('div', { class: 'issue-slot general-issues', id: 'general-issues' });
  const form = h(
    'div',
    { class: 'form-col', 'data-path': '', 'data-issue-slot': 'general-issues', tabindex: '-1' },
    generalSlot,
    details.el,
    targeting.el,
    schedules.el,
    statuses.el,
  );
  const side = h('aside', { class: 'side-col', 'aria-label': 'Issues, request and preview' }, summary.el, payload.el, preview.el);
  const el = h('div', { class: 'edit-tab' }, head, h('div', { class: 'edit-grid' }, form, side));

  let frame = 0;
  function schedulePreview(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      try {
        const blocked = session.plan.issues.some((i) => i.severity === 'error');
        preview.update(session.original, session.preview(), session.plan.changes, session.original, session.context.invoice_statuses ?? {}, blocked);
      } catch (e) {
        console.warn('preview failed', e);
      }
    });
  }

  function onPlan(ev: SessionEvent): void {
    if (ev.structural) {
      const d = session.view();
      details.sync(d);
      targeting.sync(d);
      schedules.sync(d);
      statuses.sync(d);
    }
    const plan = ev.plan;
    placeIssues(form, plan.issues);
    summary.update(plan.issues, plan.payload ? 'No issues. The request is ready to send.' : 'No issues.');
    const errors = plan.issues.some((i) => i.severity === 'error');
    payload.update(
      plan.payload,
      errors ? 'Fix the errors listed above to get a request body.' : 'No changes yet. The request body appears here as you edit.',
    );
    const active = document.activeElement;
    undoBtn.disabled = !session.canUndo;
    redoBtn.disabled = !session.canRedo;
    // A button that has just run out of history must not take the focus away with it.
    if ((active === undoBtn && undoBtn.disabled) || (active === redoBtn && redoBtn.disabled)) {
      const other = active === undoBtn ? redoBtn : undoBtn;
      (other.disabled ? form : other).focus({ preventScroll: true });
    }
    resetBtn.disabled = plan.changes.length === 0 && plan.issues.length === 0 && !session.canUndo;
    el.classList.toggle('is-dirty', plan.changes.length > 0);
    schedulePreview();
  }

  session.on(onPlan);
  document.title = `${c.name || 'Unnamed commit'} · Commit editor`;
  onPlan({ origin: 'load', structural: true, plan: session.plan });

  return {
    el,
    undo: () => session.undo(),
    redo: () => session.redo(),
    // Every control of the form that edits the draft names what it edits in data-path; the
    // invoice statuses do not (they are the context).
    isCommitField: (control) => form.contains(control) && control.matches('[data-path]'),
    setCustomer: (id) => session.setContext({ ...session.context, customer_id: id }),
    context: () => session.context,
    hasChanges: () => session.plan.changes.length > 0,
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      session.dispose();
    },
  };
}
