// How planEdit's arguments become JSON text, as cheaply as can be told exactly:
// - `stringify`: JSON.stringify that keeps NaN and ±Infinity from passing as null;
// - `sameAsCopy`: whether an argument is the kept original, by a walk beside a copy of it;
// - `markedDraft`: the draft's text with the items that are the kept original's named, not written.
//
// planEdit keeps the last original it read, named by its JSON text. Telling whether the original
// of a call is that one would mean writing it out as JSON again; instead it is walked side by
// side with a copy made from that text. The walk answers true only where JSON.stringify would
// give exactly that text again, and false whenever it cannot tell cheaply (a `toJSON`, a Date or
// other class instance, an `undefined`, a key order of its own...): the caller then stringifies.

// --- stringify ------------------------------------------------------------------------------
// JSON.stringify, except that a number JSON cannot hold (NaN, Infinity, -Infinity) is written as
// {"$nonFinite":"NaN"} instead of null: a form's NaN is then reported at its field (a number field
// says it is not a finite number; any other says it has the wrong type), never read as "clear this
// field". The walk that looks for one runs only when the text holds a `null`; it tests leaves in
// place (a call per object, not per value): about a tenth of what JSON.stringify itself costs.
// The second pass runs only when it finds one.

const nonFinite = (x) => typeof x === "number" && (x !== x || x === Infinity || x === -Infinity);

function holdsNonFinite(o) {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const x = o[i];
      if (typeof x === "object" ? x !== null && holdsNonFinite(x) : nonFinite(x)) return true;
    }
    return false;
  }
  for (const k in o) {
    const x = o[k];
    if (typeof x === "object" ? x !== null && holdsNonFinite(x) : nonFinite(x)) return true;
  }
  return false;
}

// A BigInt, which JSON.stringify refuses with a TypeError, crosses as {"$bigint":"12"}: a number
// field then says it is not a JSON number, at its own path, instead of the whole call throwing.
const spell = (_key, v) =>
  nonFinite(v) ? { $nonFinite: String(v) } : typeof v === "bigint" ? { $bigint: String(v) } : v;

export function stringify(v) {
  let text;
  try {
    text = JSON.stringify(v);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    try {
      return JSON.stringify(v, spell);
    } catch {
      throw e; // not a BigInt after all (a cycle): the caller reports the first error
    }
  }
  // JSON.stringify writes every NaN and ±Infinity as null: a text without "null" holds none.
  if (typeof text !== "string" || !text.includes("null")) return text;
  const found = typeof v === "object" ? v !== null && holdsNonFinite(v) : nonFinite(v);
  return found ? JSON.stringify(v, spell) : text;
}

// --- sameAsCopy -----------------------------------------------------------------------------

class Obj {
  constructor(keys, values) {
    this.keys = keys;
    this.values = values;
  }
}

class Arr {
  constructor(items) {
    this.items = items;
  }
}

function copyOf(value) {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return new Arr(value.map(copyOf));
  const keys = Object.keys(value);
  return new Obj(keys, keys.map((k) => copyOf(value[k])));
}

/** The copy the walk compares with: from the kept original's JSON text. */
export function copyOfText(text) {
  return copyOf(JSON.parse(text));
}

