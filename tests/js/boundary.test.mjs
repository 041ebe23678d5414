// Junk at every export, then a valid call that must still succeed: a panic or a stack overflow
// inside wasm would kill the instance (WebAssembly.RuntimeError), which is a failure here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from '../../pkg/node.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, draft, context] = fixture.args;

function deep(n) {
  let v = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
const cyclic = {}; cyclic.self = cyclic;
const loneSurrogate = { ...draft, name: 'a\ud800b' };
const junk = [
  undefined, null, 0, -0, NaN, Infinity, 1n, 'x', '', true, Symbol('s'), () => 1, [], [1, 2], new Map([[1, 2]]),
  cyclic, deep(100_000), deep(70), { __proto__: { amount: 1 } }, JSON.parse('{"__proto__": {"x": 1}}'),
  { ...original, access_schedule: { schedule_items: new Array(60_000).fill({}) } },
  { ...original, name: 'x'.repeat(1 << 20) }, loneSurrogate,
  { ...original, priority: 2 ** 60 }, { ...original, priority: 1e308 }, { ...original, priority: 5e-324 },
  { ...original, access_schedule: { schedule_items: [{ amount: NaN }, { amount: Infinity }, { amount: -0 }] } },
];

function checkThrow(e) {
  assert.ok(!(e instanceof WebAssembly.RuntimeError), `a trap: ${e}`);
  assert.ok(e instanceof Error, `threw a non-Error: ${String(e)}`);
  assert.equal(e.name, 'CommitEditorError');
  assert.equal(typeof e.code, 'string');
  assert.equal(typeof e.path, 'string');
}

function tryCall(fn) {
  try {
    const out = fn();
    if (out && typeof out === 'object' && 'issues' in out) assert.ok(Array.isArray(out.issues));
  } catch (e) {
    checkThrow(e);
  }
}

function stillWorks() {
  const plan = api.planEdit(original, draft, context);
  assert.deepEqual(plan.payload, fixture.expect.payload);
}

const exportsToTry = {
  planEdit: (x) => [api.planEdit(x, draft, context), api.planEdit(original, x, context), api.planEdit(original, draft, x)],
  applyEdit: (x) => [api.applyEdit(x, {}), api.applyEdit(original, x)],
  planCreate: (x) => api.planCreate?.(x, x),
  planEndDate: (x) => [api.planEndDate?.(x, {}, context), api.planEndDate?.(original, x, x)],
  planDisableTrueup: (x) => [api.planDisableTrueup?.(x, {}), api.planDisableTrueup?.(original, x)],
  generateSchedule: (x) => api.generateSchedule?.(x),
  CommitEditor: (x) => {
    let ed;
    try { ed = new api.CommitEditor(x, context); } catch (e) { checkThrow(e); }
    ed ??= new api.CommitEditor(original, context);
    tryCall(() => ed.set('/access_schedule/schedule_items/0/amount', x));
    tryCall(() => ed.set(typeof x === 'string' ? x : '/name', x));
    tryCall(() => ed.addItem('access', x));
    tryCall(() => ed.addItem(x, {}));
    tryCall(() => ed.removeItem(String(typeof x === 'symbol' ? 's' : x)));
    tryCall(() => ed.replaceDraft(x));
    ed.undo(); ed.redo();
    assert.ok(Array.isArray(ed.plan().issues));
    ed.free();
  },
};

for (const [name, call] of Object.entries(exportsToTry)) {
  test(`${name} survives junk and keeps working`, () => {
    for (const x of junk) {
      tryCall(() => call(x));
      stillWorks();
    }
  });
}

test('cycles and deep nesting are refused with a clear error', () => {
  for (const [x, code] of [[cyclic, 'unserializable'], [deep(100_000), 'too_deep'], [deep(70), 'too_deep'], [1n, 'not_an_object']]) {
    assert.throws(() => api.planEdit(x, draft, context), (e) => {
      checkThrow(e);
      assert.equal(e.code, code);
      return true;
    });
  }
  stillWorks();
});

test('a lone surrogate in a name is carried, not a crash', () => {
  const plan = api.planEdit(original, loneSurrogate, context);
  assert.equal(plan.payload.name, 'a\ufffdb');
});

test('text of every width crosses whole: ASCII, two-, three- and four-byte characters, lone surrogates', () => {
  for (const name of ['é'.repeat(70), '€'.repeat(200), '😀'.repeat(100), 'a'.repeat(63) + '\ud800', '\udc00x'.repeat(40), 'ascii '.repeat(30) + 'ü']) {
    const plan = api.planEdit(original, { ...draft, name }, context);
    assert.equal(plan.payload.name, name.replace(/[\ud800-\udfff]/gu, '\ufffd'), name.slice(0, 10));
    assert.equal(plan.preview.name, plan.payload.name);
  }
});

test('a 60,000-item schedule is refused with an issue, not a stall', () => {
  const big = { ...original, access_schedule: { schedule_items: new Array(60_000).fill(original.access_schedule.schedule_items[0]) } };
  const plan = api.planEdit(original, big, context);
  assert.ok(plan.issues.some((i) => i.code === 'too_many_items' && i.path === '/access_schedule/schedule_items'));
  assert.equal(plan.payload, null);
});

// Audit 9: a map's keys escaped the 10,000-byte string limit and reached the payload.
test('a map key longer than 10,000 bytes is string_too_long at its map, like a long value', () => {
  const createDraft = JSON.parse(readFileSync(new URL('../../fixtures/create/prepaid_free_minimal.json', import.meta.url), 'utf8')).args[0];
  const long = 'k'.repeat(10_001);
  const at = (plan, path) => plan.issues.filter((i) => i.path === path).map((i) => i.code);
  const created = api.planCreate({ ...createDraft, custom_fields: { [long]: 'v' } });
  assert.equal(created.payload, null);
  assert.deepEqual(at(created, '/custom_fields'), ['string_too_long']);
  assert.ok(created.issues[0].message.length < 200, 'the message quotes the key cut short');
  const { applicable_product_tags, ...untargeted } = original;
  const edited = api.planEdit(untargeted, { ...untargeted, specifiers: [{ pricing_group_values: { [long]: 'v' } }] }, context);
  assert.equal(edited.payload, null);
  assert.deepEqual(at(edited, '/specifiers/0/pricing_group_values'), ['string_too_long']);
  const fits = api.planCreate({ ...createDraft, custom_fields: { ['k'.repeat(10_000)]: 'v' } });
  assert.deepEqual(fits.issues, []);
});

// Audit 9: an object the original carries was compared key by key with a scan of the other
// (custom_fields, subscription_config, an unknown ledger entry): 80,000 keys took 8 s. The time
// limit is a hang detector (a hundred times what the call takes), not a benchmark.
test('an object of 150,000 keys in the original plans in linear time, in any key order', { timeout: 30_000 }, () => {
  const keys = Array.from({ length: 150_000 }, (_, i) => 'k' + i);
  const fields = Object.fromEntries(keys.map((k) => [k, 'v']));
  const reversed = Object.fromEntries([...keys].reverse().map((k) => [k, 'v']));
  const big = { ...original, custom_fields: fields, subscription_config: { allocation: 'POOLED', ...fields } };
  for (const custom_fields of [fields, reversed]) {
    const plan = api.planEdit(big, { ...big, custom_fields, name: 'Renamed' }, context);
    assert.deepEqual(plan.issues, []);
    assert.equal(plan.payload.name, 'Renamed');
  }
  const editor = new api.CommitEditor(big, context);
  assert.deepEqual(editor.set('/custom_fields', reversed).issues, []);
  assert.equal(editor.set('/custom_fields', { ...reversed, k1: 'w' }).issues[0].code, 'field_not_editable');
  editor.free();
});
