#!/usr/bin/env node
// Node benchmark: `node bench/run.mjs [options]` (see lib/options.mjs). Wasm contenders are added when the built
// package exists at ../pkg/node.js (or $COMMIT_EDITOR_PKG), and skipped with a note otherwise.
import { existsSync, writeFileSync } from "node:fs";
import { pathToFileURL, fileURLToPath } from "node:url";
import os from "node:os";
import { loadBench } from "./lib/build.mjs";
import { parseArgs } from "./lib/options.mjs";

const bench = await loadBench();
const opts = parseArgs(process.argv.slice(2), bench.BENCH_DEFAULTS);
const pkg = process.env.COMMIT_EDITOR_PKG ?? fileURLToPath(new URL("../pkg/node.js", import.meta.url));

let wasm = null;
if (!opts.wasm) console.log("note: --no-wasm given: wasm contenders skipped");
else if (!existsSync(pkg)) console.log(`note: ${pkg} does not exist (build the package first): wasm contenders skipped`);
else {
  const mod = await import(pathToFileURL(pkg).href);
  if (typeof mod.init === "function") await mod.init(); // a no-op promise in pkg/node.js
  const { api, notes } = bench.adaptWasm(mod);
  wasm = api;
  for (const n of notes) console.log(`note: ${n}`);
}
console.log(`# commit-editor benchmark · Node ${process.version} · ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length} · ${new Date().toISOString()}`);
console.log("# median µs per call; ÷X = this row's median divided by row X's (below 1: faster than X)");
const cells = await bench.runBench(opts, wasm, (line) => console.log(line));
if (opts.json) writeFileSync(opts.json, JSON.stringify({ env: `node ${process.version}`, cells }, null, 1));
