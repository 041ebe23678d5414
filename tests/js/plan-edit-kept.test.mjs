// planEdit keeps the last original it read (src/api.rs) and the boundary recognises its text with
// `===` (src/wasm.rs). Whatever the order of calls, every answer must be the one a fresh module gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from '../../pkg/node.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, draft, context] = fixture.args;

const plain = (plan) => JSON.parse(JSON.stringify(plan));

test('an original changed in place between calls is read again', () => {
  const mine = structuredClone(original);
  const first = plain(api.planEdit(mine, draft, context));
  mine.access_schedule.schedule_items[0].amount = 123456;
  const second = plain(api.planEdit(mine, draft, context));
  assert.notDeepStrictEqual(second.changes, first.changes);
  assert.equal(second.preview.access_schedule.schedule_items[0].amount, draft.access_schedule.schedule_items[0].amount);
  const fresh = plain(api.planEdit(structuredClone(mine), structuredClone(draft), context));
  assert.deepStrictEqual(second, fresh);
});

test('alternating originals, refused originals and contexts never mix answers', () => {
  const other = { ...structuredClone(original), name: 'Other' };
  const locked = { ...context, invoice_statuses: {} };
  const expected = new Map();
  const calls = [original, other, original, original, [], other, 'x', original];
  for (let round = 0; round < 2; round++) {
    for (const [k, o] of calls.entries()) {
      for (const c of [context, locked]) {
        let answer;
        try {
          answer = plain(api.planEdit(o, draft, c));
        } catch (e) {
          answer = { threw: e.code };
        }
        const key = `${JSON.stringify(o)}|${JSON.stringify(c)}`;
        if (expected.has(key)) assert.deepStrictEqual(answer, expected.get(key), `call ${k}, round ${round}`);
        else expected.set(key, answer);
      }
    }
  }
  assert.equal(expected.get(`${JSON.stringify([])}|${JSON.stringify(context)}`).threw, 'not_an_object');
});

test('a preview read late, after other plans and after its inputs changed in place, is the one planned', () => {
  const mine = structuredClone(original);
  const myDraft = structuredClone(draft);
  const drafts = [myDraft, original, { ...structuredClone(draft), name: 'Renamed' }];
  const plans = drafts.map((d) => api.planEdit(mine, d, context));
  const immediate = drafts.map((d) => plain(api.planEdit(structuredClone(mine), structuredClone(d), context)));
  mine.access_schedule.schedule_items[0].amount = 1;
  myDraft.name = 'Changed after planning';
  api.planEdit(mine, myDraft, context);
  for (const k of [1, 0, 2]) {
    assert.deepStrictEqual(plain(plans[k]), immediate[k], `plan ${k}`);
    assert.strictEqual(plans[k].preview, plans[k].preview, 'read once, then held');
  }
  const last = api.planEdit(original, draft, context);
  assert.deepStrictEqual(plain(last).preview, immediate[0].preview, 'the held preview of the last plan');
  const replaced = api.planEdit(original, draft, context);
  replaced.preview = 'mine';
  assert.equal(replaced.preview, 'mine');
  assert.deepStrictEqual(Object.keys(replaced), ['payload', 'issues', 'changes', 'preview']);
});

test('changes are the ones planned, in the order of the plan keys, and can be replaced', () => {
  const plans = [draft, original, { ...draft, name: 'Renamed' }].map((d) => api.planEdit(original, d, context));
  const immediate = plans.map(() => null);
  for (const k of [2, 0, 1]) {
    immediate[k] = plans[k].changes;
    assert.ok(Array.isArray(immediate[k]));
    assert.strictEqual(plans[k].changes, immediate[k], 'read once, then held');
  }
  assert.ok(immediate[0].length > 0 && immediate[1].length === 0);
  assert.ok(immediate[2].some((c) => c.path === '/name' && c.after === 'Renamed'));
  const spread = { ...plans[2] };
  assert.deepStrictEqual(Object.keys(spread), ['payload', 'issues', 'changes', 'preview']);
  assert.deepStrictEqual(structuredClone(plans[2]).changes, immediate[2]);
  plans[0].changes = [];
  assert.deepStrictEqual(plans[0].changes, []);
});
