import { s } from './dom';
import { formatAmount, formatDate, toNumber } from './format';
import type { CommitJson, CreditType } from './types';

// An SVG drawing of access segments (bars) and invoice dates (diamonds), before and after the edit,
// on one time axis. Built with createElementNS; every label is textContent.

export type MarkState = 'same' | 'changed' | 'added' | 'removed';

interface Seg {
  label: string;
  start: number;
  end: number;
  amount: unknown;
  state: MarkState;
  locked: boolean;
}
interface Inv {
  label: string;
  ts: number;
  amount: unknown;
  state: MarkState;
  locked: boolean;
}
export interface Lane {
  name: string;
  segs: Seg[];
  invs: Inv[];
}

const t = (v: unknown): number => (typeof v === 'string' ? Date.parse(v) : NaN);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Build the two lanes. Items match by id; an item without an id is new; an original id missing
 * from the edited commit was removed (drawn in the "before" lane).
 */
export function buildLanes(
  before: CommitJson,
  after: CommitJson,
  lockedAccess: Set<string>,
  lockedInvoices: Set<string>,
): Lane[] {
  const bAcc = before.access_schedule?.schedule_items ?? [];
  const aAcc = after.access_schedule?.schedule_items ?? [];
  const bInv = before.invoice_schedule?.schedule_items ?? [];
  const aInv = after.invoice_schedule?.schedule_items ?? [];
  const aAccIds = new Map(aAcc.filter((x) => x.id).map((x) => [x.id!, x]));
  const bAccIds = new Map(bAcc.filter((x) => x.id).map((x) => [x.id!, x]));
  const aInvIds = new Map(aInv.filter((x) => x.id).map((x) => [x.id!, x]));
  const bInvIds = new Map(bInv.filter((x) => x.id).map((x) => [x.id!, x]));

  const beforeLane: Lane = {
    name: 'Before',
    segs: bAcc.map((x, i) => ({
      label: `Segment ${i + 1}`,
      start: t(x.starting_at),
      end: t(x.ending_before),
      amount: x.amount,
      state: x.id && !aAccIds.has(x.id) ? 'removed' : 'same',
      locked: !!x.id && lockedAccess.has(x.id),
    })),
    invs: bInv.map((x, i) => ({
      label: `Invoice ${i + 1}`,
      ts: t(x.timestamp),
      amount: x.amount,
      state: x.id && !aInvIds.has(x.id) ? 'removed' : 'same',
      locked: !!x.id && lockedInvoices.has(x.id),
    })),
  };
  const afterLane: Lane = {
    name: 'After',
    segs: aAcc.map((x, i) => {
      const prev = x.id ? bAccIds.get(x.id) : undefined;
      const state: MarkState = !prev
        ? 'added'
        : toNumber(prev.amount) !== toNumber(x.amount) || t(prev.starting_at) !== t(x.starting_at) || t(prev.ending_before) !== t(x.ending_before)
          ? 'changed'
          : 'same';
      return { label: `Segment ${i + 1}`, start: t(x.starting_at), end: t(x.ending_before), amount: x.amount, state, locked: !!x.id && lockedAccess.has(x.id) };
    }),
    invs: aInv.map((x, i) => {
      const prev = x.id ? bInvIds.get(x.id) : undefined;
      const state: MarkState = !prev ? 'added' : t(prev.timestamp) !== t(x.timestamp) || !sameJson([toNumber(prev.amount), toNumber(prev.quantity), toNumber(prev.unit_price)], [toNumber(x.amount), toNumber(x.quantity), toNumber(x.unit_price)]) ? 'changed' : 'same';
      return { label: `Invoice ${i + 1}`, ts: t(x.timestamp), amount: x.amount, state, locked: !!x.id && lockedInvoices.has(x.id) };
    }),
  };
  return [beforeLane, afterLane];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ticks(min: number, max: number, maxTicks: number): { at: number; label: string }[] {
  const d0 = new Date(min);
  const spanMonths = (max - min) / (30.44 * 86400e3);
  const step = [1, 2, 3, 6, 12, 24, 60, 120].find((m) => spanMonths / m <= maxTicks) ?? 240;
  const out: { at: number; label: string }[] = [];
  let y = d0.getUTCFullYear();
  let m = d0.getUTCMonth();
  // align to the step
  m = Math.ceil(m / Math.min(step, 12)) * Math.min(step, 12);
  for (let i = 0; i < 400; i++) {
    const at = Date.UTC(y, m, 1);
    if (at > max) break;
    if (at >= min) {
      const dt = new Date(at);
      const label = step >= 12 ? String(dt.getUTCFullYear()) : `${MONTHS[dt.getUTCMonth()]} ’${String(dt.getUTCFullYear()).slice(2)}`;
      out.push({ at, label });
    }
    m += step;
    y += Math.floor(m / 12);
    m %= 12;
  }
  return out;
}

export function timelineSvg(lanes: Lane[], ct: CreditType | undefined, width = 420, now: number = Date.now()): SVGSVGElement {
  const W = Math.max(280, Math.round(width));
  const LEFT = 56;
  const RIGHT = 14;
  const AXIS = 26;
  const LANE_H = 58;
  const H = AXIS + lanes.length * LANE_H + 8;
  const all: number[] = [];
  for (const l of lanes) {
    for (const sg of l.segs) if (Number.isFinite(sg.start) && Number.isFinite(sg.end)) all.push(sg.start, sg.end);
    for (const iv of l.invs) if (Number.isFinite(iv.ts)) all.push(iv.ts);
  }
  const titleId = `tl-title-${Math.random().toString(36).slice(2, 8)}`;
  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId, preserveAspectRatio: 'xMinYMin meet' });
  const summary = lanes
    .map((l) => {
      // The "before" lane keeps what the edit removes: it was there before.
      const removed = (xs: { state: MarkState }[]) => {
        const n = xs.filter((x) => x.state === 'removed').length;
        return n ? ` (${n} removed by the edit)` : '';
      };
      return `${l.name}: ${l.segs.length} access segment${l.segs.length === 1 ? '' : 's'}${removed(l.segs)} and ${l.invs.length} invoice date(s)${removed(l.invs)}`;
    })
    .join('. ');
  svg.append(s('title', { id: titleId }, `Timeline of access and invoices. ${summary}.`));
  if (all.length === 0) {
    svg.append(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'tl-empty' }, 'No valid dates to draw yet'));
    return svg;
  }
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 86400e3) {
    min -= 15 * 86400e3;
    max += 15 * 86400e3;
  }
  const pad = (max - min) * 0.02;
  min -= pad;
  max += pad;
  const x = (v: number) => LEFT + ((v - min) / (max - min)) * (W - LEFT - RIGHT);

  // axis
  const axis = s('g', { class: 'tl-axis' });
  for (const tk of ticks(min, max, Math.max(3, Math.floor((W - LEFT) / 64)))) {
    const xx = x(tk.at);
    if (xx > W - RIGHT - 34) continue; // no room for its label
    axis.append(s('line', { x1: xx, x2: xx, y1: AXIS - 6, y2: H - 4, class: 'tl-grid' }), s('text', { x: xx + 3, y: AXIS - 10, class: 'tl-tick' }, tk.label));
  }
  svg.append(axis);

  lanes.forEach((lane, li) => {
    const y0 = AXIS + li * LANE_H;
    const g = s('g', { class: 'tl-lane' });
    g.append(
      s('rect', { x: 0, y: y0 + 2, width: W, height: LANE_H - 4, class: li % 2 ? 'tl-band tl-band-alt' : 'tl-band' }),
      s('text', { x: 8, y: y0 + 20, class: 'tl-lane-name' }, lane.name),
      s('text', { x: 8, y: y0 + 44, class: 'tl-lane-sub' }, 'invoices'),
    );
    for (const sg of lane.segs) {
      if (!Number.isFinite(sg.start) || !Number.isFinite(sg.end)) continue;
      const x1 = x(Math.min(sg.start, sg.end));
      const w = Math.max(2, Math.abs(x(sg.end) - x(sg.start)) - 1.5);
      const r = s('rect', { x: x1 + 0.75, y: y0 + 8, width: w, height: 18, rx: 2.5, class: `tl-seg tl-${sg.state}${sg.locked ? ' tl-locked' : ''}` });
      r.append(
        s('title', {}, `${lane.name} · ${sg.label}: ${formatDate(new Date(sg.start).toISOString())} – ${formatDate(new Date(sg.end).toISOString())} · ${formatAmount(sg.amount, ct)}${sg.state !== 'same' ? ` · ${sg.state}` : ''}${sg.locked ? ' · applied to a finalized invoice' : ''}`),
      );
      g.append(r);
    }
    for (const iv of lane.invs) {
      if (!Number.isFinite(iv.ts)) continue;
      const cx = x(iv.ts);
      const cy = y0 + 40;
      const d = `M${cx} ${cy - 6} L${cx + 6} ${cy} L${cx} ${cy + 6} L${cx - 6} ${cy} Z`;
      const p = s('path', { d, class: `tl-inv tl-${iv.state}${iv.locked ? ' tl-locked' : ''}` });
      p.append(s('title', {}, `${lane.name} · ${iv.label}: ${formatDate(new Date(iv.ts).toISOString())} · ${formatAmount(iv.amount, ct)}${iv.state !== 'same' ? ` · ${iv.state}` : ''}${iv.locked ? ' · finalized' : ''}`));
      g.append(p);
    }
    svg.append(g);
  });

  if (now >= min && now <= max) {
    const xx = x(now);
    svg.append(
      s('line', { x1: xx, x2: xx, y1: AXIS - 4, y2: H - 4, class: 'tl-now' }),
      s('text', { x: xx + 3, y: H - 6, class: 'tl-now-label' }, 'today'),
    );
  }
  return svg;
}
