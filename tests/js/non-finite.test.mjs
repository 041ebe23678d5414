// NaN and ±Infinity: JSON.stringify would write them as null, which on a clearable field means
// "clear it". They must come back as `invalid_number` at their field, and never change a payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from '../../pkg/node.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, , context] = fixture.args;
const codes = (plan, path) => plan.issues.filter((i) => i.path === path).map((i) => i.code);

for (const bad of [NaN, Infinity, -Infinity]) {
  test(`planEdit: priority ${bad} is invalid_number, not a cleared priority`, () => {
    const plan = api.planEdit(original, { ...original, priority: bad }, context);
    assert.equal(plan.payload, null);
    assert.deepEqual(codes(plan, '/priority'), ['invalid_number']);
  });

  test(`planEdit: an item amount ${bad} is invalid_number`, () => {
    const items = original.access_schedule.schedule_items.map((it, i) => (i === 1 ? { ...it, amount: bad } : it));
    const draft = { ...original, access_schedule: { ...original.access_schedule, schedule_items: items } };
    const plan = api.planEdit(original, draft, context);
    assert.equal(plan.payload, null);
    assert.deepEqual(codes(plan, '/access_schedule/schedule_items/1/amount'), ['invalid_number']);
  });

  test(`CommitEditor.set: ${bad} is invalid_number at the path`, () => {
    const editor = new api.CommitEditor(original, context);
    let plan = editor.set('/priority', bad);
    assert.equal(plan.payload, null);
    assert.deepEqual(codes(plan, '/priority'), ['invalid_number']);
    plan = editor.set('/access_schedule/schedule_items/0/amount', bad);
    assert.deepEqual(codes(plan, '/access_schedule/schedule_items/0/amount'), ['invalid_number']);
    editor.free();
  });
}

for (const bad of [NaN, Infinity, -Infinity]) {
  test(`${bad} as a whole argument throws not_an_object (it is no object, whatever it crosses as)`, () => {
    const refused = (f, argument) =>
      assert.throws(f, (e) => e.name === 'CommitEditorError' && e.code === 'not_an_object' && e.argument === argument);
    refused(() => api.planEdit(bad, original, context), 'original');
    refused(() => api.planEdit(original, bad, context), 'draft');
    refused(() => api.planEdit(original, original, bad), 'context');
    refused(() => new api.CommitEditor(bad, context), 'original');
    refused(() => api.planCreate(bad), 'draft');
  });
}

test('a BigInt inside a draft is invalid_number at its path; as a whole argument it is not_an_object', () => {
  const items = original.access_schedule.schedule_items.map((it, i) => (i === 1 ? { ...it, amount: 5n } : it));
  const draft = { ...original, access_schedule: { ...original.access_schedule, schedule_items: items } };
  const plan = api.planEdit(original, draft, context);
  assert.equal(plan.payload, null);
  assert.deepEqual(codes(plan, '/access_schedule/schedule_items/1/amount'), ['invalid_number']);
  const editor = new api.CommitEditor(original, context);
  assert.deepEqual(codes(editor.set('/priority', 7n), '/priority'), ['invalid_number']);
  editor.free();
  assert.throws(() => api.planEdit(original, 5n, context), (e) => e.code === 'not_an_object' && e.argument === 'draft');
  const cycle = { ...original };
  cycle.self = cycle;
  assert.throws(() => api.planEdit(original, cycle, context), (e) => e.code === 'unserializable');
});

test('a null that is really null still clears, beside a NaN elsewhere that does not', () => {
  const plan = api.planEdit(original, { ...original, priority: null }, context);
  assert.deepEqual(plan.issues, []);
  assert.equal(plan.payload.priority, null);
  const both = api.planEdit(original, { ...original, priority: null, description: 'x', name: NaN }, context);
  assert.equal(both.payload, null);
  assert.ok(codes(both, '/name').length > 0);
});

test('the same original passed again after a NaN draft is still kept and planned right', () => {
  const draft = { ...original, name: 'Renamed' };
  for (let i = 0; i < 3; i++) {
    assert.equal(api.planEdit(original, { ...original, priority: NaN }, context).payload, null);
    assert.equal(api.planEdit(original, draft, context).payload.name, 'Renamed');
  }
});

