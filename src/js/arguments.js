// How planEdit's arguments become JSON text, as cheaply as can be told exactly:
// - `stringify`: JSON.stringify that keeps NaN and ±Infinity from passing as null;
// - `sameAsCopy`: whether an argument is the kept original, by a walk beside a copy of it;
// - `markedDraft`: the draft's text with the items that are the kept original's named, not written;
// - `markedAgainst`: the same for an original met for the first time, told by a walk beside it.
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

// Objects JSON.stringify may write as null although they are none: a boxed non-finite number
// (`new Number(NaN)`), an Invalid Date, and any object with a toJSON of its own (what it gives is
// only known by calling it, which the replacer pass does).
const mayWriteNull = (x) =>
  x instanceof Number ? nonFinite(x.valueOf())
  : x instanceof Date ? x.getTime() !== x.getTime()
  : typeof x.toJSON === "function";

const holds = (x) =>
  typeof x === "object" ? x !== null && (mayWriteNull(x) || holdsNonFinite(x)) : nonFinite(x);

function holdsNonFinite(o) {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) if (holds(o[i])) return true;
    return false;
  }
  for (const k in o) if (holds(o[k])) return true;
  return false;
}

// A BigInt, which JSON.stringify refuses with a TypeError, crosses as {"$bigint":"12"}: a number
// field then says it is not a JSON number, at its own path, instead of the whole call throwing.
// A replacer sees a value after its toJSON, and `this[key]` as it was: an Invalid Date's toJSON
// gives null, which is no null the user wrote.
function spell(key, v) {
  if (typeof v === "object" && v !== null && (v instanceof Number || v instanceof BigInt)) v = v.valueOf();
  if (nonFinite(v)) return { $nonFinite: String(v) };
  if (typeof v === "bigint") return { $bigint: String(v) };
  if (v === null) {
    const was = this[key];
    if (was instanceof Date && was.getTime() !== was.getTime()) return { $nonFinite: "NaN" };
  }
  return v;
}

// The way back, for what the session hands out (draft()): each marker becomes the value it stands
// for. Only the spellings `spell` writes count, and never a map itself (a custom field named
// "$bigint" is data, not a marker).
const MAPS = new Set(["custom_fields", "pricing_group_values", "presentation_group_values"]);
const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);
const unspell = (key, v) => {
  if (v === null || typeof v !== "object" || Array.isArray(v) || MAPS.has(key)) return v;
  const keys = Object.keys(v);
  if (keys.length !== 1) return v;
  if (keys[0] === "$nonFinite" && NON_FINITE.has(v.$nonFinite)) return Number(v.$nonFinite);
  if (keys[0] === "$bigint" && /^-?(0|[1-9]\d*)$/.test(v.$bigint) && v.$bigint !== "-0") return BigInt(v.$bigint);
  return v;
};

export function parseSpelled(text) {
  return JSON.parse(text, unspell);
}

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
  const found = holds(v);
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

// --- markedDraft, markedAgainst -------------------------------------------------------------
// A draft's unchanged schedule items are the original's. Each item a walk finds to be (as JSON
// text) the original's object item k of its schedule is written `#a<k>` or `#i<k>` instead (never
// JSON: the module reads such a text only with that original's items, src/read/known_items.rs).
// The original is the kept one (walked beside its copy), or on a first call the original object
// itself, whose text is sent beside the draft. Everything else is written exactly as
// JSON.stringify writes it, by JSON.stringify: the rest of the draft with a stand-in for each
// schedule's items, and each run of items not named. `undefined` when the draft is not a plain
// object: the caller then stringifies the draft whole.

const plainProto = (v) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const plainObject = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.toJSON !== 'function' && plainProto(v);

/** The copy's object items of one schedule, and their places by id (made once per copy). */
function knownItems(copy, key) {
  const cache = (copy.known ??= {});
  if (cache[key] !== undefined) return cache[key];
  const schedule = copy.values[copy.keys.lastIndexOf(key)];
  const list = schedule instanceof Obj ? schedule.values[schedule.keys.lastIndexOf('schedule_items')] : undefined;
  const items = list instanceof Arr ? list.items.filter((i) => i instanceof Obj) : [];
  const ids = items.map((item) => item.values[item.keys.indexOf('id')]);
  const byId = new Map();
  ids.forEach((id, k) => {
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, k);
  });
  return (cache[key] = { items, byId, idOf: (k) => ids[k], same: sameAsCopy });
}

/** The object items of one schedule of a live original (the one being stringified in the same
 *  call); none when its text's object items cannot be told from here. */
function liveItems(original, key) {
  const schedule = written(original, key) ? original[key] : undefined;
  const list = plainObject(schedule) && written(schedule, 'schedule_items') ? schedule.schedule_items : undefined;
  if (!Array.isArray(list) || typeof list.toJSON === 'function') return NO_ITEMS;
  let items = list;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (nonFinite(item) || typeof item === 'bigint') return NO_ITEMS; // its spelling is an object
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      // Object item k of the text is item k here only while every item writes as an object.
      if (items === list) items = list.slice(0, i);
    } else if (!plainObject(item)) return NO_ITEMS; // a boxed primitive or a toJSON is not written as an object
    else if (items !== list) items.push(item);
  }
  return new Live(items);
}

/** A live original's items; their places by id are found once asked for. */
class Live {
  constructor(items) {
    this.items = items;
    this.ids = undefined;
  }

