// The editor page never turns user data into markup, and says so in its CSP: checked on the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const www = new URL('../../www/', import.meta.url).pathname;

test('www/src inserts no HTML', () => {
  const files = (function walk(dir) {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.(ts|js)$/.test(f) ? [p] : [];
    });
  })(join(www, 'src'));
  assert.ok(files.length > 5);
  for (const f of files) {
    // Code only: a comment may name what the code never does.
    const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
      assert.ok(!text.includes(sink), `${f} uses ${sink}`);
    }
  }
});

test('www/index.html has a strict Content-Security-Policy', () => {
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  assert.ok(meta, 'a CSP meta tag');
  const csp = meta[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  assert.doesNotMatch(html, /<script>(?!\s*<\/script>)/, 'no inline script');
});
