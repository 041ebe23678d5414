// A thrown CommitEditorError is typed: its code is a union generated from the Rust enum, so a
// switch over it is checked for exhaustiveness (a new code fails here until it is handled).
import { planEdit, type CommitEditorError, type ThrownCode } from 'commit-editor';

export function describe(code: ThrownCode): string {
  switch (code) {
    case 'not_an_object':
    case 'not_a_string':
    case 'too_deep':
    case 'too_large':
    case 'invalid_json':
    case 'unserializable':
      return 'the argument cannot be used';
    case 'invalid_payload':
    case 'invalid_original':
      return 'applyEdit refused it';
    case 'freed':
      return 'the editor was freed';
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

export function planOrExplain(original: unknown, draft: unknown): string {
  try {
    planEdit(original as never, draft as never, { customer_id: '4c91c473-fc12-445a-9c38-40421d47023f' });
    return 'planned';
  } catch (e) {
    if (e instanceof Error && e.name === 'CommitEditorError') {
      const err = e as CommitEditorError;
      return `${describe(err.code)} (${err.argument} at "${err.path}")`;
    }
    throw e;
  }
}
