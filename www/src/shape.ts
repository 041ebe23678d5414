import type { CommitJson } from './types';

// A commit as the page's own code reads it. The module takes any JSON and reports what is wrong
// with it as issues; the page's forms, locks, totals and timeline expect lists where lists belong.
// tidy() gives them that, keeping every list's length (an issue's path names an index, and the
// form shows a row for it): a null or non-object item reads as an empty one, a non-list as none.
// Only for reading: what goes to the module is the commit as given.

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objects(v: unknown): Obj[] {
  return Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : [];
}

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? '')));
}

const isList = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item);
const isString = (x: unknown) => typeof x === 'string';

/** Replace o[key] by fix(o[key]) when it is present, not null, and not well formed. */
function mend(o: Obj, key: string, ok: (v: unknown) => boolean, fix: (v: unknown) => unknown): void {
  if (key in o && o[key] !== null && o[key] !== undefined && !ok(o[key])) o[key] = fix(o[key]);
}

function schedule(v: unknown): unknown {
  if (!isObj(v)) return undefined;
  if (isList(v.schedule_items, isObj) && (v.credit_type === undefined || isObj(v.credit_type))) return v;
  const out: Obj = { ...v, schedule_items: objects(v.schedule_items) };
  mend(out, 'credit_type', isObj, () => undefined);
  return out;
}

function specifier(v: unknown): Obj {
  const s: Obj = isObj(v) ? { ...v } : {};
  mend(s, 'product_id', isString, () => undefined);
  mend(s, 'product_tags', (x) => isList(x, isString), strings);
  mend(s, 'pricing_group_values', isObj, () => undefined);
  mend(s, 'presentation_group_values', isObj, () => undefined);
  return s;
}

export function tidy(c: CommitJson): CommitJson {
  const out: Obj = isObj(c) ? { ...c } : {};
  mend(out, 'access_schedule', (x) => schedule(x) === x, schedule);
  mend(out, 'invoice_schedule', (x) => schedule(x) === x, schedule);
  mend(out, 'applicable_product_ids', (x) => isList(x, isString), strings);
  mend(out, 'applicable_product_tags', (x) => isList(x, isString), strings);
  if (Array.isArray(out.specifiers)) out.specifiers = out.specifiers.map(specifier);
  else mend(out, 'specifiers', () => false, () => []);
  mend(out, 'product', isObj, () => undefined);
  mend(out, 'ledger', Array.isArray, () => []);
  return out as unknown as CommitJson;
}
