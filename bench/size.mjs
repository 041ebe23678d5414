#!/usr/bin/env node
// Size report: the wasm package (pkg/commit_editor_bg.wasm + pkg/commit_editor.js) raw, gzip -9 and brotli -11,
// next to minified browser bundles (esbuild --minify) of both baselines. `node bench/size.mjs`
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { minified } from "./lib/build.mjs";
import { BENCH } from "./lib/deps.mjs";

const PKG = process.env.COMMIT_EDITOR_PKG_DIR ?? `${BENCH}/../pkg`;
const BUDGET_GZIP = 60 * 1024; // issue 8: .wasm + glue at most 60 KB gzipped

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const rows = [];

const wasmFile = `${PKG}/commit_editor_bg.wasm`, glueFile = `${PKG}/commit_editor.js`;
if (existsSync(wasmFile) && existsSync(glueFile)) {
  const w = sizes(readFileSync(wasmFile)), g = sizes(readFileSync(glueFile));
  // The glue's snippets (pkg/snippets/**.js) load with it, so they count as glue.
  const snippetFiles = existsSync(`${PKG}/snippets`)
    ? readdirSync(`${PKG}/snippets`, { recursive: true }).filter((f) => String(f).endsWith(".js")).map((f) => `${PKG}/snippets/${f}`)
    : [];
  const s = snippetFiles.map((f) => sizes(readFileSync(f))).reduce(add, { raw: 0, gzip: 0, brotli: 0 });
  rows.push(["pkg/commit_editor_bg.wasm", w], ["pkg/commit_editor.js (glue)", g], [`pkg/snippets/ (${snippetFiles.length} files, each compressed)`, s]);
  rows.push(["wasm + glue", add(add(w, g), s)]);
} else console.log(`note: ${wasmFile} or ${glueFile} does not exist (build the package first): wasm sizes skipped`);
rows.push(["hand-written baseline (min.js)", sizes(await minified("src/baseline-handwritten.ts"))]);
rows.push(["jsondiffpatch+zod baseline (min.js)", sizes(await minified("src/baseline-library.ts"))]);

console.log("\n## Size (bytes as shipped; gzip -9, brotli -11; the baselines bundled with esbuild --minify, their dependencies included)");
console.log(`${"file".padEnd(38)}${"raw".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
for (const [name, s] of rows) console.log(`${name.padEnd(38)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
const total = rows.find((r) => r[0] === "wasm + glue");
if (total) console.log(`wasm + glue gzip: ${(total[1].gzip / 1024).toFixed(1)} KB of a ${BUDGET_GZIP / 1024} KB budget (reported, not asserted)`);
