import type { CommitJson } from './types';
import { formatBytes } from './format';

// Reading what a user pastes: a single commit, a list-commits response {"data": [...]}, or a bare
// array of commits. Anything over 4 MB is refused before it is parsed.

export const MAX_PASTE_BYTES = 4 * 1024 * 1024;

export type Parsed =
  | { kind: 'commit'; commit: CommitJson }
  | { kind: 'list'; commits: CommitJson[]; nextPage: string | null }
  | { kind: 'error'; message: string };

/** UTF-8 size without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function tooBig(text: string): string | null {
  // Cheap check first: every UTF-16 unit is at least one byte.
  if (text.length <= MAX_PASTE_BYTES / 3) return null;
  const bytes = text.length > MAX_PASTE_BYTES ? text.length : utf8Length(text);
  if (bytes <= MAX_PASTE_BYTES) return null;
  return `That is ${formatBytes(bytes)}; the editor takes at most ${formatBytes(MAX_PASTE_BYTES)}. Paste a single commit, or ask list-commits for fewer (limit) without ledgers.`;
}

function looksLikeCommit(v: unknown): v is CommitJson {
  return !!v && typeof v === 'object' && !Array.isArray(v) && ('access_schedule' in v || 'type' in v || 'product' in v);
}

export function parsePasted(text: string): Parsed {
  const big = tooBig(text);
  if (big) return { kind: 'error', message: big };
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'error', message: 'Paste a commit as JSON first.' };
  let v: unknown;
  try {
    v = JSON.parse(trimmed);
  } catch (e) {
    return { kind: 'error', message: `That is not valid JSON: ${(e as Error).message}` };
  }
  if (Array.isArray(v)) {
    const commits = v.filter(looksLikeCommit);
    if (!commits.length) return { kind: 'error', message: 'The array holds no commits.' };
    return { kind: 'list', commits, nextPage: null };
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.data)) {
      const commits = o.data.filter(looksLikeCommit);
      if (!commits.length) return { kind: 'error', message: 'The response’s "data" holds no commits.' };
      return { kind: 'list', commits, nextPage: typeof o.next_page === 'string' ? o.next_page : null };
    }
    if (o.data && typeof o.data === 'object' && looksLikeCommit(o.data)) return { kind: 'commit', commit: o.data as CommitJson };
    if (looksLikeCommit(o)) return { kind: 'commit', commit: o };
  }
  return { kind: 'error', message: 'Expected a commit object, or a list-commits response like {"data": [ … ]}.' };
}
