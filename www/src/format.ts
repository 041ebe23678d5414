import type { CreditType } from './types';

export const USD_CENTS_ID = '2714e483-4ff1-48e4-9e25-ac732e8f24f2';

export function isUsdCents(ct: CreditType | undefined | null): boolean {
  // An omitted credit type defaults to USD (cents) in the API.
  if (!ct) return true;
  return ct.id === USD_CENTS_ID || ct.name === 'USD (cents)';
}

export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** An amount in the credit type's unit, for people: "$10,000.00" for USD cents, "1,250 EUR" otherwise. */
export function formatAmount(v: unknown, ct: CreditType | undefined | null): string {
  const n = toNumber(v);
  if (n === null) return '—';
  if (isUsdCents(ct)) return usd.format(n / 100);
  const unit = ct?.name ?? '';
  return `${plain.format(n)}${unit ? ` ${unit}` : ''}`;
}

export function formatSigned(n: number, ct: CreditType | undefined | null): string {
  if (n === 0) return '—';
  const s = formatAmount(Math.abs(n), ct);
  return `${n > 0 ? '+' : '−'}${s}`;
}

export function unitLabel(ct: CreditType | undefined | null): string {
  if (isUsdCents(ct)) return 'USD cents';
  return ct?.name ?? 'units';
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** ISO date-time to the value of an <input type="datetime-local"> read as UTC. */
export function isoToInput(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const secs = d.getUTCSeconds();
  const ms = d.getUTCMilliseconds();
  if (ms) return `${base}:${pad(secs)}.${pad(ms, 3)}`;
  return secs ? `${base}:${pad(secs)}` : base;
}

/** The value of a datetime-local input (read as UTC) to an RFC 3339 string; "" stays "". */
export function inputToIso(v: string): string {
  if (!v) return '';
  const withSeconds = /T\d\d:\d\d$/.test(v) ? `${v}:00` : v;
  return `${withSeconds}Z`;
}

const dateFmt = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export function formatDate(iso: unknown): string {
  if (typeof iso !== 'string') return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return String(iso) || '—';
  const d = new Date(t);
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight ? dateFmt.format(d) : `${dateTimeFmt.format(d)} UTC`;
}

export function shortId(id: unknown): string {
  return typeof id === 'string' ? id.slice(0, 8) : '';
}

/** Add calendar months in UTC, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsIso(iso: string, months: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().replace('.000Z', 'Z');
}

export function monthsBetween(a: string, b: string): number {
  const da = new Date(Date.parse(a));
  const db = new Date(Date.parse(b));
  return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + (db.getUTCMonth() - da.getUTCMonth());
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return Number.isInteger(n / (1024 * 1024)) ? `${n / (1024 * 1024)} MB` : `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}
