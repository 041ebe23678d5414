// Tiny DOM helpers. User data only ever goes through textContent or attribute values: nothing in
// this app parses a string as HTML.

type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | EventListener;
export type Attrs = Record<string, AttrValue>;

function applyAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'class') {
      el.setAttribute('class', String(value));
    } else if (key === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
      el.value = String(value);
    } else if (key === 'checked' && el instanceof HTMLInputElement) {
      el.checked = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

let uid = 0;
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Small inline icons (static markup built with createElementNS). */
export function icon(name: 'lock' | 'trash' | 'plus' | 'undo' | 'redo' | 'copy' | 'alert' | 'warn' | 'check' | 'paste' | 'reset'): SVGSVGElement {
  const svg = s('svg', { class: `icon icon-${name}`, viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' });
  const p = (d: string) => s('path', { d });
  switch (name) {
    case 'lock':
      svg.append(s('rect', { x: 3, y: 7, width: 10, height: 7, rx: 1.5 }), p('M5.5 7V5a2.5 2.5 0 0 1 5 0v2'));
      break;
    case 'trash':
      svg.append(p('M3 4.5h10'), p('M6.5 4.5V3h3v1.5'), p('M4.5 4.5l.6 8.5h5.8l.6-8.5'));
      break;
    case 'plus':
      svg.append(p('M8 3v10M3 8h10'));
      break;
    case 'undo':
      svg.append(p('M5.5 4L2.5 7l3 3'), p('M3 7h6.5a3.5 3.5 0 0 1 0 7H7'));
      break;
    case 'redo':
      svg.append(p('M10.5 4l3 3-3 3'), p('M13 7H6.5a3.5 3.5 0 0 0 0 7H9'));
      break;
    case 'copy':
      svg.append(s('rect', { x: 5.5, y: 5.5, width: 8, height: 8, rx: 1.5 }), p('M10.5 3.5v-1h-8v8h1'));
      break;
    case 'alert':
      svg.append(s('circle', { cx: 8, cy: 8, r: 6 }), p('M8 4.8v3.7'), p('M8 10.8v.4'));
      break;
    case 'warn':
      svg.append(p('M8 2.5l6 11H2z'), p('M8 6.5v3'), p('M8 11.5v.3'));
      break;
    case 'check':
      svg.append(p('M3 8.5l3 3 7-7'));
      break;
    case 'paste':
      svg.append(s('rect', { x: 3, y: 3, width: 10, height: 11, rx: 1.5 }), p('M6 3V2h4v1'), p('M5.5 7h5M5.5 9.5h5M5.5 12h3'));
      break;
    case 'reset':
      svg.append(p('M3 8a5 5 0 1 0 1.5-3.5'), p('M3 2.5V5h2.5'));
      break;
  }
  return svg;
}
