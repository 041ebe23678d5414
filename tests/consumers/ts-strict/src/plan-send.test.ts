// Run time: planCreate and planEndDate payloads sent through the real SDK client arrive at their
// endpoints unchanged. Compiled (and so run) only when the package exports both functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Metronome from '@metronome/sdk';
import { planCreate, planEndDate } from 'commit-editor';
import { loadSample, recorder } from './sdk-recorder.js';

const sample = loadSample();
const customer_id = sample.context.customer_id;
const USD = '2714e483-4ff1-48e4-9e25-ac732e8f24f2';

test('commits.create sends the planCreate payload to POST /v1/contracts/customerCommits/create unchanged', async () => {
  const plan = planCreate(
    {
      customer_id,
      type: 'PREPAID',
      priority: '100',
      product_id: sample.original.product.id,
      name: 'Q3 top-up',
      invoice_contract_id: '3b4c5d6e-7f80-4192-a3b4-c5d6e7f80912',
      access_schedule: {
        credit_type_id: USD,
        schedule_items: [{ amount: '25000', starting_at: '2026-07-01T00:00:00Z', ending_before: '2027-01-01T00:00:00Z' }],
      },
      invoice_schedule: { schedule_items: [{ timestamp: '2026-07-01T00:00:00Z', amount: 25000 }] },
    },
    { now: '2026-01-01T00:00:00Z' },
  );
  assert.deepStrictEqual(plan.issues, []);
  assert.ok(plan.payload);
  assert.deepStrictEqual(plan.payload, {
    customer_id,
    type: 'PREPAID',
    priority: 100,
    product_id: sample.original.product.id,
    access_schedule: {
      credit_type_id: USD,
      schedule_items: [{ amount: 25000, starting_at: '2026-07-01T00:00:00Z', ending_before: '2027-01-01T00:00:00Z' }],
    },
    invoice_schedule: { schedule_items: [{ timestamp: '2026-07-01T00:00:00Z', amount: 25000 }] },
    invoice_contract_id: '3b4c5d6e-7f80-4192-a3b4-c5d6e7f80912',
    name: 'Q3 top-up',
  });
  const { requests, fetch } = recorder({ data: { id: 'e0e0e0e0-0000-4000-8000-000000000001' } });
  const client = new Metronome({ bearerToken: 'x', fetch, maxRetries: 0 });
  const response = await client.v1.customers.commits.create(plan.payload);
  assert.equal(response.data.id, 'e0e0e0e0-0000-4000-8000-000000000001');
  assert.equal(requests.length, 1);
  assert.equal(requests[0]?.method, 'POST');
  assert.equal(requests[0]?.url.pathname, '/v1/contracts/customerCommits/create');
  assert.deepStrictEqual(JSON.parse(requests[0]?.body ?? 'null'), plan.payload);
});

test('commits.updateEndDate sends the planEndDate payload to POST /v1/contracts/customerCommits/updateEndDate unchanged', async () => {
  const plan = planEndDate(sample.original, { customer_id, access_ending_before: '2026-07-01T00:00:00Z' }, sample.context);
  assert.deepStrictEqual(plan.issues, []);
  assert.ok(plan.payload);
  assert.deepStrictEqual(plan.payload, { customer_id, commit_id: sample.original.id, access_ending_before: '2026-07-01T00:00:00Z' });
  const { requests, fetch } = recorder({ data: { id: sample.original.id } });
  const client = new Metronome({ bearerToken: 'x', fetch, maxRetries: 0 });
  await client.v1.customers.commits.updateEndDate(plan.payload);
  assert.equal(requests.length, 1);
  assert.equal(requests[0]?.method, 'POST');
  assert.equal(requests[0]?.url.pathname, '/v1/contracts/customerCommits/updateEndDate');
  assert.deepStrictEqual(JSON.parse(requests[0]?.body ?? 'null'), plan.payload);
});
