// The fixture table, run from JS against the built package (pkg/node.js), as users call it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../../pkg/node.js';

const root = new URL('../../fixtures/', import.meta.url).pathname;
const files = (function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
  });
})(root).sort();

const pairs = (issues) => issues.map((i) => `${i.code} ${i.path}`).sort();

test('the fixture table is not empty', () => assert.ok(files.length > 150, `${files.length} fixtures`));

for (const file of files) {
  const fixture = JSON.parse(readFileSync(file, 'utf8'));
  test(file.slice(root.length), () => {
    const fn = api[fixture.fn];
    assert.equal(typeof fn, 'function', `no export ${fixture.fn}`);
    const { expect } = fixture;
    if (expect.throws) {
      assert.throws(() => fn(...fixture.args), (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'CommitEditorError');
        assert.equal(e.code, expect.throws.code);
        if ('path' in expect.throws) assert.equal(e.path, expect.throws.path);
        return true;
      });
      return;
    }
    const args = structuredClone(fixture.args);
    const got = fn(...args);
    assert.deepEqual(args, fixture.args, 'inputs are never mutated');
    if (expect.commit) return assert.deepEqual(got, expect.commit);
    if ('payload' in expect) assert.deepEqual(got.payload, expect.payload);
    if (expect.items) assert.deepEqual(got.items, expect.items);
    if (expect.preview) assert.deepEqual(got.preview, expect.preview);
    for (const [pointer, want] of Object.entries(expect.preview_has ?? {})) {
      assert.deepEqual(at(got.preview, pointer) ?? null, want, `preview${pointer}`);
    }
    if (expect.issues) assert.deepEqual(pairs(got.issues), pairs(expect.issues));
    for (const issue of got.issues ?? []) {
      assert.ok(['error', 'warning'].includes(issue.severity));
      assert.ok(issue.message.length > 0);
      if (issue.severity === 'error') assert.equal(got.payload ?? null, null);
    }
  });
}

/** The value a JSON Pointer names, or undefined. */
function at(value, pointer) {
  const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  return keys.reduce((v, k) => (v == null ? undefined : v[k]), value);
}
