// JavaScript's own spelling of the double nearest a decimal text: the shortest digits that read
// back as that double (what JSON.stringify writes). Lent to the module's exact decimals, so the
// wasm needs no float parser or printer of its own.
export function shortestSpelling(text) {
  const n = Number(text);
  return Number.isFinite(n) ? String(n) : undefined;
}
