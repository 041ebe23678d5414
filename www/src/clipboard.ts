// The three ways to take a request away: plain JSON, a curl command, an @metronome/sdk call.

export interface Endpoint {
  /** e.g. "/v2/contracts/commits/edit" */
  path: string;
  /** SDK method, e.g. "client.v2.contracts.editCommit"; null when the SDK has no binding */
  sdkMethod: string | null;
}

export const ENDPOINTS = {
  edit: { path: '/v2/contracts/commits/edit', sdkMethod: 'client.v2.contracts.editCommit' },
  create: { path: '/v1/contracts/customerCommits/create', sdkMethod: 'client.v1.customers.commits.create' },
  endDate: { path: '/v1/contracts/customerCommits/updateEndDate', sdkMethod: 'client.v1.customers.commits.updateEndDate' },
  // No official SDK binds disableTrueup: the generic request method does.
  disableTrueup: { path: '/v1/contracts/commits/disableTrueup', sdkMethod: null },
} satisfies Record<string, Endpoint>;

export const API_BASE = 'https://api.metronome.com';

export function asJson(payload: unknown): string {
  return JSON.stringify(payload, null, 2);
}

/** POSIX-shell single quoting: 'it'\''s'. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function asCurl(endpoint: Endpoint, payload: unknown): string {
  return [
    `curl -X POST ${API_BASE}${endpoint.path} \\`,
    `  -H "Authorization: Bearer $METRONOME_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(JSON.stringify(payload, null, 2))}`,
  ].join('\n');
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JS object literal in the style of the SDK's README: unquoted keys, single-quoted strings. */
export function jsLiteral(v: unknown, indent = 0): string {
  const pad = '  '.repeat(indent);
  const inner = '  '.repeat(indent + 1);
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + jsLiteral(x, indent + 1)).join(',\n')},\n${pad}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries
      .map(([k, x]) => `${inner}${IDENT.test(k) ? k : jsLiteral(k)}: ${jsLiteral(x, indent + 1)}`)
      .join(',\n')},\n${pad}}`;
  }
  return 'undefined';
}

export function asSdk(endpoint: Endpoint, payload: unknown): string {
  const head = [
    "import Metronome from '@metronome/sdk';",
    '',
    "const client = new Metronome({ bearerToken: process.env['METRONOME_TOKEN'] });",
    '',
  ];
  if (endpoint.sdkMethod) {
    return [...head, `const response = await ${endpoint.sdkMethod}(${jsLiteral(payload)});`].join('\n');
  }
  return [
    ...head,
    `// ${endpoint.path} has no typed method in @metronome/sdk; the client's generic request works.`,
    `const response = await client.post('${endpoint.path}', {`,
    `  body: ${jsLiteral(payload, 1)},`,
    '});',
  ].join('\n');
}

export type CopyFormat = 'json' | 'curl' | 'sdk';

export function formatPayload(fmt: CopyFormat, endpoint: Endpoint, payload: unknown): string {
  switch (fmt) {
    case 'json':
      return asJson(payload);
    case 'curl':
      return asCurl(endpoint, payload);
    case 'sdk':
      return asSdk(endpoint, payload);
  }
}

/** Write text to the clipboard; falls back to a hidden textarea and execCommand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.className = 'visually-hidden';
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}
