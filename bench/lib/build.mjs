// Bundles the TypeScript sources with esbuild: for Node (dist/bench.mjs), for the page (dist/browser.js), and
// minified baselines for the size report (in memory).
import { BENCH, ensureDeps } from "./deps.mjs";
import { renameSync } from "node:fs";
import { pathToFileURL } from "node:url";

ensureDeps();
const esbuild = await import("esbuild");

/** Builds src/index.ts for Node and imports it (written then renamed, so parallel test files never read half a file). */
export async function loadBench() {
  const outfile = `${BENCH}/dist/bench.mjs`, tmp = `${outfile}.${process.pid}.tmp`;
  await esbuild.build({ entryPoints: [`${BENCH}/src/index.ts`], bundle: true, platform: "node", format: "esm", target: "node20", outfile: tmp, logLevel: "warning" });
  renameSync(tmp, outfile);
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Builds browser/main.ts for the page; returns the output path. */
export async function buildBrowser() {
  const outfile = `${BENCH}/dist/browser.js`;
  await esbuild.build({ entryPoints: [`${BENCH}/browser/main.ts`], bundle: true, platform: "browser", format: "esm", target: "chrome120", outfile, logLevel: "warning" });
  return outfile;
}

/** A minified browser bundle of one entry (with its dependencies), as bytes. */
export async function minified(entry) {
  const r = await esbuild.build({ entryPoints: [`${BENCH}/${entry}`], bundle: true, minify: true, platform: "browser", format: "esm", target: "es2020", write: false, logLevel: "warning" });
  return r.outputFiles[0].contents;
}
