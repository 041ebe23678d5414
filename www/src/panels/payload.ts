import { h, icon, nextId } from '../dom';
import { copyText, formatPayload, type CopyFormat, type Endpoint, API_BASE } from '../clipboard';

// The request body, and buttons to copy it as JSON, as curl, and as an @metronome/sdk call.

export interface PayloadHandle {
  el: HTMLElement;
  update(payload: unknown | null, emptyText: string): void;
}

export function payloadPanel(title: string, endpoint: Endpoint): PayloadHandle {
  const hid = nextId('payload');
  const code = h('code');
  const pre = h('pre', { class: 'payload', tabindex: '0', 'aria-label': `${title} body` }, code);
  const empty = h('p', { class: 'payload-empty' });
  const status = h('p', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  let current: unknown | null = null;
  let statusTimer = 0;

  const buttons: HTMLButtonElement[] = [];
  const mk = (fmt: CopyFormat, label: string, done: string) => {
    const b = h('button', { type: 'button', class: 'btn btn-secondary', 'data-copy': fmt }, icon('copy'), label);
    b.addEventListener('click', async () => {
      if (current === null) return;
      const text = formatPayload(fmt, endpoint, current);
      const ok = await copyText(text);
      // Keep what was produced, for people who want to select it by hand (and for tests).
      b.dataset.copied = text;
      status.textContent = ok ? done : 'Copy failed: the browser refused clipboard access.';
      window.clearTimeout(statusTimer);
      statusTimer = window.setTimeout(() => (status.textContent = ''), 4000);
    });
    buttons.push(b);
    return b;
  };

  const el = h(
    'section',
    { class: 'card payload-card', 'aria-labelledby': hid },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { class: 'card-title', id: hid }, title),
      h('span', { class: 'endpoint mono' }, h('span', { class: 'method' }, 'POST'), ` ${endpoint.path}`),
    ),
    empty,
    pre,
    h(
      'div',
      { class: 'btn-row' },
      mk('json', 'Copy JSON', 'Copied the JSON body.'),
      mk('curl', 'Copy as curl', `Copied a curl command for ${API_BASE}${endpoint.path}.`),
      mk('sdk', 'Copy as SDK call', 'Copied an @metronome/sdk call.'),
    ),
    status,
  );

  return {
    el,
    update(payload, emptyText) {
      current = payload ?? null;
      const has = current !== null;
      pre.hidden = !has;
      empty.hidden = has;
      empty.textContent = emptyText;
      code.textContent = has ? JSON.stringify(current, null, 2) : '';
      for (const b of buttons) b.disabled = !has;
    },
  };
}
