// POST /v2/contracts/commits/edit: our payload types against Metronome.V2.ContractEditCommitParams,
// and Metronome.Commit (what the SDK's list call returns) as the `original` of every edit API.
import type Metronome from '@metronome/sdk';
import {
  applyEdit,
  CommitEditor,
  planEdit,
  type Commit,
  type CommitDraft,
  type EditCommitPayload,
  type EditContext,
  type EditPlan,
  type SessionPlan,
} from 'commit-editor';
import type { Equal, Expect, ExtraKeys } from './fit-helpers.js';

type EditParams = Metronome.V2.ContractEditCommitParams;

// A non-null payload goes to the SDK without a cast.
export function fromPlan(plan: EditPlan): EditParams | null {
  return plan.payload;
}
export function fromSession(plan: SessionPlan): EditParams | null {
  return plan.payload;
}
export const viaName = (payload: EditCommitPayload): EditParams => payload;
export const viaNested = (payload: EditCommitPayload): EditParams['access_schedule'] => payload.access_schedule;

// No key the SDK does not know, at any depth. The one known extra: `exclude` on a specifier is
// behind Metronome's `ff:exclude-specifiers-ga` flag and `x-stainless-skip` in the spec, so the
// SDK leaves it out; we keep it when the commit has it.
export type EditExtras = Expect<Equal<ExtraKeys<EditCommitPayload, EditParams>, 'specifiers.exclude'>>;

// A Metronome.Commit is accepted as `original` everywhere, and its deep copy as a draft.
export function fromSdkCommit(commit: Metronome.Commit, context: EditContext): EditParams | null {
  const plan = planEdit(commit, structuredClone(commit), context);
  const preview: Commit = plan.preview;
  const editor = new CommitEditor(commit, context);
  try {
    editor.set('/name', 'renamed');
    const payload = editor.plan().payload;
    if (payload) applyEdit(commit, payload);
    return payload;
  } finally {
    editor.free();
    void preview;
  }
}

// Our own Commit (e.g. a preview) is a valid draft too.
export function fromPreview(original: Commit, context: EditContext): EditParams | null {
  const draft: CommitDraft = structuredClone(original);
  return planEdit(original, draft, context).payload;
}

// And the result of applyEdit is a Commit a page can keep editing.
export function roundTrip(original: Metronome.Commit, payload: EditCommitPayload, context: EditContext) {
  const next: Commit = applyEdit(original, payload);
  return planEdit(next, next, context);
}

// The preview is a Metronome.Commit too, so a page can put it where it keeps the SDK's commits.
export const previewAsSdkCommit = (plan: EditPlan): Metronome.Commit => plan.preview;
export const appliedAsSdkCommit = (original: Metronome.Commit, payload: EditCommitPayload): Metronome.Commit =>
  applyEdit(original, payload);
