// A fetch for @metronome/sdk that records each request instead of sending it, and answers 200 JSON.
import { readFileSync } from 'node:fs';
import type Metronome from '@metronome/sdk';
import type { EditCommitPayload, EditContext } from 'commit-editor';

export interface Recorded {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
}

export function recorder(answer: unknown) {
  const requests: Recorded[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({ url: new URL(request.url), method: request.method, headers: request.headers, body: await request.text() });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { requests, fetch };
}

export type Edit =
  | { op: 'set'; path: string; value: unknown }
  | { op: 'add'; schedule: 'access' | 'invoice'; item: Record<string, unknown> }
  | { op: 'remove'; path: string };

export interface Sample {
  original: Metronome.Commit;
  context: EditContext;
  edits: Edit[];
  expected_payload: EditCommitPayload;
}

/** tests/consumers/sample/edit.json, read relative to dist/ at run time. */
export function loadSample(): Sample {
  return JSON.parse(readFileSync(new URL('../../sample/edit.json', import.meta.url), 'utf8')) as Sample;
}
