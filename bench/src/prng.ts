// Seeded PRNG (mulberry32) and helpers: the same seed always gives the same commits and edits.

export type Rng = () => number; // uniform in [0, 1)

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const HEX = "0123456789abcdef";
/** A random RFC 4122 version-4 UUID drawn from the seeded generator. */
export function uuid(r: Rng): string {
  let s = "";
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) s += "-";
    else if (i === 14) s += "4";
    else if (i === 19) s += HEX[8 + int(r, 0, 3)];
    else s += HEX[int(r, 0, 15)];
  }
  return s;
}

/** k distinct indices in [0, n), in ascending order. */
export function sample(r: Rng, n: number, k: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, n)) chosen.add(Math.floor(r() * n));
  return [...chosen].sort((a, b) => a - b);
}
