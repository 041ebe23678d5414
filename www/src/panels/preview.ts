import { clear, h, nextId } from '../dom';
import type { Change, CommitJson, CreditType, InvoiceStatus, Specifier } from '../types';
import { formatAmount, formatDate, formatSigned, shortId, toNumber } from '../format';
import { describePointer, parsePointer } from '../pointer';
import { accessLocks, invoiceLocks } from '../locks';
import { buildLanes, timelineSvg, type Lane } from '../timeline';
import { tidy } from '../shape';

// Totals before and after, the list of changes, and the timeline.

function sum(items: { amount?: unknown }[] | undefined): number {
  let t = 0;
  for (const i of items ?? []) t += toNumber(i.amount) ?? 0;
  return t;
}

export function totals(c: CommitJson): { access: number; invoiced: number } {
  return { access: sum(c.access_schedule?.schedule_items), invoiced: sum(c.invoice_schedule?.schedule_items) };
}

function fmtValue(field: string, v: unknown, ct: CreditType | undefined): string {
  if (v === undefined) return '(not set)';
  if (v === null) return '(cleared)';
  if (['amount', 'unit_price'].includes(field)) return formatAmount(v, ct);
  if (['starting_at', 'ending_before', 'timestamp'].includes(field)) return formatDate(v);
  if (field === 'specifiers' && Array.isArray(v)) return v.length ? v.map(describeSpecifier).join('; ') : '(none)';
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '(empty)';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string' && Object.keys(o).length === 1) return o.id;
    return JSON.stringify(v);
  }
  return String(v);
}

function describeSpecifier(sp: unknown): string {
  if (!sp || typeof sp !== 'object') return String(sp);
  const o = sp as Specifier;
  const parts: string[] = [];
  if (o.product_id) parts.push(`product ${shortId(o.product_id)}`);
  if (o.product_tags?.length) parts.push(`tags ${o.product_tags.join(' & ')}`);
  for (const [k, v] of Object.entries(o.pricing_group_values ?? {})) parts.push(`${k}=${v}`);
  for (const [k, v] of Object.entries(o.presentation_group_values ?? {})) parts.push(`${k}=${v}`);
  return parts.length ? parts.join(', ') : 'everything';
}

function describeItem(schedule: string, item: Record<string, unknown>, ct: CreditType | undefined): string {
  if (schedule === 'access_schedule') return `${formatDate(item.starting_at)} – ${formatDate(item.ending_before)}, ${formatAmount(item.amount, ct)}`;
  const amount = item.amount !== undefined ? formatAmount(item.amount, ct) : `${String(item.quantity ?? '?')} × ${formatAmount(item.unit_price, ct)}`;
  return `${formatDate(item.timestamp)}, ${amount}`;
}

export function describeChange(c: Change, draft: CommitJson): { kind: Change['kind']; where: string; text: string } {
  const segs = parsePointer(c.path);
  const schedule = segs[0];
  const ct = schedule === 'invoice_schedule' ? draft.invoice_schedule?.credit_type : draft.access_schedule?.credit_type;
  const noun = schedule === 'access_schedule' ? 'segment' : 'invoice';
  // Whole schedule items: added at ".../schedule_items/N", removed at ".../schedule_items".
  const itemLevel = (schedule === 'access_schedule' || schedule === 'invoice_schedule') && segs[1] === 'schedule_items' && segs.length <= 3;
  if (itemLevel && c.kind === 'added') {
    const item = (c.after ?? {}) as Record<string, unknown>;
    return { kind: 'added', where: `${describePointer(`/${schedule}`)} · new ${noun}`, text: describeItem(schedule, item, ct) };
  }
  if (itemLevel && c.kind === 'removed') {
    const item = (c.before ?? {}) as Record<string, unknown>;
    return { kind: 'removed', where: `${describePointer(`/${schedule}`)} · removed ${noun}`, text: describeItem(schedule, item, ct) };
  }
  const field = segs[segs.length - 1];
  const text =
    c.kind === 'added'
      ? `set to ${fmtValue(field, c.after, ct)}`
      : c.kind === 'removed'
        ? `cleared (was ${fmtValue(field, c.before, ct)})`
        : `${fmtValue(field, c.before, ct)} → ${fmtValue(field, c.after, ct)}`;
  return { kind: c.kind, where: describePointer(c.path), text };
}

export interface PreviewHandle {
  el: HTMLElement;
  /** `blocked`: the draft has errors, so an empty change list does not mean "nothing changed". */
  update(before: CommitJson, after: CommitJson, changes: Change[], draft: CommitJson, statuses: Record<string, InvoiceStatus>, blocked?: boolean): void;
}

