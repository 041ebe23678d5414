// Every payload of the fixture table, the expected one and the one the packed package computes,
// validates against Metronome's OpenAPI request schema for its endpoint (closed objects, formats on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from 'commit-editor';
import { loadValidators, REQUEST_SCHEMAS } from '../lib/openapi.mjs';

const repo = process.env.COMMIT_EDITOR_REPO ?? resolve(fileURLToPath(import.meta.url), '../../../../..');
const openapiPath = process.env.METRONOME_OPENAPI ?? resolve(repo, 'tests/reference/metronome-openapi-commits.json');
const fixturesDir = join(repo, 'fixtures');

const files = existsSync(fixturesDir)
  ? (function walk(dir) {
      return readdirSync(dir).sort().flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
      });
    })(fixturesDir)
  : [];

const { validators, added, alreadyThere } = loadValidators(JSON.parse(readFileSync(openapiPath, 'utf8')));

function check(fn, payload, what) {
  const validate = validators[fn];
  if (!validate(payload)) {
    assert.fail(`${what} does not fit ${REQUEST_SCHEMAS[fn]}:\n${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(payload, null, 2)}`);
  }
}

const counts = { expected: 0, actual: 0 };

test(`the fixture table has fixtures (${relative(process.cwd(), fixturesDir) || fixturesDir})`, () => {
  assert.ok(files.length > 0, `no fixtures under ${fixturesDir}`);
});

test('EditCommitPayload in the snapshot is widened by exactly applicable_contract_ids and description, where missing', (t) => {
  t.diagnostic(`added to the snapshot's EditCommitPayload: ${added.join(', ') || 'nothing'}; already in it: ${alreadyThere.join(', ') || 'nothing'}`);
  assert.deepStrictEqual([...added, ...alreadyThere].sort(), ['applicable_contract_ids', 'description']);
});

test('the validators have teeth: extra keys, bad formats, lower-level extras and misplaced nulls fail', () => {
  const v = validators.planEdit;
  const ok = {
    customer_id: '4c91c473-fc12-445a-9c38-40421d47023f',
    commit_id: '5e7e82cf-ccb7-428c-a96f-a8e4f67af822',
    priority: null,
    applicable_contract_ids: null,
    specifiers: [{ product_tags: ['a'], pricing_group_values: { region: 'eu' } }],
    hierarchy_configuration: { child_access: { type: 'ALL' } },
    access_schedule: { update_schedule_items: [{ id: 'd5edbd32-c744-48cb-9475-a9bca0e6fa39', amount: 5 }] },
  };
  assert.ok(v(ok), JSON.stringify(v.errors));
  const bad = [
    { ...ok, unknown_key: 1 },
    { ...ok, name: null },
    { ...ok, commit_id: 'not-a-uuid' },
    { ...ok, access_schedule: { update_schedule_items: [{ id: 'd5edbd32-c744-48cb-9475-a9bca0e6fa39', amount: '5' }] } },
    { ...ok, access_schedule: { update_schedule_items: [{ id: 'd5edbd32-c744-48cb-9475-a9bca0e6fa39', invoice_id: 'd5edbd32-c744-48cb-9475-a9bca0e6fa39' }] } },
    { ...ok, access_schedule: { add_schedule_items: [{ amount: 1, starting_at: '2026-01-01T00:00:00', ending_before: '2026-02-01T00:00:00Z' }] } },
    { ...ok, hierarchy_configuration: { child_access: { type: 'ALL', contract_ids: [] } } },
    { ...ok, specifiers: [{ product_tag: ['a'] }] },
  ];
  for (const payload of bad) assert.equal(v(payload), false, JSON.stringify(payload));
  const { customer_id: _, ...noCustomer } = ok;
  assert.equal(v(noCustomer), false);
});

for (const file of files) {
  const name = relative(fixturesDir, file);
  const fixture = JSON.parse(readFileSync(file, 'utf8'));
  const hasSchema = fixture.fn in REQUEST_SCHEMAS;
  const expected = fixture.expect?.payload ?? null;
  const skip = !hasSchema ? `${fixture.fn} builds no request body` : false;
  test(name, { skip }, (t) => {
    if (expected !== null) {
      check(fixture.fn, expected, 'the expected payload');
      counts.expected += 1;
    }
    if (fixture.expect?.throws) return;
    const fn = api[fixture.fn];
    if (typeof fn !== 'function') {
      t.skip(`the package does not export ${fixture.fn} yet: only the expected payload was checked`);
      return;
    }
    let got;
    try {
      got = fn(...structuredClone(fixture.args));
    } catch (error) {
      assert.fail(`${fixture.fn} threw where the fixture expects none (is pkg/ older than the fixture?): ${error}`);
    }
    if (got.payload != null) {
      check(fixture.fn, got.payload, 'the computed payload');
      counts.actual += 1;
    }
  });
}

test('summary: payloads validated', (t) => {
  t.diagnostic(`${counts.expected} expected and ${counts.actual} computed payloads valid, from ${files.length} fixture files`);
  assert.ok(counts.expected + counts.actual > 0, 'no payload was validated');
});
