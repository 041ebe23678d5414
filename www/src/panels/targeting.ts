import { clear, h, icon, nextId } from '../dom';
import type { EditSession } from '../session';
import type { CommitJson, Specifier } from '../types';
import { cloneJson } from '../samples';
import { card, describeFieldsBy, field, formatPairs, parsePairs, splitList, syncValue, textInput } from './form';
import type { Panel } from './details';

// Which usage can draw the commit down: every product, a list of product ids and tags, or a list
// of specifiers. The API forbids mixing specifiers with ids/tags, so the modes are exclusive here.

type Mode = 'all' | 'products' | 'specifiers';

function modeOf(d: CommitJson): Mode {
  if (Array.isArray(d.specifiers) && d.specifiers.length > 0) return 'specifiers';
  if ((d.applicable_product_ids?.length ?? 0) > 0 || (d.applicable_product_tags?.length ?? 0) > 0) return 'products';
  return 'all';
}

function cleanSpecifier(s: Specifier): Specifier {
  const out: Specifier = {};
  if (s.product_id) out.product_id = s.product_id;
  if (s.product_tags && s.product_tags.length) out.product_tags = s.product_tags;
  if (s.pricing_group_values && Object.keys(s.pricing_group_values).length) out.pricing_group_values = s.pricing_group_values;
  if (s.presentation_group_values && Object.keys(s.presentation_group_values).length) out.presentation_group_values = s.presentation_group_values;
  return out;
}

