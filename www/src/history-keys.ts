import type { EditTab } from './panels/edit';

// Ctrl+Z undoes a commit edit, Ctrl+Shift+Z and Ctrl+Y redo one (Cmd on a Mac), while the Edit
// tab shows. A text field that is not one of the commit's fields (the customer id, a context
// field) keeps the browser's own undo of what was typed in it.

const TEXT_FIELD = [
  'textarea',
  'input:not([type])',
  ...['text', 'search', 'url', 'tel', 'email', 'password', 'number'].map((t) => `input[type="${t}"]`),
].join(', ');

function typesText(el: HTMLElement): boolean {
  return el.matches(TEXT_FIELD) || el.isContentEditable;
}

/** The keydown listener; `shownEdit` is the Edit tab when it is the one showing, else null. */
export function historyKeys(shownEdit: () => EditTab | null): (e: KeyboardEvent) => void {
  return (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const edit = shownEdit();
    if (!edit) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('dialog')) return;
    if (target instanceof HTMLElement && typesText(target) && !edit.isCommitField(target)) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      edit.undo();
    } else if ((k === 'z' && e.shiftKey) || k === 'y') {
      e.preventDefault();
      edit.redo();
    }
  };
}

/**
 * A beforeinput listener for the page. Chromium keeps one text-undo list for the whole page: in a
 * field with nothing of its own left to undo, the browser's undo would reach back into the field
 * typed in before, a commit field among them, and change the commit behind the history's back.
 * The browser's text undo and redo change only the field that has the focus.
 */
export function keepTextUndoInFocusedField(e: InputEvent): void {
  if ((e.inputType === 'historyUndo' || e.inputType === 'historyRedo') && e.target !== document.activeElement) e.preventDefault();
}
