import { CommitEditor } from 'commit-editor';
import type { CommitJson, EditContext, InvoiceStatus, SessionPlan } from './types';
import { cloneJson } from './samples';
import { tidy } from './shape';

// The page's single source of truth for the Edit tab. Every edit goes through the module's
// CommitEditor session: the page never diffs or validates commits itself.

export type Origin = 'load' | 'set' | 'add' | 'remove' | 'undo' | 'redo' | 'replace' | 'context';

export interface SessionEvent {
  origin: Origin;
  /** true when the draft's shape may have changed (rows added/removed, undo, replace): re-render forms */
  structural: boolean;
  plan: SessionPlan;
}

type Listener = (ev: SessionEvent) => void;

export class EditSession {
  /** The commit as the page reads it (see tidy); `raw` is the commit as given to the module. */
  readonly original: CommitJson;
  readonly raw: CommitJson;
  context: EditContext;
  plan: SessionPlan;
  private editor: CommitEditor;
  private draftCache: CommitJson | null = null;
  private listeners: Listener[] = [];

  private constructor(original: CommitJson, context: EditContext, editor: CommitEditor) {
    this.raw = original;
    this.original = tidy(original);
    this.context = context;
    this.editor = editor;
    this.plan = editor.plan() as unknown as SessionPlan;
  }

  /** Throws the module's CommitEditorError when the commit is unusable. */
  static open(original: CommitJson, context: EditContext): EditSession {
    const editor = new CommitEditor(original as never, context as never);
    return new EditSession(cloneJson(original), cloneJson(context), editor);
  }

  on(fn: Listener): void {
    this.listeners.push(fn);
  }

  private emit(origin: Origin, plan: unknown): SessionPlan {
    this.plan = plan as SessionPlan;
    const structural = origin !== 'set';
    this.draftCache = null;
    const ev: SessionEvent = { origin, structural, plan: this.plan };
    for (const l of this.listeners) l(ev);
    return this.plan;
  }

  get canUndo(): boolean {
    return this.editor.canUndo;
  }
  get canRedo(): boolean {
    return this.editor.canRedo;
  }

  set(path: string, value: unknown): SessionPlan {
    return this.emit('set', this.editor.set(path, value));
  }
  addItem(schedule: 'access' | 'invoice', item: Record<string, unknown>): SessionPlan {
    return this.emit('add', this.editor.addItem(schedule, item));
  }
  removeItem(path: string): SessionPlan {
    return this.emit('remove', this.editor.removeItem(path));
  }
  replaceDraft(draft: CommitJson): SessionPlan {
    return this.emit('replace', this.editor.replaceDraft(draft as never));
  }
  undo(): SessionPlan | null {
    if (!this.editor.canUndo) return null;
    return this.emit('undo', this.editor.undo());
  }
  redo(): SessionPlan | null {
    if (!this.editor.canRedo) return null;
    return this.emit('redo', this.editor.redo());
  }

  /** The current draft (a copy held by the page; fetched from the module after each change). */
  draft(): CommitJson {
    if (!this.draftCache) this.draftCache = tidy(this.editor.draft() as unknown as CommitJson);
    return this.draftCache;
  }

  /** The draft as a form shows it: a complete, commit-shaped draft (the session starts from the original). */
  view(): CommitJson {
    return this.draft();
  }

  /** The full commit after the edit (O(size): call once per frame at most). */
  preview(): CommitJson {
    return this.editor.preview() as unknown as CommitJson;
  }

  /** Plans against another context (customer, invoice statuses); the draft and undo history stay. */
  setContext(context: EditContext): void {
    this.context = cloneJson(context);
    this.draftCache = null;
    this.emit('context', this.editor.setContext(context as never));
  }

  setInvoiceStatus(invoiceId: string, status: InvoiceStatus | ''): void {
    const statuses = { ...(this.context.invoice_statuses ?? {}) };
    if (status) statuses[invoiceId] = status;
    else delete statuses[invoiceId];
    this.setContext({ ...this.context, invoice_statuses: statuses });
  }

  dispose(): void {
    this.listeners = [];
    this.editor.free();
  }
}
