// Run time, compiled by tsconfig.nodenext.json into dist/: a planned payload sent through the real
// @metronome/sdk client, with a fetch that records the request instead of sending it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Metronome from '@metronome/sdk';
import { CommitEditor, planEdit, version, type CommitDraft, type EditCommitPayload } from 'commit-editor';
import { loadSample, recorder } from './sdk-recorder.js';

const sample = loadSample();

function sessionPayload(): EditCommitPayload {
  const editor = new CommitEditor(sample.original, sample.context);
  try {
    let payload: EditCommitPayload | null = null;
    for (const edit of sample.edits) {
      const plan =
        edit.op === 'set' ? editor.set(edit.path, edit.value)
        : edit.op === 'add' ? editor.addItem(edit.schedule, edit.item)
        : editor.removeItem(edit.path);
      payload = plan.payload;
    }
    assert.ok(payload, 'the session planned no payload');
    return payload;
  } finally {
    editor.free();
  }
}

test('the package loads in a compiled TypeScript (nodenext) project', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test('editCommit sends the planned payload to POST /v2/contracts/commits/edit unchanged', async () => {
  const payload = sessionPayload();
  assert.deepStrictEqual(payload, sample.expected_payload);

  const { requests, fetch } = recorder({ data: { id: sample.original.id } });
  const client = new Metronome({ bearerToken: 'x', fetch, maxRetries: 0 });
  const response = await client.v2.contracts.editCommit(payload);

  assert.deepStrictEqual(response, { data: { id: sample.original.id } });
  assert.equal(requests.length, 1);
  const [sent] = requests;
  assert.ok(sent);
  assert.equal(sent.method, 'POST');
  assert.equal(sent.url.pathname, '/v2/contracts/commits/edit');
  assert.equal(sent.url.search, '');
  assert.match(sent.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(sent.headers.get('authorization'), 'Bearer x');
  const body: unknown = JSON.parse(sent.body);
  assert.deepStrictEqual(body, payload);
  // null (clear) must survive as null, not be dropped as absent
  assert.ok(body !== null && typeof body === 'object' && 'priority' in body && body.priority === null);
});

test('planEdit with a draft built by hand sends the same body', async () => {
  const draft: CommitDraft = structuredClone(sample.original);
  draft.name = 'Annual commit (renegotiated)';
  const plan = planEdit(sample.original, draft, sample.context);
  assert.ok(plan.payload);
  const { requests, fetch } = recorder({ data: { id: sample.original.id } });
  const client = new Metronome({ bearerToken: 'x', fetch, maxRetries: 0 });
  await client.v2.contracts.editCommit(plan.payload);
  assert.deepStrictEqual(JSON.parse(requests[0]?.body ?? 'null'), {
    customer_id: sample.context.customer_id,
    commit_id: sample.original.id,
    name: 'Annual commit (renegotiated)',
  });
});
