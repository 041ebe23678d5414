// Uses the public API as the README documents it; must compile under --strict.
import init, { planEdit, applyEdit, CommitEditor, version } from '../../../pkg/commit_editor.js';
import type { Commit, CommitDraft, EditContext, EditPlan, Issue, IssueCode, SessionPlan, EditCommitPayload } from '../../../pkg/commit_editor.js';

declare const original: Commit;
export async function demo(): Promise<string> {
  await init();
  const draft: CommitDraft = { ...original, name: 'Renamed', priority: ' 12.5 ' };
  const context: EditContext = { customer_id: '4c91c473-fc12-445a-9c38-40421d47023f', invoice_statuses: { x: 'FINALIZED' } };
  const plan: EditPlan = planEdit(original, draft, context);
  const codes: IssueCode[] = plan.issues.map((i: Issue) => i.code);
  const payload: EditCommitPayload | null = plan.payload;
  if (payload) applyEdit(original, payload);
  const editor = new CommitEditor(original, context);
  const step: SessionPlan = editor.set('/access_schedule/schedule_items/0/amount', '1500');
  editor.undo();
  const can: boolean = editor.canUndo && editor.canRedo;
  editor.free();
  return `${version()} ${codes.length} ${step.changes.length} ${can} ${plan.preview.id}`;
}
