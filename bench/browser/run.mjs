#!/usr/bin/env node
// Chromium benchmark: `node bench/browser/run.mjs [options]` (same options as bench/run.mjs). Runs the same harness
// in headless Debian Chromium through playwright-core (no browser download) and prints the same tables.
import { existsSync, writeFileSync } from "node:fs";
import { buildBrowser } from "../lib/build.mjs";
import { parseArgs } from "../lib/options.mjs";
import { serve } from "./serve.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic"];

const opts = parseArgs(process.argv.slice(2), {});
if (!existsSync(CHROMIUM)) {
  console.error(`bench/browser: ${CHROMIUM} not found. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  process.exit(1);
}
await buildBrowser();
const { chromium } = await import("playwright-core");
const { server, url } = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
try {
  const page = await browser.newPage();
  // The page's HEAD probe for pkg/ logs a 404 when the package is not built; the page prints its own note.
  page.on("console", (m) => { if (!m.text().startsWith("Failed to load resource")) console.log(m.text()); });
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  const { json, ...pageOpts } = opts;
  console.log(`# Chromium ${browser.version()} (headless, ${CHROMIUM})`);
  await page.goto(`${url}?opts=${encodeURIComponent(JSON.stringify(pageOpts))}`);
  await page.waitForFunction(() => window.__benchDone || window.__benchError, null, { timeout: 0, polling: 500 });
  const error = await page.evaluate(() => window.__benchError);
  if (error) { console.error(`benchmark failed in the page: ${error}`); process.exitCode = 1; }
  else if (json) writeFileSync(json, JSON.stringify({ env: `chromium ${browser.version()}`, cells: await page.evaluate(() => window.__benchDone) }, null, 1));
} finally {
  await browser.close();
  server.close();
}
