import type { Issue } from './types';
import { h, icon, clear } from './dom';
import { describePointer, parentPointer } from './pointer';

// Issues are placed next to the element whose data-path is the issue's JSON Pointer, or the
// nearest ancestor path that has one. Each such element names its message slot in data-issue-slot.

function byPath(root: ParentNode, path: string): HTMLElement | null {
  if (root instanceof HTMLElement && root.dataset.path === path) return root;
  return root.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
}

export function findTarget(root: ParentNode, path: string): HTMLElement | null {
  let p: string | null = path;
  while (p !== null) {
    const el = byPath(root, p);
    if (el) return el;
    p = parentPointer(p);
  }
  return byPath(root, '');
}

function focusable(el: HTMLElement): HTMLElement {
  if (el.matches('input, select, textarea, button, [tabindex]')) return el;
  return el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
}

export function focusTarget(root: ParentNode, path: string): void {
  const t = findTarget(root, path);
  if (!t) return;
  const f = focusable(t);
  // Reveal a collapsed <details> first.
  const det = f.closest('details');
  if (det && !det.open) det.open = true;
  f.scrollIntoView({ block: 'center', behavior: 'auto' });
  f.focus({ preventScroll: true });
}

/** Context issues are reported at "" and name their field; the customer id has an input of its
 *  own, in the source bar, outside every tab. An issue about a removed item is reported at its
 *  schedule's items and names the item's id: its row's Restore button is the way back. */
function focusIssue(root: ParentNode, issue: Issue): void {
  // The customer id is the source bar's field, for the context and for a request's customer_id.
  const aboutCustomer =
    (issue.code === 'invalid_context' && issue.message.includes('/customer_id')) ||
    (issue.path === '/customer_id' && !root.querySelector('[data-path="/customer_id"]'));
  const customer = aboutCustomer ? document.getElementById('customer-id') : null;
  const target = customer ?? restoreButton(root, issue);
  if (target) {
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
    target.focus({ preventScroll: true });
  } else focusTarget(root, issue.path);
}

function restoreButton(root: ParentNode, issue: Issue): HTMLElement | null {
  if (!issue.path.endsWith('/schedule_items')) return null;
  const rows = findTarget(root, issue.path)?.querySelectorAll<HTMLElement>('tr.ghost-row[data-item-id]') ?? [];
  const row = [...rows].find((r) => issue.message.includes(r.dataset.itemId!));
  return row?.querySelector<HTMLElement>('button') ?? null;
}

function messageEl(issue: Issue): HTMLElement {
  return h(
    'p',
    { class: `issue-msg issue-${issue.severity}`, 'data-code': issue.code },
    icon(issue.severity === 'error' ? 'alert' : 'warn'),
    h('span', {}, issue.message),
  );
}

function slotIn(root: HTMLElement, id: string): HTMLElement | null {
  const inside = root.id === id ? root : root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  return inside ?? document.getElementById(id);
}

/** Put each issue next to its field; returns the issues that found no place on the page. */
export function placeIssues(root: HTMLElement, issues: Issue[]): Issue[] {
  for (const el of root.querySelectorAll('.issue-msg')) el.remove();
  for (const el of root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll<HTMLElement>('.has-error, .has-warning')) el.classList.remove('has-error', 'has-warning');
  for (const el of root.querySelectorAll<HTMLElement>('.issue-slot-row')) el.hidden = true;

  const unplaced: Issue[] = [];
  for (const issue of issues) {
    const target = findTarget(root, issue.path);
    const slotId = target?.dataset.issueSlot;
    // Looked up in `root`: a tab places its first issues before it is put into the page.
    const slot = slotId ? slotIn(root, slotId) : null;
    if (!target || !slot) {
      unplaced.push(issue);
      continue;
    }
    slot.append(messageEl(issue));
    const row = slot.closest<HTMLElement>('.issue-slot-row');
    if (row) row.hidden = false;
    target.classList.add(issue.severity === 'error' ? 'has-error' : 'has-warning');
    if (issue.severity === 'error' && target.matches('input, select, textarea')) target.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

export interface SummaryHandle {
  el: HTMLElement;
  /** emptyText overrides the text shown when there is no issue */
  update(issues: Issue[], emptyText?: string): void;
}

/**
 * The issue summary: a live count (announced politely) and a list whose entries move focus to
 * the field concerned.
 */
export function issueSummary(root: () => HTMLElement, opts: { title?: string; emptyText: string }): SummaryHandle {
  const count = h('p', { class: 'summary-count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const list = h('ul', { class: 'summary-list' });
  const headingId = `summary-h-${Math.random().toString(36).slice(2, 8)}`;
  const el = h(
    'section',
    { class: 'card summary', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'card-title' }, opts.title ?? 'Issues'),
    count,
    list,
  );
  let lastCount = '';
  return {
    el,
    update(issues: Issue[], emptyText?: string) {
      const errors = issues.filter((i) => i.severity === 'error').length;
      const warnings = issues.length - errors;
      const text =
        issues.length === 0
          ? (emptyText ?? opts.emptyText)
          : [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : '']
              .filter(Boolean)
              .join(' · ');
      if (text !== lastCount) {
        count.textContent = text;
        lastCount = text;
      }
      el.classList.toggle('summary-ok', issues.length === 0);
      el.classList.toggle('summary-errors', errors > 0);
      clear(list);
      // Errors first, then warnings, each in page order of their paths.
      const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
      for (const issue of sorted) {
        const btn = h(
          'button',
          { type: 'button', class: `summary-item issue-${issue.severity}`, 'data-path': null, 'data-issue-path': issue.path, 'data-code': issue.code },
          icon(issue.severity === 'error' ? 'alert' : 'warn'),
          h('span', { class: 'summary-where' }, describePointer(issue.path)),
          h('span', { class: 'summary-msg' }, issue.message),
        );
        btn.addEventListener('click', () => focusIssue(root(), issue));
        list.append(h('li', {}, btn));
      }
    },
  };
}
