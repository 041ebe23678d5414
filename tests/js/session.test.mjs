// CommitEditor's answers share unchanged elements with the previous answer (src/session/answer.*).
// Over seeded random sequences of edits, every answer must equal planEdit on the same draft, shared
// elements must be frozen, and an answer must not change when later answers are made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from '../../pkg/node.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, , context] = fixture.args;

function rng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const values = {
  amount: ['100', '250.5', 0.1, -3, 'x', null, 1e21],
  starting_at: ['2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z', 'not a date'],
  ending_before: ['2026-01-01T00:00:00Z', '2025-03-01T00:00:00Z'],
  timestamp: ['2025-02-01T00:00:00Z', '2031-01-01T00:00:00Z'],
  quantity: [1, 2, '3'],
  unit_price: [10, '0.1'],
};
const FIELDS = { access: ['amount', 'starting_at', 'ending_before'], invoice: ['amount', 'timestamp', 'quantity', 'unit_price'] };

function step(editor, next) {
  const section = next(2) ? 'access' : 'invoice';
  const items = editor.draft()[`${section}_schedule`]?.schedule_items ?? [];
  switch (next(8)) {
    case 0: return editor.addItem(section, section === 'access'
      ? { amount: 5, starting_at: '2027-01-01T00:00:00Z', ending_before: '2027-02-01T00:00:00Z' }
      : { amount: 5, timestamp: '2027-01-01T00:00:00Z' });
    case 1: return items.length ? editor.removeItem(`/${section}_schedule/schedule_items/${next(items.length)}`) : editor.plan();
    case 2: return editor.undo();
    case 3: return editor.redo();
    case 4: return editor.set('/name', ['a', 'b', null][next(3)]);
    default: {
      if (!items.length) return editor.plan();
      const field = FIELDS[section][next(FIELDS[section].length)];
      const choices = values[field];
      return editor.set(`/${section}_schedule/schedule_items/${next(items.length)}/${field}`, choices[next(choices.length)]);
    }
  }
}

function frozenDeep(v) {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(frozenDeep);
}

test('every session answer equals planEdit on the same draft, over random sequences', () => {
  let answers = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const next = rng(seed);
    const editor = new api.CommitEditor(original, context);
    const kept = [];
    for (let k = 0; k < 40; k++) {
      const answer = step(editor, next);
      const oneShot = api.planEdit(original, editor.draft(), context);
      const { preview, ...expected } = oneShot;
      assert.deepStrictEqual(answer, expected, `seed ${seed}, step ${k}`);
      assert.equal(JSON.stringify(answer), JSON.stringify(expected), 'same keys in the same order');
      for (const e of [...answer.issues, ...answer.changes]) assert.ok(frozenDeep(e), 'shared elements are frozen');
      kept.push([answer, JSON.stringify(answer)]);
      answers++;
    }
    // Later answers never changed an earlier one.
    for (const [answer, text] of kept) assert.equal(JSON.stringify(answer), text);
    editor.free();
  }
  assert.ok(answers >= 1600);
});

test('answers share unchanged elements and refuse to be changed through them', () => {
  const editor = new api.CommitEditor(original, context);
  const a = editor.set('/access_schedule/schedule_items/0/amount', '7');
  const b = editor.set('/access_schedule/schedule_items/1/amount', '9');
  assert.ok(a.changes.length >= 1 && b.changes.length > a.changes.length);
  assert.equal(b.changes[0], a.changes[0], 'the unchanged change is the same object');
  assert.throws(() => { b.changes[0].after = 1; }, TypeError);
  // Containers are the caller's own.
  b.changes.push({ extra: true });
  b.payload.note = 'mine';
  const c = editor.plan();
  assert.equal(c.changes.length, b.changes.length - 1);
  assert.equal(c.payload.note, undefined);
  editor.free();
});

test("planEdit's preview is parsed when first read, and reads like a plain property", () => {
  const draft = structuredClone(original);
  draft.access_schedule.schedule_items[0].amount = 7;
  const plan = api.planEdit(original, draft, context);
  assert.deepStrictEqual(Object.keys(plan), ['payload', 'issues', 'changes', 'preview']);
  assert.equal(plan.preview, plan.preview, 'parsed once');
  assert.equal(plan.preview.access_schedule.schedule_items[0].amount, 7);
  const copy = structuredClone(plan);
  assert.deepStrictEqual(copy, JSON.parse(JSON.stringify(plan)));
  assert.deepStrictEqual(copy.preview, plan.preview);
  plan.preview = null;
  assert.equal(plan.preview, null, 'assignable, like the plain property it was');
});