/** Whether `JSON.stringify(value)` is the text `copy` was made from (false when unsure). */
export function sameAsCopy(value, copy) {
  if (typeof value !== 'object' || value === null) return value === copy;
  if (typeof value.toJSON === 'function') return false;
  if (Array.isArray(value)) {
    if (!(copy instanceof Arr)) return false;
    const items = copy.items;
    if (value.length !== items.length) return false;
    for (let i = 0; i < items.length; i++) if (!sameAsCopy(value[i], items[i])) return false;
    return true;
  }
  if (!(copy instanceof Obj)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const { keys, values } = copy;
  let i = 0;
  // for-in gives the own keys in JSON.stringify's order; an inherited enumerable key makes it
  // differ from the copy, which is only "unsure".
  for (const key in value) {
    if (i >= keys.length || key !== keys[i]) return false;
    const v = value[key];
    // A leaf is compared here (a call per object, not per value); the copy holds no NaN.
    if (typeof v === 'object' ? !sameAsCopy(v, values[i]) : v !== values[i]) return false;
    i++;
  }
  return i === keys.length;
}

// --- markedDraft ----------------------------------------------------------------------------
// A page that re-plans against the same original sends drafts whose unchanged schedule items are
// the original's. Each item the walk finds to be (as JSON text) the kept original's object item k
// of its schedule is written `#a<k>` or `#i<k>` instead (never JSON: the module reads such a text
// only with that original's items, src/read/known_items.rs). Everything else is written exactly as
// JSON.stringify writes it. `undefined` when the draft or a schedule is not a plain object: the
// caller then stringifies the draft whole.

const plainObject = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof v.toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The copy's object items of one schedule, and their places by id (made once per copy). */
function knownItems(copy, key) {
  const cache = (copy.known ??= {});
  if (cache[key] !== undefined) return cache[key];
  const schedule = copy.values[copy.keys.lastIndexOf(key)];
  const list = schedule instanceof Obj ? schedule.values[schedule.keys.lastIndexOf('schedule_items')] : undefined;
  const items = list instanceof Arr ? list.items.filter((i) => i instanceof Obj) : [];
  const byId = new Map();
  items.forEach((item, k) => {
    const id = item.values[item.keys.indexOf('id')];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, k);
  });
  return (cache[key] = { items, byId });
}

function itemsText(items, known, tag) {
  let text = '[';
  let hint = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let k = -1;
    if (typeof item === 'object' && item !== null) {
      if (hint < known.items.length && sameAsCopy(item, known.items[hint])) k = hint;
      else {
        const at = typeof item.id === 'string' ? known.byId.get(item.id) : undefined;
        if (at !== undefined && sameAsCopy(item, known.items[at])) k = at;
      }
    }
    if (i > 0) text += ',';
    if (k >= 0) {
      text += tag + k;
      hint = k + 1;
    } else {
      const t = stringify(item);
      text += t === undefined ? 'null' : t;
      hint++;
    }
  }
  return text + ']';
}

/** JSON text of a value inside an object: primitives written here, others by `stringify`. */
function valueText(v) {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return v === null ? 'null' : stringify(v);
    default:
      return stringify(v);
  }
}

/** JSON text of the plain object `o`; `part(key, value)` writes some values its own way. */
function objectText(o, part) {
  let text = '{';
  let first = true;
  for (const key of Object.keys(o)) {
    const value = o[key];
    // A toJSON is called with its key: only JSON.stringify of the whole object gives that.
    if (typeof value === 'object' && value !== null && typeof value.toJSON === 'function') throw BY_STRINGIFY;
    const t = part(key, value) ?? valueText(value);
    if (t === undefined) continue;
    text += (first ? '' : ',') + JSON.stringify(key) + ':' + t;
    first = false;
  }
  return text + '}';
}

const BY_STRINGIFY = Symbol('write the draft with JSON.stringify');

/** The draft's text with the kept original's items named; `undefined` when it is better written
 *  by JSON.stringify (not a plain object, or a value with a `toJSON` at its first two levels). */
export function markedDraft(draft, copy) {
  if (!plainObject(draft) || !(copy instanceof Obj)) return undefined;
  try {
    return draftText(draft, copy);
  } catch (e) {
    if (e === BY_STRINGIFY) return undefined;
    throw e;
  }
}

function draftText(draft, copy) {
  return objectText(draft, (key, value) => {
    const tag = key === 'access_schedule' ? '#a' : key === 'invoice_schedule' ? '#i' : undefined;
    if (tag === undefined || !plainObject(value)) return undefined;
    const known = knownItems(copy, key);
    return objectText(value, (k, v) =>
      k === 'schedule_items' && Array.isArray(v) && typeof v.toJSON !== 'function'
        ? itemsText(v, known, tag)
        : undefined,
    );
  });
}
