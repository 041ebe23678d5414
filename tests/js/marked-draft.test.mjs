// planEdit names a draft's items that are the kept original's instead of writing them
// (markedDraft in src/js/arguments.js). With each marker replaced by its item's text, the marked
// text must be exactly what JSON.stringify writes for the draft, whatever the draft holds; and
// planEdit's answers through markers must be the answers without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyOfText, markedDraft, stringify } from '../../src/js/arguments.js';
import * as api from '../../pkg/node.js';
import { containers, Money, seeded } from './mutate.mjs';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/edit/access_amount_updated.json', import.meta.url), 'utf8'));
const [original, , context] = fixture.args;

const { random, pick } = seeded(11);

const items = (d) => [d.access_schedule?.schedule_items, d.invoice_schedule?.schedule_items].filter(Array.isArray);
const mutations = [
  (o, k) => { o[k] = undefined; },
  (o, k) => { o[k] = () => 1; },
  (o, k) => { o[k] = new Date(0); },
  (o, k) => { o[k] = new Money(1); },
  (o, k) => { o[k] = NaN; },
  (o, k) => { o[k] = String(o[k]); },
  (o, k) => { o[k] = { toJSON: () => 'x' }; },
  (o, k) => { const v = o[k]; delete o[k]; o[k] = v; },
  (o) => { o.extra = 1; },
  (o) => { o.toJSON = function () { return { id: 'x' }; }; },
  (o, k) => { const v = o[k]; Object.defineProperty(o, k, { enumerable: true, configurable: true, get: () => v }); },
  (o) => { Object.setPrototypeOf(o, null); },
  (o) => { Object.setPrototypeOf(o, { inherited: 1 }); },
  (o, k) => { if (Array.isArray(o)) o.reverse(); else o[k] = structuredClone(o[k]); },
  (o, k) => { if (Array.isArray(o)) o.pop(); else o[k] = null; },
  (o, k) => { if (Array.isArray(o)) o.push(structuredClone(o[0] ?? {})); else o[k] = [o[k]]; },
  (o, k) => { if (Array.isArray(o)) o.splice(0, 0, o[o.length - 1]); else delete o[k]; },
  (o, k) => { if (Array.isArray(o)) o.push('#a0', 5, null); else o[k] = '#a0'; },
];
const itemMutations = [
  (d) => { const l = pick(items(d)); if (l) l.reverse(); },
  (d) => { const l = pick(items(d)); if (l?.length) l.splice(Math.floor(random() * l.length), 1); },
  (d) => { const l = pick(items(d)); if (l?.length) l.push(structuredClone(l[0])); },
  (d) => { const l = pick(items(d)); if (l?.length) l[0] = { ...l[0], amount: 7 }; },
  (d) => { const l = pick(items(d)); if (l?.length) l[0].id = l[0].id.toUpperCase(); },
];

function mutated() {
  const mine = structuredClone(original);
  const n = Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    try {
      if (random() < 0.4) {
        pick(itemMutations)(mine);
        continue;
      }
      const target = pick(containers(mine));
      const keys = target ? Object.keys(target) : [];
      if (keys.length > 0) pick(mutations)(target, pick(keys));
    } catch {
      // a property made read-only, an array without its prototype, a function to clone...
    }
  }
  return mine;
}

/** The marked text with each marker replaced by the original's item it names. */
function expand(marked, originalText) {
  const o = JSON.parse(originalText);
  const known = {
    a: (o.access_schedule?.schedule_items ?? []).filter((i) => typeof i === 'object' && i !== null && !Array.isArray(i)),
    i: (o.invoice_schedule?.schedule_items ?? []).filter((i) => typeof i === 'object' && i !== null && !Array.isArray(i)),
  };
  let out = '';
  let inString = false;
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    if (inString && c === '\\') {
      out += c + marked[++i];
      continue;
    }
    if (c === '"') inString = !inString;
    if (c === '#' && !inString) {
      const m = /^#([ai])(\d+)/.exec(marked.slice(i));
      assert.ok(m, `a marker at ${i}: ${marked.slice(i, i + 10)}`);
      out += JSON.stringify(known[m[1]][Number(m[2])]);
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

test('a marked draft, its markers expanded, is JSON.stringify of the draft', () => {
  const text = JSON.stringify(original);
  const copy = copyOfText(text);
  let markers = 0;
  for (let round = 0; round < 20_000; round++) {
    const draft = mutated();
    const marked = markedDraft(draft, copy);
    const whole = stringify(draft);
    if (marked === undefined) continue; // left to JSON.stringify (a toJSON, a class instance...)
    if (marked.includes('#')) markers++;
    assert.equal(expand(marked, text), whole, `round ${round}`);
  }
  assert.ok(markers > 10_000, `markers were used (${markers})`);
});

test('planEdit through markers answers as without them', () => {
  const respelled = (() => {
    const { id, ...rest } = original;
    return { ...rest, id };
  })();
  const plain = (plan) => JSON.parse(JSON.stringify(plan));
  for (let round = 0; round < 300; round++) {
    const draft = mutated();
    let expected;
    try {
      expected = plain(api.planEdit(respelled, draft, context));
    } catch (e) {
      expected = { threw: e.code };
    }
    // Kept by text, then copied, then told by the walk: the third call sends markers.
    for (let i = 0; i < 3; i++) api.planEdit(original, original, context);
    let got;
    try {
      got = plain(api.planEdit(original, draft, context));
    } catch (e) {
      got = { threw: e.code };
    }
    assert.deepStrictEqual(got, expected, `round ${round}`);
  }
});
