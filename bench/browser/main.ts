// The page's side of the Chromium benchmark: the same runBench as in Node, with the package loaded from /pkg/
// (wasm-bindgen --target web: `await init()`), options from ?opts=JSON. Every line goes to the console and the page.
import { runBench, BENCH_DEFAULTS } from "../src/bench";
import { adaptWasm, type WasmApi } from "../src/wasm";

const out = document.getElementById("out")!;
const log = (line: string) => { console.log(line); out.textContent += `${line}\n`; };
const given = JSON.parse(new URLSearchParams(location.search).get("opts") ?? "{}");
// Without cross-origin isolation the timer is coarsened to 100 µs: make each sample longer then.
const opts = { ...BENCH_DEFAULTS, batchMs: crossOriginIsolated ? 1 : 10, ...given };

async function loadWasm(): Promise<WasmApi | null> {
  if (given.wasm === false) { log("note: --no-wasm given: wasm contenders skipped"); return null; }
  const url = new URL("/pkg/commit_editor.js", location.href).href;
  if (!(await fetch(url, { method: "HEAD" })).ok) { log("note: pkg/commit_editor.js does not exist (build the package first): wasm contenders skipped"); return null; }
  const mod = await import(url);
  await mod.default();
  const { api, notes } = adaptWasm(mod);
  notes.forEach((n) => log(`note: ${n}`));
  return api;
}

async function main() {
  const wasm = await loadWasm();
  log(`# commit-editor benchmark · ${navigator.userAgent} · ${navigator.hardwareConcurrency} cores · crossOriginIsolated=${crossOriginIsolated} · ${new Date().toISOString()}`);
  log("# median µs per call; ÷X = this row's median divided by row X's (below 1: faster than X)");
  return runBench(opts, wasm, log);
}

const w = window as any;
main().then((cells) => { w.__benchDone = cells; }, (e) => { w.__benchError = String(e?.stack ?? e); });
