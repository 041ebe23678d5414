// Everyday use of the package, compiled under the lib settings a plain browser app and a plain Node
// project have (tsconfig.browser-app.json, tsconfig.node-app.json), with skipLibCheck off.
import init, { CommitEditor, initSync, planEdit, version, type Commit, type CommitDraft, type EditContext, type Issue } from 'commit-editor';

await init();

/** Code shared by a browser build and Node: both entries take these (Node ignores the module). */
export async function initWith(module: ArrayBuffer): Promise<void> {
  await init({ module_or_path: module });
  initSync({ module });
}

export function errorsOf(original: Commit, draft: CommitDraft, context: EditContext): Issue[] {
  return planEdit(original, draft, context).issues.filter((issue) => issue.severity === 'error');
}

export function rename(original: Commit, context: EditContext, name: string) {
  const editor = new CommitEditor(original, context);
  try {
    return editor.set('/name', name).payload;
  } finally {
    editor.free();
  }
}

export const packageVersion: string = version();
