// The wasm package as the benchmark uses it. Only these names are called:
//   planEdit(original, draft, context) -> { payload, issues, changes, preview }
//   new CommitEditor(original, context); editor.replaceDraft(draft); editor.set(path, value) -> { payload, ... };
//   editor.free(); version() (printed when present).
import type { Commit, CommitDraft, EditContext, Plan } from "./types";

export interface Session { set(path: string, value: unknown): Plan; replaceDraft(draft: CommitDraft): Plan; free?(): void }
export interface WasmApi {
  planEdit: (original: Commit, draft: CommitDraft, context: EditContext) => Plan;
  CommitEditor?: new (original: Commit, context: EditContext) => Session;
  version?: () => string;
}

/** Finds the API on an imported module (ESM named exports, or a CommonJS default). */
export function adaptWasm(mod: any): { api: WasmApi | null; notes: string[] } {
  const m = typeof mod?.planEdit === "function" ? mod : mod?.default;
  if (typeof m?.planEdit !== "function") return { api: null, notes: ["the package has no planEdit export: wasm contenders skipped"] };
  const notes: string[] = [];
  if (typeof m.CommitEditor !== "function") notes.push("the package has no CommitEditor export: the keystroke contender is skipped");
  const version = typeof m.version === "function" ? String(m.version()) : "unknown";
  notes.push(`commit-editor version ${version}`);
  // The package parses a plan's `changes` when first read; the baselines build theirs on every
  // call, so every timed call reads them too. `preview` is not read: the baselines compute none.
  const planEdit: WasmApi["planEdit"] = (original, draft, context) => {
    const plan = m.planEdit(original, draft, context);
    void plan.changes;
    return plan;
  };
  return { api: { planEdit, CommitEditor: m.CommitEditor, version: m.version } as WasmApi, notes };
}
