// Any JavaScript number in range is an amount the module accepts exactly (the wasm build tells
// 16- and 17-digit ones by JavaScript's own spelling, src/js/shortest_spelling.js); a decimal text
// that JSON.parse would change is refused, never rounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from '../../pkg/node.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, , context] = fixture.args;
const withAmount = (amount) => {
  const items = original.access_schedule.schedule_items.map((it, i) => (i === 1 ? { ...it, amount } : it));
  return { ...original, access_schedule: { ...original.access_schedule, schedule_items: items } };
};

let seed = 5;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

test('every double in range is read as itself', () => {
  let n = 0;
  for (let i = 0; n < 2000; i++) {
    const amount = [random() * 1e6 / 3, random() * 1e15, random(), Math.round(random() * 1e9) / 100][i % 4];
    // The documented limit: at most 18 decimals (0.0017850399017333984 has 19).
    const [, decimals = ''] = String(amount).split('.');
    if (decimals.length > 18 || String(amount).includes('e')) continue;
    n++;
    const plan = api.planEdit(original, withAmount(amount), context);
    assert.deepEqual(plan.issues, [], `${amount}`);
    assert.equal(plan.payload.access_schedule.update_schedule_items[0].amount, amount);
  }
});

test('a decimal text JSON.parse would change is refused', () => {
  for (const text of ['9007199254740993', '0.30000000000000001', '0.123456789012345678']) {
    const plan = api.planEdit(original, withAmount(text), context);
    assert.deepEqual(plan.issues.map((i) => i.code), ['number_out_of_range'], text);
  }
  const ok = api.planEdit(original, withAmount('0.30000000000000004'), context);
  assert.deepEqual(ok.issues, []);
});
