// Deliberately wrong: a payload without commit_id, and an issue severity that does not exist.
import type { EditCommitPayload, Issue } from '../../../pkg/commit_editor.js';

export const payload: EditCommitPayload = { customer_id: 'x', name: 'y' };
export const issue: Issue = { severity: 'fatal', code: 'required', path: '', message: '' };