test('an answer that fails to be read on the JS side is sent again in full, and the session goes on', () => {
  const editor = new api.CommitEditor(original, context);
  editor.set('/access_schedule/schedule_items/0/amount', '7');
  const parse = JSON.parse;
  let failures = 1;
  JSON.parse = function (...args) {
    if (failures-- > 0) throw new Error('injected');
    return parse.apply(this, args);
  };
  let answer;
  try {
    answer = editor.set('/access_schedule/schedule_items/1/amount', '9');
  } finally {
    JSON.parse = parse;
  }
  const { preview, ...expected } = api.planEdit(original, editor.draft(), context);
  assert.deepStrictEqual(answer, expected);
  assert.deepStrictEqual(editor.undo(), (({ preview, ...rest }) => rest)(api.planEdit(original, editor.draft(), context)));
  editor.free();
});

test('a string value is measured as JSON text, as every argument is: escapes count toward the 32 MiB', () => {
  const editor = new api.CommitEditor(original, context);
  // 6,000,000 control characters: 6 MB of UTF-8, 36 MB as JSON (each is \u0001).
  const big = '\u0001'.repeat(6_000_000);
  assert.throws(() => editor.set('/name', big), (e) => e.name === 'CommitEditorError' && e.code === 'too_large');
  assert.throws(() => api.planEdit(original, { ...original, name: big }, context), (e) => e.code === 'too_large');
  assert.equal(editor.draft().name, original.name, 'the refused value changed nothing');
  assert.equal(editor.set('/name', 'x\u0001'.repeat(1000)).issues.length, 0);
  editor.free();
});

test('a freed editor: free() again and dispose do nothing, any other call throws CommitEditorError freed', () => {
  const editor = new api.CommitEditor(original, context);
  editor.free();
  editor.free();
  editor[Symbol.dispose]?.();
  const freed = (e) => e instanceof Error && e.name === 'CommitEditorError' && e.code === 'freed' && e.path === '' && e.argument === 'this';
  assert.throws(() => editor.set('/name', 'x'), freed);
  assert.throws(() => editor.plan(), freed);
  assert.throws(() => editor.draft(), freed);
  assert.throws(() => editor.canUndo, freed);
  assert.throws(() => editor.undo(), freed);
  const other = new api.CommitEditor(original, context);
  assert.equal(other.set('/name', 'y').payload.name, 'y', 'the module goes on');
  other.free();
});

test('draft() gives back a NaN, an Infinity or a BigInt that was set as itself, not as the marker it crossed as', () => {
  const editor = new api.CommitEditor(original, context);
  editor.set('/access_schedule/schedule_items/0/amount', NaN);
  assert.ok(Number.isNaN(editor.draft().access_schedule.schedule_items[0].amount));
  editor.set('/access_schedule/schedule_items/0/amount', -Infinity);
  assert.equal(editor.draft().access_schedule.schedule_items[0].amount, -Infinity);
  editor.set('/priority', 5n);
  assert.equal(editor.draft().priority, 5n);
  const issues = editor.set('/name', 'plain').issues.map((i) => i.code);
  assert.ok(issues.includes('invalid_number'), issues.join());
  editor.free();
});

test("draft() revives only the markers it wrote: a map's own keys and other spellings are data", () => {
  const withMap = { ...original, custom_fields: { $bigint: '42' } };
  const editor = new api.CommitEditor(withMap, context);
  assert.deepEqual(editor.draft().custom_fields, { $bigint: '42' });
  // Not a spelling arguments.js writes: an object where a number belongs, as any other object.
  const set = editor.set('/access_schedule/schedule_items/0/amount', { $nonFinite: '12' });
  assert.ok(set.issues.some((i) => i.code === 'invalid_type'));
  const draft = editor.draft();
  assert.deepEqual(draft.access_schedule.schedule_items[0].amount, { $nonFinite: '12' });
  assert.deepEqual(api.planEdit(withMap, draft, context).issues.map((i) => i.code), set.issues.map((i) => i.code));
  editor.free();
});