// Audit 9: where an object or a map belongs, a NaN or BigInt crossed as its marker object and was
// read as that object: `{"$nonFinite":"NaN"}` reached a payload as a custom field.
const createDraft = JSON.parse(readFileSync(new URL('../../fixtures/create/prepaid_free_minimal.json', import.meta.url), 'utf8')).args[0];
for (const bad of [NaN, Infinity, 10n]) {
  test(`${typeof bad === 'bigint' ? `${bad}n` : bad} where an object belongs is invalid_type at its path, never data`, () => {
    const created = (extra) => api.planCreate({ ...createDraft, ...extra });
    for (const [extra, path] of [
      [{ custom_fields: bad }, '/custom_fields'],
      [{ specifiers: [{ pricing_group_values: bad }] }, '/specifiers/0/pricing_group_values'],
      [{ specifiers: [{ presentation_group_values: bad }] }, '/specifiers/0/presentation_group_values'],
      [{ access_schedule: bad }, '/access_schedule'],
      [{ access_schedule: { schedule_items: [bad] } }, '/access_schedule/schedule_items/0'],
    ]) {
      const plan = created(extra);
      assert.equal(plan.payload, null, JSON.stringify(extra, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)));
      assert.deepEqual(codes(plan, path), ['invalid_type'], path);
    }
    for (const [key, path] of [['access_schedule', '/access_schedule'], ['product', '/product'], ['invoice_contract', '/invoice_contract']]) {
      const plan = api.planEdit(original, { ...original, [key]: bad }, context);
      assert.equal(plan.payload, null, key);
      assert.deepEqual(codes(plan, path), ['invalid_type'], key);
    }
    const editor = new api.CommitEditor(original, context);
    assert.deepEqual(codes(editor.set('/specifiers', [{ pricing_group_values: bad }]), '/specifiers/0/pricing_group_values'), ['invalid_type']);
    assert.deepEqual(codes(editor.set('/access_schedule/schedule_items/0', bad), '/access_schedule/schedule_items/0'), ['invalid_type']);
    editor.free();
  });
}

test('an object spelled like a marker with another text is data (a custom field named "$bigint")', () => {
  const plan = api.planCreate({ ...createDraft, custom_fields: { $bigint: 'twelve' } });
  assert.deepEqual(plan.issues, []);
  assert.deepEqual(plan.payload.custom_fields, { $bigint: 'twelve' });
});

// Audit 9: a non-finite number JSON.stringify meets other than as a bare NaN (boxed, from a toJSON,
// an Invalid Date) was written as null, which clears a field.
for (const [label, make] of [
  ['new Number(NaN)', () => new Number(NaN)],
  ['new Number(-Infinity)', () => new Number(-Infinity)],
  ['{ toJSON: () => NaN }', () => ({ toJSON: () => NaN })],
  ['an Invalid Date', () => new Date('')],
]) {
  test(`${label} is never read as null ("clear this field")`, () => {
    const plan = api.planEdit(original, { ...original, priority: make() }, context);
    assert.equal(plan.payload, null);
    assert.deepEqual(codes(plan, '/priority'), ['invalid_number']);
    const items = original.access_schedule.schedule_items.map((it, i) => (i === 0 ? { ...it, amount: make() } : it));
    const inItems = api.planEdit(original, { ...original, access_schedule: { ...original.access_schedule, schedule_items: items } }, context);
    assert.deepEqual(codes(inItems, '/access_schedule/schedule_items/0/amount'), ['invalid_number']);
    const editor = new api.CommitEditor(original, context);
    assert.deepEqual(codes(editor.set('/priority', make()), '/priority'), ['invalid_number']);
    editor.free();
  });
}

test('a valid Date and a toJSON that gives a real value still write as themselves', () => {
  const plan = api.planEdit(original, { ...original, priority: { toJSON: () => 7 }, name: { toJSON: () => 'Renamed' } }, context);
  assert.deepEqual(plan.issues, []);
  assert.equal(plan.payload.priority, 7);
  assert.equal(plan.payload.name, 'Renamed');
  assert.equal(api.planEdit(original, { ...original, priority: null }, context).payload.priority, null);
});
