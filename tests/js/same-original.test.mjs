// planEdit tells the kept original by walking the call's original beside a copy of the kept one
// (src/js/arguments.js). The walk may say "not sure" (false) too often, but it must never say
// "same" when JSON.stringify would give another text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyOfText, sameAsCopy } from '../../src/js/arguments.js';
import * as api from '../../pkg/node.js';
import { containers, Money, seeded } from './mutate.mjs';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, draft, context] = fixture.args;

const { random, pick } = seeded(7);

const mutations = [
  (o, k) => { o[k] = undefined; },
  (o, k) => { o[k] = () => 1; },
  (o, k) => { o[k] = new Date(0); },
  (o, k) => { o[k] = new Money(1); },
  (o, k) => { o[k] = -0; },
  (o, k) => { o[k] = NaN; },
  (o, k) => { o[k] = Infinity; },
  (o, k) => { o[k] = String(o[k]); },
  (o, k) => { o[k] = typeof o[k] === 'string' ? Number(o[k]) : o[k]; },
  (o, k) => { o[k] = { toJSON: () => 'x' }; },
  (o, k) => { const v = o[k]; delete o[k]; o[k] = v; }, // key order
  (o) => { o.extra = 1; },
  (o) => { o.toJSON = function () { return 1; }; },
  (o, k) => { Object.defineProperty(o, k, { enumerable: false, value: o[k] }); },
  (o, k) => { const v = o[k]; Object.defineProperty(o, k, { enumerable: true, configurable: true, get: () => v }); },
  (o) => { Object.setPrototypeOf(o, null); },
  (o) => { Object.setPrototypeOf(o, { inherited: 1 }); },
  (o, k) => { if (Array.isArray(o)) o.length += 1; else o[k] = [o[k]]; },
  (o, k) => { if (Array.isArray(o)) o.pop(); else o[k] = null; },
  (o, k) => { if (Array.isArray(o)) o.reverse(); else o[k] = structuredClone(o[k]); },
  (o, k) => { o[k] = new String('a'); },
  (o, k) => { o[k] = Object.assign([], o[k] ?? []); },
];

test('the walk never says "same" where JSON.stringify gives another text', () => {
  const text = JSON.stringify(original);
  const copy = copyOfText(text);
  assert.equal(sameAsCopy(structuredClone(original), copy), true, 'an equal copy is recognised');
  assert.equal(sameAsCopy(original, copy), true);
  let same = 0;
  for (let round = 0; round < 20_000; round++) {
    const mine = structuredClone(original);
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      const target = pick(containers(mine));
      if (target === undefined) continue;
      const keys = Object.keys(target);
      if (keys.length === 0) continue;
      try {
        pick(mutations)(target, pick(keys));
      } catch {
        // a property made read-only by an earlier mutation
      }
    }
    let expected;
    try {
      expected = JSON.stringify(mine) === text;
    } catch {
      expected = false;
    }
    const walked = sameAsCopy(mine, copy);
    if (walked) {
      same++;
      assert.equal(expected, true, `round ${round}`);
    }
  }
  assert.ok(same > 100, `some mutations leave the same text (${same})`);
});

test('keys are compared by name and order, values by JSON', () => {
  const copy = copyOfText(JSON.stringify({ a: 1, b: 1, c: [0, 'x'] }));
  assert.equal(sameAsCopy({ a: 1, b: 1, c: [-0, 'x'] }, copy), true);
  for (const other of [{ b: 1, a: 1, c: [0, 'x'] }, { a: 1, d: 1, c: [0, 'x'] }, { a: 1, b: 1, c: [0, 'x', undefined] }, { a: 1, b: 1, c: ['0', 'x'] }, { a: 1, b: 1 }, [1, 1, [0, 'x']]]) {
    assert.equal(sameAsCopy(other, copy), false, JSON.stringify(other));
  }
});

test('an inherited enumerable key is not taken for an own one', () => {
  const copy = copyOfText(JSON.stringify({ a: 1 }));
  Object.prototype.polluted = 1;
  try {
    assert.equal(sameAsCopy({ a: 1 }, copy), false);
  } finally {
    delete Object.prototype.polluted;
  }
  assert.equal(sameAsCopy({ a: 1 }, copy), true);
});

test('planEdit against an original told by the walk answers as against its text', () => {
  const asJson = (v) => JSON.parse(JSON.stringify(v));
  const fresh = (o, d) => asJson(api.planEdit(asJson(o), asJson(d), context));
  const mine = structuredClone(original);
  const expected = fresh(mine, draft);
  for (let i = 0; i < 3; i++) assert.deepStrictEqual(JSON.parse(JSON.stringify(api.planEdit(mine, draft, context))), expected);
  mine.access_schedule.schedule_items[0].amount = 42;
  assert.deepStrictEqual(JSON.parse(JSON.stringify(api.planEdit(mine, draft, context))), fresh(mine, draft));
  mine.access_schedule.schedule_items[0].toJSON = () => ({ amount: 7 });
  // A BigInt crosses as a marker: the original's product cannot be read, which is an issue, not a throw.
  const odd = api.planEdit({ ...mine, product: 10n }, draft, context);
  assert.ok(odd.issues.some((i) => i.code === 'invalid_original' && i.path.startsWith('/product')), JSON.stringify(odd.issues));
  assert.deepStrictEqual(JSON.parse(JSON.stringify(api.planEdit(mine, draft, context))), fresh(mine, draft));
});