export function previewPanel(opts: { title?: string; showChanges?: boolean; single?: string } = {}): PreviewHandle {
  const hid = nextId('preview');
  const tbody = h('tbody');
  const totalsTable = h(
    'table',
    { class: 'totals' },
    h('caption', { class: 'visually-hidden' }, opts.single ? 'Totals of the commit' : 'Totals before and after the edit'),
    opts.single
      ? h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'Total')))
      : h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'), h('th', { scope: 'col' }, 'Change'))),
    tbody,
  );
  const changesList = h('ul', { class: 'changes' });
  const changesHead = h('h3', { class: 'sub-title' }, 'Changes');
  const tlWrap = h('div', { class: 'timeline-wrap' });
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Timeline legend' },
    h('li', {}, h('span', { class: 'sw sw-same' }), 'Unchanged'),
    h('li', {}, h('span', { class: 'sw sw-changed' }), 'Changed'),
    h('li', {}, h('span', { class: 'sw sw-added' }), 'Added'),
    h('li', {}, h('span', { class: 'sw sw-removed' }), 'Removed'),
    h('li', {}, h('span', { class: 'sw sw-locked' }), 'Finalized'),
    h('li', {}, h('span', { class: 'sw sw-inv' }), 'Invoice date'),
  );
  const el = h(
    'section',
    { class: 'card preview-card', 'aria-labelledby': hid },
    h('h2', { class: 'card-title', id: hid }, opts.title ?? 'Preview'),
    totalsTable,
    opts.showChanges === false ? null : changesHead,
    opts.showChanges === false ? null : changesList,
    h('h3', { class: 'sub-title' }, 'Timeline'),
    tlWrap,
    opts.single ? null : legend,
  );

  // The timeline is drawn at its box's width: drawn again when that changes (a hidden tab shown,
  // a window resized), or it would stay scaled from the width it was first drawn at.
  let drawn: { lanes: Lane[]; act: CreditType | undefined; width: number } | null = null;
  new ResizeObserver(() => {
    const width = tlWrap.clientWidth;
    if (!drawn || width === 0 || width === drawn.width) return;
    drawn.width = width;
    clear(tlWrap);
    tlWrap.append(timelineSvg(drawn.lanes, drawn.act, width));
  }).observe(tlWrap);

  return {
    el,
    update(rawBefore, rawAfter, changes, rawDraft, statuses, blocked = false) {
      const [before, after, draft] = [tidy(rawBefore), tidy(rawAfter), tidy(rawDraft)];
      const b = totals(before);
      const a = totals(after);
      const act = after.access_schedule?.credit_type ?? before.access_schedule?.credit_type;
      const ict = after.invoice_schedule?.credit_type ?? before.invoice_schedule?.credit_type ?? act;
      clear(tbody);
      const row = (label: string, bv: number, av: number, ct: CreditType | undefined) => {
        const d = av - bv;
        if (opts.single) return h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, formatAmount(av, ct)));
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, label),
          h('td', { class: 'num' }, formatAmount(bv, ct)),
          h('td', { class: 'num' }, formatAmount(av, ct)),
          h('td', { class: `num delta ${d > 0 ? 'up' : d < 0 ? 'down' : 'flat'}` }, ...(d === 0 ? [h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'no change')] : [formatSigned(d, ct)])),
        );
      };
      tbody.append(row('Access granted', b.access, a.access, act), row('Invoiced', b.invoiced, a.invoiced, ict));

      clear(changesList);
      if (changes.length === 0) {
        const text = blocked
          ? 'Fix the errors listed above to see what the request will do.'
          : 'No changes yet. Edit a field to see what the request will do.';
        changesList.append(h('li', { class: 'muted' }, text));
      }
      for (const c of changes) {
        const d = describeChange(c, draft);
        changesList.append(h('li', { class: `change change-${d.kind}` }, h('span', { class: 'change-kind' }, d.kind), h('span', { class: 'change-where' }, d.where), h('span', { class: 'change-text' }, d.text)));
      }

      const lockedAccess = new Set(accessLocks(before, statuses).keys());
      const lockedInv = new Set([...invoiceLocks(before, statuses)].filter(([, l]) => l.level === 'locked').map(([k]) => k));
      clear(tlWrap);
      let lanes = buildLanes(before, after, lockedAccess, lockedInv);
      if (opts.single) {
        lanes = lanes.slice(1).map((l) => ({ ...l, name: opts.single!, segs: l.segs.map((x) => ({ ...x, state: 'same' as const })), invs: l.invs.map((x) => ({ ...x, state: 'same' as const })) }));
      }
      drawn = { lanes, act, width: tlWrap.clientWidth };
      tlWrap.append(timelineSvg(lanes, act, drawn.width || 420));
    },
  };
}
