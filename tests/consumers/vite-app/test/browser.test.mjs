// Serves the built app with `vite preview` and opens it in headless Chromium (playwright-core,
// the system /usr/bin/chromium; no browser download). Run `vite build` first (npm test does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = JSON.parse(readFileSync(new URL('../../sample/edit.json', import.meta.url), 'utf8'));
const chromiumPath = process.env.CHROME_BIN || '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let preview;
let browser;
let baseUrl;
let previewLog = '';

before(async () => {
  assert.ok(existsSync(`${root}dist/index.html`), 'dist/ is missing: run `vite build` first');
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}/`;
  preview = spawn(
    process.execPath,
    [`${root}node_modules/vite/bin/vite.js`, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  preview.stdout.on('data', (d) => { previewLog += d; });
  preview.stderr.on('data', (d) => { previewLog += d; });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (preview.exitCode !== null) throw new Error(`vite preview exited (${preview.exitCode}):\n${previewLog}`);
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer on ${baseUrl}:\n${previewLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  if (preview && preview.exitCode === null) preview.kill('SIGTERM');
});

test('vite build emits the wasm as a hashed asset next to the bundle', () => {
  const assets = readdirSync(`${root}dist/assets`);
  assert.ok(assets.some((f) => /^commit_editor_bg-[\w-]+\.wasm$/.test(f)), `no wasm asset in ${assets}`);
  assert.ok(assets.some((f) => f.endsWith('.js')), `no js bundle in ${assets}`);
});

test('the built page inits the module and shows the exact edit payload', async () => {
  const page = await browser.newPage();
  const problems = [];
  const wasm = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    if (r.url().endsWith('.wasm')) wasm.push({ url: r.url(), type: r.headers()['content-type'] });
  });
  await page.goto(baseUrl);
  const out = page.locator('#payload:not([data-state="loading"])');
  await out.waitFor({ timeout: 15_000 });
  const state = await out.getAttribute('data-state');
  const text = await out.textContent();
  assert.equal(state, 'done', `page reported an error:\n${text}`);
  assert.deepStrictEqual(JSON.parse(text), sample.expected_payload);
  assert.deepStrictEqual(JSON.parse(await page.locator('#issues').textContent()), []);
  assert.match(await page.locator('#version').textContent(), /^\d+\.\d+\.\d+/);
  assert.equal(wasm.length, 1, `expected one wasm fetch, saw ${JSON.stringify(wasm)}`);
  assert.equal(wasm[0].type, 'application/wasm', 'served without application/wasm, so instantiateStreaming falls back');
  assert.deepStrictEqual(problems, []);
  await page.close();
});
