// planEdit keeps the last original it read, named by its JSON text. Telling whether the original
// of a call is that one would mean writing it out as JSON again; instead it is walked side by
// side with a copy made from that text. The walk answers true only where JSON.stringify would
// give exactly that text again, and false whenever it cannot tell cheaply (a `toJSON`, a Date or
// other class instance, an `undefined`, a key order of its own...): the caller then stringifies.

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
    if (i >= keys.length || key !== keys[i] || !sameAsCopy(value[key], values[i])) return false;
    i++;
  }
  return i === keys.length;
}
