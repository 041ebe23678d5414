import { h, nextId } from '../dom';

// Form building blocks. Every control carries the JSON Pointer it edits in data-path and names its
// issue slot in data-issue-slot, which is how issues find their field.

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function wirePath(control: HTMLElement, path: string, slotId: string, describedBy: string[] = []): void {
  control.dataset.path = path;
  control.dataset.issueSlot = slotId;
  control.setAttribute('aria-describedby', [...describedBy, slotId].join(' '));
}

/**
 * The fields of a group (a table row, a specifier, a rule helper) also name an element that
 * describes the whole group, such as the group's message slot: an issue about the whole group (its
 * path is the group's) is then read out when any of its fields takes the focus, after the field's
 * own. Called once per element, in the order they are to be read.
 */
export function describeFieldsBy(group: HTMLElement, describerId: string): void {
  for (const control of group.querySelectorAll<HTMLElement>('input, select, textarea')) {
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    control.setAttribute('aria-describedby', [...ids, describerId].join(' '));
  }
}

export interface FieldOpts {
  label: string;
  path: string;
  control: Control;
  hint?: string | Node;
  class?: string;
  /** text shown after the label, e.g. "(UTC)" */
  labelNote?: string;
}

export function field(opts: FieldOpts): HTMLElement {
  const id = opts.control.id || nextId('f');
  opts.control.id = id;
  const slotId = `${id}-issues`;
  const hintId = opts.hint ? `${id}-hint` : null;
  wirePath(opts.control, opts.path, slotId, hintId ? [hintId] : []);
  return h(
    'div',
    { class: `field ${opts.class ?? ''}` },
    h('label', { for: id }, opts.label, opts.labelNote ? h('span', { class: 'label-note' }, ` ${opts.labelNote}`) : null),
    opts.control,
    opts.hint ? h('p', { class: 'hint', id: hintId! }, opts.hint) : null,
    h('div', { class: 'issue-slot', id: slotId }),
  );
}

export function textInput(attrs: { value?: string; mono?: boolean; inputmode?: string; placeholder?: string; label?: string; spellcheck?: boolean } = {}): HTMLInputElement {
  return h('input', {
    type: 'text',
    class: attrs.mono ? 'mono' : null,
    value: attrs.value ?? '',
    inputmode: attrs.inputmode ?? null,
    placeholder: attrs.placeholder ?? null,
    'aria-label': attrs.label ?? null,
    spellcheck: attrs.spellcheck === false ? 'false' : null,
    autocomplete: 'off',
  });
}

export function dateInput(value: string, label?: string): HTMLInputElement {
  return h('input', { type: 'datetime-local', value, 'aria-label': label ?? null, class: 'date' });
}

export function select(options: [string, string][], value: string, label?: string): HTMLSelectElement {
  const el = h('select', { 'aria-label': label ?? null });
  for (const [v, text] of options) el.append(h('option', { value: v }, text));
  el.value = value;
  return el;
}

/**
 * The heading a tab panel starts with: the page's one visible h1 (only one panel shows at a time),
 * over the panel's cards, whose titles are h2.
 */
export function panelHead(title: string): HTMLElement {
  return h('div', { class: 'commit-head' }, h('h1', { class: 'panel-title' }, title));
}

export function card(title: string, ...children: (Node | null)[]): HTMLElement {
  const hid = nextId('card');
  return h('section', { class: 'card', 'aria-labelledby': hid }, h('h2', { class: 'card-title', id: hid }, title), ...children);
}

/** Split "a, b\nc" into ["a","b","c"]. */
export function splitList(v: string): string[] {
  return v
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "k=v" lines to an object; lines without "=" are kept as keys with "" so the module can judge them. */
export function parsePairs(v: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of v.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const i = t.indexOf('=');
    if (i < 0) out[t] = '';
    else out[t.slice(0, i).trim()] = t.slice(i + 1).trim();
  }
  return out;
}

export function formatPairs(o: Record<string, string> | undefined | null): string {
  if (!o) return '';
  return Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

/** Set a control's value without disturbing the caret when it already shows that value. */
export function syncValue(control: Control, value: string): void {
  if (control.value !== value) control.value = value;
}