  idOf(k) {
    return this.items[k].id;
  }

  get byId() {
    if (this.ids === undefined) {
      this.ids = new Map();
      this.items.forEach((item, k) => {
        if (typeof item.id === 'string' && !this.ids.has(item.id)) this.ids.set(item.id, k);
      });
    }
    return this.ids;
  }

  same(a, b) {
    return sameText(a, b);
  }
}

const NO_ITEMS = new Live([]);

/** Whether JSON.stringify writes `o[key]` (an own enumerable property). */
const written = (o, key) => Object.prototype.propertyIsEnumerable.call(o, key);

/** Whether `JSON.stringify` writes `a` and `b` alike, told by a walk (false when unsure). */
function sameText(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (typeof a.toJSON === 'function' || typeof b.toJSON === 'function') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameText(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !plainProto(a) || !plainProto(b)) return false;
  // Object.keys lists what JSON.stringify writes, in its order.
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k !== kb[i]) return false;
    const x = a[k];
    const y = b[k];
    if (x !== y && !sameText(x, y)) return false;
  }
  return true;
}

/** Stands in for schedule s's items while the rest of the draft is stringified: a string JSON
 *  writes as `"\x7f0"` (DEL needs no escape), found once in the text, or a draft string is spelled
 *  the same and the draft is written whole. */
const STAND_IN = '\x7f';
const SCHEDULES = [
  ['access_schedule', '#a'],
  ['invoice_schedule', '#i'],
];

/** The draft's text with the items `knownOf(schedule key)` has named; `undefined` when none is
 *  and `onlyIfNamed`, or when it is better written by JSON.stringify. */
function marked(draft, knownOf, onlyIfNamed = false) {
  if (!plainObject(draft)) return undefined;
  let top;
  const lists = [];
  for (const [key, tag] of SCHEDULES) {
    const schedule = written(draft, key) ? draft[key] : undefined;
    if (!plainObject(schedule) || !written(schedule, 'schedule_items')) continue;
    const items = schedule.schedule_items;
    if (!Array.isArray(items) || typeof items.toJSON === 'function') continue;
    const known = knownOf(key);
    if (known.items.length === 0) continue;
    const list = namedItems(items, known, tag);
    if (list === BY_STRINGIFY) return undefined;
    if (list === undefined) continue;
    // A shallow copy keeps the keys' order, and JSON.stringify writes everything else as it would.
    top ??= { ...draft };
    top[key] = { ...schedule, schedule_items: STAND_IN + lists.length };
    lists.push(list);
  }
  if (top === undefined) return onlyIfNamed ? undefined : stringify(draft);
  const text = stringify(top);
  const at = lists.map((_, s) => {
    const standIn = '"' + STAND_IN + s + '"';
    const first = text.indexOf(standIn);
    return first >= 0 && text.indexOf(standIn, first + 1) < 0 ? first : -1;
  });
  if (at.includes(-1)) return undefined;
  let out = '';
  let from = 0;
  for (const s of lists.map((_, s) => s).sort((x, y) => at[x] - at[y])) {
    out += text.slice(from, at[s]) + lists[s];
    from = at[s] + STAND_IN.length + String(s).length + 2;
  }
  return out + text.slice(from);
}

const slice = Array.prototype.slice; // an array's own prototype may be gone

/** What `namedItems` answers when only JSON.stringify of the whole draft writes its items right. */
const BY_STRINGIFY = Symbol('write the draft with JSON.stringify');

/** The items' text with those that are known items named (`#a12`); `undefined` when none is. */
function namedItems(items, known, tag) {
  const found = new Array(items.length);
  let any = false;
  let hint = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let k = -1;
    if (typeof item === 'object' && item !== null) {
      const id = item.id;
      const atHint = hint < known.items.length;
      if (atHint && known.same(item, known.items[hint])) k = hint;
      // An item changed in its place is not looked for elsewhere.
      else if (typeof id === 'string' && !(atHint && known.idOf(hint) === id)) {
        const at = known.byId.get(id);
        if (at !== undefined && known.same(item, known.items[at])) k = at;
      }
    }
    found[i] = k;
    if (k >= 0) {
      any = true;
      hint = k + 1;
    } else if (typeof item === 'object' && item !== null && typeof item.toJSON === 'function') {
      return BY_STRINGIFY; // written in a run, its toJSON would be called with another index
    } else hint++;
  }
  if (!any) return undefined;
  // Items not named are written a run at a time (one JSON.stringify per run, not per item).
  let text = '[';
  for (let i = 0; i < items.length; ) {
    if (i > 0) text += ',';
    if (found[i] >= 0) {
      text += tag + found[i];
      i++;
      continue;
    }
    let end = i + 1;
    while (end < items.length && found[end] < 0) end++;
    text += stringify(slice.call(items, i, end)).slice(1, -1);
    i = end;
  }
  return text + ']';
}

/** The draft's text with the kept original's items named; `undefined` when it is better written
 *  by JSON.stringify. */
export function markedDraft(draft, copy) {
  if (!(copy instanceof Obj)) return undefined;
  return marked(draft, (key) => knownItems(copy, key));
}

/** The draft's text with the items named that are (as JSON text) items of `original`, a commit
 *  the module has not kept, whose text is sent beside it; `undefined` when none is, or as above. */
export function markedAgainst(draft, original) {
  if (!plainObject(original)) return undefined;
  return marked(draft, (key) => liveItems(original, key), true);
}
