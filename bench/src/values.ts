// Reading form values: numbers that may be numeric strings, RFC 3339 instants, sets, JSON equality.

const NUM = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A number, or a numeric string as a form holds it (" 12.50 "); NaN when unreadable. */
export function toNum(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v !== "string") return NaN;
  const s = v.trim();
  return NUM.test(s) ? Number(s) : NaN;
}
export const sameNum = (a: unknown, b: unknown): boolean => a === b || toNum(a) === toNum(b);
export const present = (v: unknown): boolean => v !== undefined && v !== null && v !== "";

// RFC 3339 date-time with a mandatory offset: YYYY-MM-DDTHH:MM:SS[.frac](Z|±hh:mm), upper-case T and Z, the day
// checked against the month. Parsed by hand (no regex, no Date.parse): this runs for every timestamp of a draft.
const FRAC = [100, 10, 1];
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dig = (s: string, i: number) => { const c = s.charCodeAt(i) - 48; return c >= 0 && c <= 9 ? c : -1e9; };
const two = (s: string, i: number) => dig(s, i) * 10 + dig(s, i + 1);
/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function days(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400), yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
/** Epoch milliseconds of an RFC 3339 timestamp with offset; NaN when it is not one. Digits past milliseconds are ignored. */
export function instant(v: unknown): number {
  if (typeof v !== "string" || v.length < 20) return NaN;
  if (v[4] !== "-" || v[7] !== "-" || v[10] !== "T" || v[13] !== ":" || v[16] !== ":") return NaN;
  const y = two(v, 0) * 100 + two(v, 2), mo = two(v, 5), d = two(v, 8), h = two(v, 11), mi = two(v, 14), sec = two(v, 17);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1] || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
  let i = 19, ms = 0;
  if (v[i] === ".") {
    const from = ++i;
    while (i < v.length && dig(v, i) >= 0) { if (i - from < 3) ms += dig(v, i) * FRAC[i - from]; i++; }
    if (i === from) return NaN;
  }
  let off = 0;
  if (v[i] === "Z" && i === v.length - 1) off = 0;
  else if ((v[i] === "+" || v[i] === "-") && i === v.length - 6 && v[i + 3] === ":") {
    const oh = two(v, i + 1), om = two(v, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    off = (v[i] === "-" ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  return (((days(y, mo, d) * 24 + h) * 60 + mi - off) * 60 + sec) * 1000 + ms;
}
/** Same instant, whatever the spelling ("…00Z", "…00.000Z", "…01:00:00+01:00"). */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = instant(a);
  return x === x && x === instant(b); // x === x: not NaN
}
export const onHour = (ms: number): boolean => ms % 3_600_000 === 0;

/** Order-insensitive equality of string lists; null and undefined are distinct from any list. */
export function sameSet(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const sa = new Set(a), sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}

/** Structural equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as any)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as any)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as any)[k], (b as any)[k]));
}

/** 8-4-4-4-12 hexadecimal digits (any version), checked by hand. */
export function isUuid(v: unknown): boolean {
  if (typeof v !== "string" || v.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = v.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) { if (c !== 45) return false; }
    else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

export const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);
