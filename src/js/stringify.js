// JSON.stringify, except that a number JSON cannot hold (NaN, Infinity, -Infinity) is written as
// {"$nonFinite":"NaN"} instead of null: a form's NaN is then reported at its field (a number field
// says it is not a finite number; any other says it has the wrong type), never read as "clear this
// field". The second pass runs only when the text has a null and the value holds such a number.

function nonFinite(v) {
  if (typeof v === "number") return !Number.isFinite(v);
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (nonFinite(v[i])) return true;
    return false;
  }
  for (const k in v) if (nonFinite(v[k])) return true;
  return false;
}

const spell = (_key, v) => (typeof v === "number" && !Number.isFinite(v) ? { $nonFinite: String(v) } : v);

export function stringify(v) {
  const text = JSON.stringify(v);
  return typeof text === "string" && text.includes("null") && nonFinite(v)
    ? JSON.stringify(v, spell)
    : text;
}
