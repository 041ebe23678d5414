// A Node 20 ESM user of the package: `import ... from 'commit-editor'`, nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeDraft, replay } from '../../sample/draft.mjs';

const sample = JSON.parse(readFileSync(new URL('../../sample/edit.json', import.meta.url), 'utf8'));

// Any fetch during import or init means the browser entry was picked: make it fail loudly.
const realFetch = globalThis.fetch;
let fetchCalls = 0;
globalThis.fetch = (...args) => { fetchCalls += 1; return realFetch(...args); };
const pkg = await import('commit-editor');
const { default: init, version, planEdit, applyEdit, CommitEditor } = pkg;

test('the bare specifier resolves to the Node entry, which needs no fetch and no await', async () => {
  assert.match(import.meta.resolve('commit-editor'), /\/node_modules\/commit-editor\/node\.js$/);
  assert.equal(fetchCalls, 0);
  // Usable straight after import: version() works before init() is awaited.
  assert.match(version(), /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  const manifest = JSON.parse(readFileSync(new URL(import.meta.resolve('commit-editor/package.json')), 'utf8'));
  assert.equal(version(), manifest.version);
  // init() is kept so the same code runs in browsers; here it resolves at once.
  const exports = await init();
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  assert.equal(fetchCalls, 0);
});

test('planEdit gives the exact payload, no issues, and a preview', () => {
  const plan = planEdit(sample.original, makeDraft(sample), sample.context);
  assert.deepStrictEqual(plan.payload, sample.expected_payload);
  assert.deepStrictEqual(plan.issues, []);
  assert.deepStrictEqual(
    plan.changes.map((c) => `${c.kind} ${c.path}`).sort(),
    [
      'added /access_schedule/schedule_items/2',
      'removed /invoice_schedule/schedule_items',
      'removed /priority',
      'updated /access_schedule/schedule_items/1/amount',
      'updated /invoice_schedule/schedule_items/1/timestamp',
      'updated /name',
    ],
  );
  assert.equal(plan.preview.name, 'Annual commit (renegotiated)');
  // the original is not touched
  assert.equal(sample.original.name, 'Annual commit');
});

test('an unchanged draft plans nothing: payload null', () => {
  const plan = planEdit(sample.original, structuredClone(sample.original), sample.context);
  assert.equal(plan.payload, null);
  assert.deepStrictEqual(plan.issues, []);
  assert.deepStrictEqual(plan.changes, []);
});

test('applyEdit applies the payload as the server would, and agrees with the preview', () => {
  const plan = planEdit(sample.original, makeDraft(sample), sample.context);
  const after = applyEdit(sample.original, sample.expected_payload);
  assert.deepStrictEqual(after, plan.preview);
  assert.equal(after.id, sample.original.id);
  assert.equal(after.name, 'Annual commit (renegotiated)');
  assert.equal(after.priority, undefined, 'priority: null clears it');
  assert.deepStrictEqual(after.applicable_product_tags, ['compute']);
  const access = after.access_schedule.schedule_items;
  assert.deepStrictEqual(access.map((i) => i.amount), [100000, 150000, 50000]);
  assert.deepStrictEqual(access.slice(0, 2).map((i) => i.id), sample.original.access_schedule.schedule_items.map((i) => i.id));
  assert.equal(access[2].starting_at, '2027-01-01T00:00:00Z');
  const invoice = after.invoice_schedule.schedule_items;
  assert.deepStrictEqual(invoice.map((i) => [i.id, i.timestamp]), [
    ['0b3f4c2e-8f5a-4a7e-9b1d-2c3e4f5a6b7c', '2025-01-01T00:00:00Z'],
    ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '2026-02-01T00:00:00Z'],
  ]);
});

test('CommitEditor: the same edits one at a time give the same payload; undo/redo; free', () => {
  const editor = new CommitEditor(sample.original, sample.context);
  try {
    assert.equal(editor.canUndo, false);
    assert.deepStrictEqual(editor.plan(), { payload: null, issues: [], changes: [] });
    const last = replay(editor, sample);
    assert.deepStrictEqual(last.payload, sample.expected_payload);
    assert.deepStrictEqual(editor.plan().payload, sample.expected_payload);
    // the session's draft plans to the same result
    assert.deepStrictEqual(planEdit(sample.original, editor.draft(), sample.context).payload, sample.expected_payload);
    assert.deepStrictEqual(editor.preview(), planEdit(sample.original, makeDraft(sample), sample.context).preview);
    assert.equal(editor.canUndo, true);
    assert.equal(editor.canRedo, false);
    const undone = editor.undo();
    assert.equal(undone.payload.invoice_schedule.remove_schedule_items, undefined, 'undo brings the removed item back');
    assert.equal(editor.canRedo, true);
    assert.deepStrictEqual(editor.redo().payload, sample.expected_payload);
  } finally {
    editor.free();
  }
});

test('unusable input throws a real Error named CommitEditorError with code and path', () => {
  assert.throws(() => planEdit(42, {}, sample.context), (error) => {
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'CommitEditorError');
    assert.equal(typeof error.code, 'string');
    assert.equal(typeof error.path, 'string');
    return true;
  });
});

test('CommonJS code can require() it where Node has require(esm) (20.19+, 22.12+)', { skip: process.features.require_module ? false : 'this Node has no require(esm)' }, async () => {
  const { createRequire } = await import('node:module');
  const cjs = createRequire(import.meta.url)('commit-editor');
  assert.equal(cjs.version(), version());
  assert.deepStrictEqual(cjs.planEdit(sample.original, makeDraft(sample), sample.context).payload, sample.expected_payload);
});