export function targetingPanel(session: EditSession): Panel {
  let mode: Mode = 'all';
  /** set by switchMode so the chosen mode survives a draft that has nothing in it yet */
  let pendingMode: Mode | null = null;
  let specs: Specifier[] = [];
  const group = nextId('mode');

  const radios = (['all', 'products', 'specifiers'] as Mode[]).map((m) => {
    const id = nextId('mode');
    const input = h('input', { type: 'radio', name: group, id, value: m });
    input.addEventListener('change', () => input.checked && switchMode(m));
    const text = { all: 'All products', products: 'Product IDs and tags', specifiers: 'Specifiers' }[m];
    return { m, input, label: h('label', { for: id, class: 'seg-option' }, input, h('span', {}, text)) };
  });
  const modeGroup = h('fieldset', { class: 'segmented' }, h('legend', { class: 'visually-hidden' }, 'Applies to'), ...radios.map((r) => r.label));

  const ids = h('textarea', { rows: 3, class: 'mono', spellcheck: 'false', placeholder: 'One product ID per line' });
  const tags = textInput({ placeholder: 'e.g. compute, storage' });
  ids.addEventListener('input', () => {
    const list = splitList(ids.value);
    session.set('/applicable_product_ids', list.length ? list : null);
  });
  tags.addEventListener('input', () => {
    const list = splitList(tags.value);
    session.set('/applicable_product_tags', list.length ? list : null);
  });
  const productsBox = h(
    'div',
    { class: 'grid-2' },
    field({ label: 'Applicable product IDs', path: '/applicable_product_ids', control: ids, hint: 'Usage of any listed product can draw down the commit.' }),
    field({ label: 'Applicable product tags', path: '/applicable_product_tags', control: tags, hint: 'Comma separated. Products with any of these tags.' }),
  );

  const specList = h('ol', { class: 'spec-list' });
  const addSpec = h('button', { type: 'button', class: 'btn btn-quiet' }, icon('plus'), 'Add specifier');
  addSpec.addEventListener('click', () => {
    specs = [...specs, {}];
    // The list first, then the plan: its issues are placed in the rows they name.
    renderSpecs();
    pushSpecs();
    specList.querySelector<HTMLElement>('li:last-child input')?.focus();
  });
  const specBox = h(
    'div',
    { class: 'spec-box', 'data-path': '/specifiers', 'data-issue-slot': 'specifiers-issues', tabindex: '-1' },
    h('p', { class: 'hint' }, 'Usage matching any one specifier can draw down the commit; the keys inside a specifier must all match.'),
    specList,
    h('div', { class: 'issue-slot', id: 'specifiers-issues' }),
    addSpec,
  );

  const allBox = h('p', { class: 'hint all-note' }, 'No targeting: usage of every product can draw down this commit.');

  function pushSpecs(): void {
    session.set('/specifiers', specs.length ? specs.map(cleanSpecifier) : null);
  }

  function renderSpecs(): void {
    clear(specList);
    specs.forEach((sp, i) => {
      const base = `/specifiers/${i}`;
      const pid = textInput({ mono: true, spellcheck: false, value: sp.product_id ?? '', placeholder: 'Product ID (optional)' });
      const ptags = textInput({ value: (sp.product_tags ?? []).join(', '), placeholder: 'Tags, all must match' });
      const pricing = h('textarea', { rows: 2, class: 'mono', spellcheck: 'false', placeholder: 'region=us-east-1' });
      pricing.value = formatPairs(sp.pricing_group_values);
      const presentation = h('textarea', { rows: 2, class: 'mono', spellcheck: 'false', placeholder: 'team=ml' });
      presentation.value = formatPairs(sp.presentation_group_values);
      const update = () => {
        specs[i] = {
          product_id: pid.value.trim() || undefined,
          product_tags: splitList(ptags.value),
          pricing_group_values: parsePairs(pricing.value),
          presentation_group_values: parsePairs(presentation.value),
        };
        pushSpecs();
      };
      for (const c of [pid, ptags, pricing, presentation]) c.addEventListener('input', update);
      const remove = h('button', { type: 'button', class: 'btn btn-icon', 'aria-label': `Remove specifier ${i + 1}` }, icon('trash'));
      remove.addEventListener('click', () => {
        specs = specs.filter((_, j) => j !== i);
        renderSpecs();
        pushSpecs();
        // The specifier now in its place (or the one before it, when it was the last) takes the focus.
        const buttons = specList.querySelectorAll<HTMLElement>('li .spec-head button');
        (buttons[Math.min(i, buttons.length - 1)] ?? addSpec).focus();
      });
      const slot = `spec-${i}-issues`;
      const item = h(
        'li',
        { class: 'spec', 'data-path': base, 'data-issue-slot': slot, tabindex: '-1' },
        h('div', { class: 'spec-head' }, h('span', { class: 'spec-title' }, `Specifier ${i + 1}`), remove),
        h(
          'div',
          { class: 'grid-2' },
          field({ label: 'Product ID', path: `${base}/product_id`, control: pid }),
          field({ label: 'Product tags', path: `${base}/product_tags`, control: ptags }),
          field({ label: 'Pricing group values', path: `${base}/pricing_group_values`, control: pricing, hint: 'key=value, one per line' }),
          field({ label: 'Presentation group values', path: `${base}/presentation_group_values`, control: presentation, hint: 'key=value, one per line' }),
        ),
        h('div', { class: 'issue-slot', id: slot }),
      );
      // An issue about the whole specifier (specifier_empty) is read out from each of its fields.
      describeFieldsBy(item, slot);
      specList.append(item);
    });
  }

  /** One undoable step: rewrite the targeting fields together through replaceDraft. */
  function switchMode(next: Mode): void {
    if (next === mode) return;
    const d = cloneJson(session.view());
    const ids0 = d.applicable_product_ids ?? [];
    const tags0 = d.applicable_product_tags ?? [];
    const specs0 = d.specifiers ?? [];
    if (next === 'specifiers') {
      // Keep the meaning: each id and each tag becomes its own specifier (specifiers are ORed).
      const converted: Specifier[] = [...ids0.map((id) => ({ product_id: id })), ...tags0.map((t) => ({ product_tags: [t] }))];
      d.specifiers = converted.length ? converted : null;
      d.applicable_product_ids = null;
      d.applicable_product_tags = null;
    } else if (next === 'products') {
      d.applicable_product_ids = specs0.filter((s) => s.product_id && !s.product_tags?.length).map((s) => s.product_id!);
      d.applicable_product_tags = specs0.filter((s) => !s.product_id && s.product_tags?.length === 1).map((s) => s.product_tags![0]);
      if (!d.applicable_product_ids.length) d.applicable_product_ids = null;
      if (!d.applicable_product_tags.length) d.applicable_product_tags = null;
      d.specifiers = null;
    } else {
      d.applicable_product_ids = null;
      d.applicable_product_tags = null;
      d.specifiers = null;
    }
    mode = next;
    pendingMode = next;
    session.replaceDraft(d);
  }

  function show(): void {
    for (const r of radios) r.input.checked = r.m === mode;
    productsBox.hidden = mode !== 'products';
    specBox.hidden = mode !== 'specifiers';
    allBox.hidden = mode !== 'all';
  }

  const el = card(
    'Targeting',
    h('div', { class: 'field', 'data-path': '/applicable_contract_ids', 'data-issue-slot': 'targeting-issues' }, modeGroup),
    h('div', { class: 'issue-slot', id: 'targeting-issues' }),
    allBox,
    productsBox,
    specBox,
  );

  return {
    el,
    sync(draft) {
      mode = pendingMode ?? modeOf(draft);
      pendingMode = null;
      syncValue(ids, (draft.applicable_product_ids ?? []).join('\n'));
      syncValue(tags, (draft.applicable_product_tags ?? []).join(', '));
      const nextSpecs = cloneJson(draft.specifiers ?? []);
      if (JSON.stringify(nextSpecs.map(cleanSpecifier)) !== JSON.stringify(specs.map(cleanSpecifier)) || specList.childElementCount !== nextSpecs.length) {
        const active = document.activeElement as HTMLElement | null;
        const had = active && specList.contains(active) ? (active.dataset.path ?? '') : null;
        specs = nextSpecs;
        renderSpecs();
        // Undo and redo rebuild the list: the focus goes back to the same field, or to Add.
        if (had !== null) (specList.querySelector<HTMLElement>(`[data-path="${CSS.escape(had)}"]`) ?? addSpec).focus({ preventScroll: true });
      }
      show();
    },
  };
}
