import type { CommitJson, InvoiceStatus } from './types';
import { shortId } from './format';

// Which schedule rows Metronome will refuse to change, and why, for display. The module is the
// authority (it reports an issue when such a row is edited); this only explains it up front.

export interface Lock {
  /** "locked": no change allowed; "no-remove": may be updated, not removed. */
  level: 'locked' | 'no-remove';
  reason: string;
}

export interface InvoiceRef {
  invoiceId: string;
  /** human description of what references it */
  usedBy: string[];
}

export function accessLocks(commit: CommitJson, statuses: Record<string, InvoiceStatus>): Map<string, Lock> {
  const out = new Map<string, Lock>();
  const finalizedBySegment = new Map<string, string[]>();
  for (const e of commit.ledger ?? []) {
    if (!e || typeof e.segment_id !== 'string' || typeof e.invoice_id !== 'string') continue;
    if (statuses[e.invoice_id] !== 'FINALIZED') continue;
    const list = finalizedBySegment.get(e.segment_id) ?? [];
    if (!list.includes(e.invoice_id)) list.push(e.invoice_id);
    finalizedBySegment.set(e.segment_id, list);
  }
  for (const [seg, invoices] of finalizedBySegment) {
    const names = invoices.map(shortId).join(', ');
    out.set(seg, {
      level: 'no-remove',
      reason: `Applied to finalized invoice${invoices.length > 1 ? 's' : ''} ${names}; void ${invoices.length > 1 ? 'them' : 'it'} to remove this segment.`,
    });
  }
  return out;
}

export function invoiceLocks(commit: CommitJson, statuses: Record<string, InvoiceStatus>): Map<string, Lock> {
  const out = new Map<string, Lock>();
  for (const item of commit.invoice_schedule?.schedule_items ?? []) {
    if (!item.id || !item.invoice_id) continue;
    const st = statuses[item.invoice_id];
    if (st === 'FINALIZED') {
      out.set(item.id, { level: 'locked', reason: `Invoice ${shortId(item.invoice_id)} is finalized: no changes, no removal.` });
    } else if (st === 'VOID') {
      out.set(item.id, { level: 'no-remove', reason: `Invoice ${shortId(item.invoice_id)} is void: it can't be removed.` });
    }
  }
  return out;
}

/** Every invoice id the commit refers to (its own invoice items and the ledger), in first-seen order. */
export function referencedInvoices(commit: CommitJson): InvoiceRef[] {
  const map = new Map<string, InvoiceRef>();
  const add = (id: string, what: string) => {
    const ref = map.get(id) ?? { invoiceId: id, usedBy: [] };
    if (!ref.usedBy.includes(what)) ref.usedBy.push(what);
    map.set(id, ref);
  };
  (commit.invoice_schedule?.schedule_items ?? []).forEach((item, i) => {
    if (item.invoice_id) add(item.invoice_id, `invoice row ${i + 1}`);
  });
  const segIndex = new Map<string, number>();
  (commit.access_schedule?.schedule_items ?? []).forEach((s, i) => s.id && segIndex.set(s.id, i));
  for (const e of commit.ledger ?? []) {
    if (!e || typeof e.invoice_id !== 'string') continue;
    const seg = e.segment_id ? segIndex.get(e.segment_id) : undefined;
    add(e.invoice_id, seg !== undefined ? `usage on segment ${seg + 1}` : 'ledger');
  }
  return [...map.values()];
}
