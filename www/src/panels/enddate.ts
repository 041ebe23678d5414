import { planEndDate } from 'commit-editor';
import { h } from '../dom';
import type { CommitJson, EditContext, Issue } from '../types';
import { formatDate, inputToIso, isoToInput } from '../format';
import { ENDPOINTS } from '../clipboard';
import { issueSummary, placeIssues } from '../issues';
import { card, dateInput, field, panelHead } from './form';
import { payloadPanel } from './payload';
import { tidy } from '../shape';
import { previewPanel } from './preview';


// Shorten a PREPAID commit with updateEndDate (planEndDate). It can only move ends earlier.

interface EndDatePlan {
  payload: Record<string, unknown> | null;
  issues: Issue[];
  preview: CommitJson;
}

/**
 * What to type in a date-time field here, said the way inputToIso reads it: the wall-clock value,
 * to the minute, taken as UTC (":00" seconds and "Z" are appended; no time zone conversion).
 * A datetime-local input shows no placeholder, so this is a visible hint, with an example taken
 * from the commit when it has one.
 */
function utcHint(exampleIso: string | undefined, exampleNote: string, rest: string): DocumentFragment {
  const example = isoToInput(exampleIso);
  const hint = document.createDocumentFragment();
  if (example) {
    hint.append(
      'Date and time in UTC, not your local time: ',
      h('span', { class: 'mono' }, example.replace('T', ' ')),
      ` (${exampleNote}) is sent as `,
      h('span', { class: 'mono' }, inputToIso(example)),
      '.',
    );
  } else {
    hint.append('Date and time in UTC, not your local time: 00:00 is midnight UTC.');
  }
  hint.append(` ${rest}`);
  return hint;
}

export function endDateTab(original: CommitJson, getContext: () => EditContext): { el: HTMLElement; refresh(): void } {
  const shown = tidy(original);
  const access = shown.access_schedule?.schedule_items ?? [];
  const invoices = shown.invoice_schedule?.schedule_items ?? [];
  const lastEnd = access.reduce<string | undefined>((m, x) => (!m || Date.parse(x.ending_before) > Date.parse(m) ? x.ending_before : m), undefined);
  const lastInvoice = invoices.reduce<string | undefined>((m, x) => (!m || Date.parse(x.timestamp) > Date.parse(m) ? x.timestamp : m), undefined);

  const accessIn = dateInput('');
  const invoicesIn = dateInput('');
  const summary = issueSummary(() => form, { emptyText: 'No issues.' });
  const payload = payloadPanel('End date request', ENDPOINTS.endDate);
  const preview = previewPanel({ showChanges: false });

  const form = h(
    'div',
    { class: 'form-col', 'data-path': '', 'data-issue-slot': 'enddate-general', tabindex: '-1' },
    h('div', { class: 'issue-slot general-issues', id: 'enddate-general' }),
    card(
      'Shorten this commit',
      h(
        'p',
        { class: 'hint' },
        'updateEndDate moves the end of access and of invoicing earlier for a PREPAID commit; segments and invoices after the new end go away, a segment that spans it is cut. To extend a commit, edit its schedules instead.',
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Access ends'),
        h('dd', {}, lastEnd ? formatDate(lastEnd) : '—'),
        h('dt', {}, 'Last invoice'),
        h('dd', {}, lastInvoice ? formatDate(lastInvoice) : '—'),
      ),
      h(
        'div',
        { class: 'grid-2' },
        field({
          label: 'Access ends before',
          labelNote: '(UTC)',
          path: '/access_ending_before',
          control: accessIn,
          // The start of the last segment is a natural place to end.
          hint: utcHint(access.length > 1 ? access[access.length - 1].starting_at : undefined, 'the start of the last segment', 'Exclusive. Leave empty to keep access as it is.'),
        }),
        field({
          label: 'Invoices end before',
          labelNote: '(UTC)',
          path: '/invoices_ending_before',
          control: invoicesIn,
          hint: utcHint(lastInvoice, 'the last invoice', 'Exclusive. Leave empty to keep the invoice schedule.'),
        }),
      ),
    ),
  );
  const side = h('aside', { class: 'side-col', 'aria-label': 'Issues, request and preview' }, summary.el, payload.el, preview.el);
  const el = h('div', {}, panelHead('Change the end date'), h('div', { class: 'edit-grid' }, form, side));

  function run(): void {
    const context = getContext();
    const req: Record<string, string> = { customer_id: context.customer_id };
    if (accessIn.value) req.access_ending_before = inputToIso(accessIn.value);
    if (invoicesIn.value) req.invoices_ending_before = inputToIso(invoicesIn.value);
    let plan: EndDatePlan;
    if (!req.access_ending_before && !req.invoices_ending_before) {
      // Nothing asked yet: no request to judge, but what stands in the way of any request (a
      // POSTPAID commit, an unreadable field) is said now, not after the user has picked a date.
      let issues: Issue[];
      try {
        issues = (planEndDate(original as never, req as never, context as never) as unknown as EndDatePlan).issues.filter((i) => i.code !== 'end_date_required');
      } catch (e) {
        issues = [{ severity: 'error', code: 'module_error', path: '', message: (e as Error).message }];
      }
      placeIssues(form, issues);
      summary.update(issues, 'Pick a new end for access, invoices, or both.');
      const blocked = issues.some((i) => i.severity === 'error');
      payload.update(null, blocked ? 'This commit cannot be shortened: see the errors listed above.' : 'Pick a new end for access or invoices.');
      preview.update(original, original, [], original, context.invoice_statuses ?? {});
      return;
    }
    try {
      plan = planEndDate(original as never, req as never, context as never) as unknown as EndDatePlan;
    } catch (e) {
      plan = { payload: null, issues: [{ severity: 'error', code: 'module_error', path: '', message: (e as Error).message }], preview: original };
    }
    placeIssues(form, plan.issues);
    summary.update(plan.issues, plan.payload ? 'No issues. The request is ready to send.' : undefined);
    const errors = plan.issues.some((i) => i.severity === 'error');
    payload.update(plan.payload, errors ? 'Fix the errors listed above to get a request body.' : 'Pick a new end for access or invoices.');
    preview.update(original, plan.preview ?? original, [], original, context.invoice_statuses ?? {});
  }
  accessIn.addEventListener('input', run);
  invoicesIn.addEventListener('input', run);
  run();
  return { el, refresh: run };
}
