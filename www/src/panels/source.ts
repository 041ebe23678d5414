import { clear, h } from '../dom';
import type { CommitJson } from '../types';
import { parsePasted, tooBig, MAX_PASTE_BYTES } from '../paste';
import { formatAmount, formatBytes, formatDate, shortId } from '../format';
import { totals } from './preview';
import { tidy } from '../shape';

// The "Open a commit" dialog: paste JSON (or open a file), and pick one commit from a list.

/** Opens a commit: `null` when it is open, else why not (the module refused it, or the user
 *  chose to keep the commit being edited). */
export type OpenCommit = (commit: CommitJson) => null | { refused: string } | { kept: string };

export function pasteDialog(openCommit: OpenCommit): { el: HTMLDialogElement; open(): void } {
  const ta = h('textarea', {
    id: 'paste-text',
    rows: 12,
    class: 'mono',
    spellcheck: 'false',
    placeholder: '{ "data": [ { "id": "…", "type": "PREPAID", "access_schedule": { … } } ] }',
    'aria-describedby': 'paste-hint paste-message',
  });
  const file = h('input', { type: 'file', id: 'paste-file', accept: 'application/json,.json', class: 'visually-hidden' });
  const fileBtn = h('label', { for: 'paste-file', class: 'btn btn-quiet' }, 'Open a .json file…');
  const message = h('p', { id: 'paste-message', class: 'paste-message', role: 'alert' });
  const pickList = h('ul', { class: 'pick-list' });
  const pickTitle = h('h3', { class: 'sub-title', id: 'pick-title' });
  const picker = h('div', { class: 'picker', hidden: true }, pickTitle, pickList);
  const openBtn = h('button', { type: 'button', class: 'btn btn-primary' }, 'Open');
  const cancelBtn = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Cancel');

  const el = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'paste-title' },
    h(
      'div',
      { class: 'dialog-body' },
      h('h2', { id: 'paste-title', class: 'dialog-title' }, 'Open a commit'),
      h(
        'p',
        { id: 'paste-hint', class: 'hint' },
        `Paste one commit, or a whole list-commits response to pick from. Ask for include_ledgers=true so locked segments can be found. Up to ${formatBytes(MAX_PASTE_BYTES)}.`,
      ),
      h('label', { for: 'paste-text', class: 'field-label' }, 'Commit JSON'),
      ta,
      h('div', { class: 'paste-tools' }, fileBtn, file),
      message,
      picker,
    ),
    h('div', { class: 'dialog-foot' }, cancelBtn, openBtn),
  ) as HTMLDialogElement;

  function say(text: string): void {
    message.textContent = text;
    message.hidden = text === '';
  }

  function reset(): void {
    ta.value = '';
    say('');
    picker.hidden = true;
    clear(pickList);
  }

  function tryOpen(commit: CommitJson): void {
    const not = openCommit(commit);
    if (not) {
      say('refused' in not ? `The module could not open this commit: ${not.refused}` : not.kept);
      return;
    }
    el.close();
    reset();
  }

  function showList(commits: CommitJson[], nextPage: string | null): void {
    clear(pickList);
    pickTitle.textContent = `Pick a commit (${commits.length}${nextPage ? ', more pages exist' : ''})`;
    commits.forEach((c, i) => {
      const t = totals(tidy(c));
      const items = tidy(c).access_schedule?.schedule_items ?? [];
      const first = items[0]?.starting_at;
      const last = items[items.length - 1]?.ending_before;
      const btn = h(
        'button',
        { type: 'button', class: 'pick', 'data-commit-id': typeof c.id === 'string' ? c.id : '' },
        h('span', { class: 'pick-name' }, typeof c.name === 'string' && c.name ? c.name : `Unnamed commit ${i + 1}`),
        h('span', { class: 'pick-meta' }, h('span', { class: `badge badge-type` }, String(c.type ?? '?')), h('span', { class: 'mono' }, shortId(c.id)), ` · ${items.length} segment${items.length === 1 ? '' : 's'} · ${formatAmount(t.access, c.access_schedule?.credit_type)}`, first ? ` · ${formatDate(first)} – ${formatDate(last)}` : ''),
      );
      btn.addEventListener('click', () => tryOpen(c));
      pickList.append(h('li', {}, btn));
    });
    picker.hidden = false;
    pickList.querySelector<HTMLElement>('button')?.focus();
  }

  function submit(): void {
    const res = parsePasted(ta.value);
    if (res.kind === 'error') {
      say(res.message);
      picker.hidden = true;
      return;
    }
    say('');
    if (res.kind === 'commit') tryOpen(res.commit);
    else if (res.commits.length === 1) tryOpen(res.commits[0]);
    else showList(res.commits, res.nextPage);
  }

  // Refuse an oversized paste before the browser puts megabytes into the textarea.
  ta.addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    const big = tooBig(text);
    if (big) {
      e.preventDefault();
      say(`Paste refused. ${big}`);
    } else {
      say('');
    }
  });
  ta.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files?.[0];
    if (f) {
      e.preventDefault();
      void readFile(f);
    }
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void readFile(f);
    file.value = '';
  });
  async function readFile(f: File): Promise<void> {
    if (f.size > MAX_PASTE_BYTES) {
      say(`File refused: ${f.name} is ${formatBytes(f.size)}; the editor takes at most ${formatBytes(MAX_PASTE_BYTES)}.`);
      return;
    }
    ta.value = await f.text();
    submit();
  }
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  });
  openBtn.addEventListener('click', submit);
  cancelBtn.addEventListener('click', () => el.close());
  message.hidden = true;

  return {
    el,
    open() {
      reset();
      el.showModal();
      ta.focus();
    },
  };
}

