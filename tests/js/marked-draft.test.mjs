// planEdit names a draft's items that are the original's instead of writing them: the kept
// original's (markedDraft in src/js/arguments.js) or, on a first call, those of the original
// object it is given (markedAgainst). With each marker replaced by its item's text, the marked text
// must be exactly what JSON.stringify writes for the draft, whatever the draft and the original
// hold; and planEdit's answers through markers must be the answers without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyOfText, markedAgainst, markedDraft, stringify } from '../../src/js/arguments.js';
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
  (o, k) => { o[k] = { toJSON: (key) => ({ amount: key }) }; }, // in a list, its key is its index
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

function mutated(from = original) {
  const mine = structuredClone(from);
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
  const objects = (list) =>
    (Array.isArray(list) ? list : []).filter((i) => typeof i === 'object' && i !== null && !Array.isArray(i));
  const known = {
    a: objects(o.access_schedule?.schedule_items),
    i: objects(o.invoice_schedule?.schedule_items),
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

/** A draft from `o` (which may hold what structuredClone refuses): some items shared, some copied,
 *  some changed, in another order now and then. */
function draftFrom(o) {
  const d = { ...o };
  for (const key of ['access_schedule', 'invoice_schedule']) {
    const s = o[key];
    if (typeof s !== 'object' || s === null || !Array.isArray(s.schedule_items)) continue;
    const list = Array.prototype.map.call(s.schedule_items, (item) => {
      const r = random();
      if (r < 0.4 || typeof item !== 'object' || item === null) return item;
      if (r < 0.7) return { ...item };
      if (r < 0.85) return { ...item, amount: 7 };
      const { id, ...rest } = item;
      return { ...rest, id };
    });
    if (random() < 0.2) list.reverse();
    if (random() < 0.2) list.push({ amount: 1 });
    d[key] = { ...s, schedule_items: list };
  }
  return d;
}

/** An original changed where a live one can be odd: toJSON, class instances, non-object items... */
function oddOriginal() {
  const mine = mutated();
  if (random() < 0.5) {
    const l = pick(items(mine));
    if (l?.length) {
      const at = Math.floor(random() * l.length);
      const odd = [null, 3, 'x', [1], new Money(2), { toJSON: () => 'y' }, { toJSON: () => ({ amount: 1 }) }, undefined, new String('junk'), new Number(3)];
      try {
        l.splice(at, 0, pick(odd));
      } catch {
        // an item made a getter by an earlier mutation
      }
    }
  }
  return mine;
}

test('a draft marked against a live original, its markers expanded, is JSON.stringify of the draft', () => {
  let markers = 0;
  for (let round = 0; round < 20_000; round++) {
    const o = oddOriginal();
    const draft = random() < 0.5 ? draftFrom(o) : mutated(JSON.parse(JSON.stringify(o)));
    const text = stringify(o);
    let marked;
    try {
      marked = markedAgainst(draft, o);
    } catch {
      continue; // what JSON.stringify refuses too (the caller then reports it)
    }
    if (marked === undefined) continue; // nothing named, or left to JSON.stringify
    markers++;
    assert.equal(expand(marked, text), stringify(draft), `round ${round}`);
  }
  assert.ok(markers > 10_000, `markers were used (${markers})`);
});

test('a draft string spelled as a stand-in leaves the draft to JSON.stringify', () => {
  const draft = structuredClone(original);
  draft.name = '\x7f0';
  assert.equal(markedAgainst(draft, original), undefined);
  draft.name = '\x7f1';
  const marked = markedAgainst(draft, original);
  if (marked !== undefined) assert.equal(expand(marked, stringify(original)), stringify(draft));
});

/** The same draft, written whole by JSON.stringify: a top-level toJSON keeps it from being marked. */
const unmarked = (draft) => {
  const text = stringify(draft);
  return { toJSON: () => JSON.parse(text) };
};

test('planEdit against an original met for the first time answers as without markers', () => {
  const plain = (plan) => JSON.parse(JSON.stringify(plan));
  const outcome = (f) => {
    try {
      return plain(f());
    } catch (e) {
      return { threw: e.code };
    }
  };
  let firstCalls = 0;
  for (let round = 0; round < 300; round++) {
    const o = random() < 0.5 ? original : oddOriginal();
    const draft = draftFrom(o);
    const expected = outcome(() => api.planEdit(o, unmarked(draft), context));
    // Another original is kept now: the next call meets `o` for the first time.
    api.planEdit(fixture.args[1], fixture.args[1], context);
    const got = outcome(() => api.planEdit(o, draft, context));
    assert.deepStrictEqual(got, expected, `round ${round}`);
    if (markedAgainst(draft, o) !== undefined) firstCalls++;
  }
  assert.ok(firstCalls > 100, `drafts were marked (${firstCalls})`);
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
