// What the random-draft tests share: a seeded generator, the containers a mutation can target, and
// a class whose instances JSON.stringify writes as plain objects.

/** A seeded generator: `random()` in [0, 1), `pick(list)`. */
export function seeded(seed) {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return { random, pick: (xs) => xs[Math.floor(random() * xs.length)] };
}

/** Every plain object and array inside `v`, with a way to change it. */
export function containers(v, out = []) {
  const plain = (x) => Array.isArray(x) || [Object.prototype, null].includes(Object.getPrototypeOf(x));
  if (typeof v === 'object' && v !== null && plain(v)) {
    out.push(v);
    for (const k of Object.keys(v)) containers(v[k], out);
  }
  return out;
}

export class Money {
  constructor(n) {
    this.n = n;
  }
}
