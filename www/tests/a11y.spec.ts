import { test, expect, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SAMPLES } from '../src/samples';
import { editPanel, expectClean, openApp, byPath, payloadOf, shot } from './helpers';

// axe-core over each tab, with an issue showing, and over the paste dialog.

async function axe(page: import('@playwright/test').Page, include?: string) {
  let b = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) b = b.include(include);
  const res = await b.analyze();
  return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the Edit tab, with an error showing, has no axe violations', async ({ page }) => {
  const watch = await openApp(page);
  await byPath(editPanel(page), '/access_schedule/schedule_items/7/amount').fill('abc');
  expect(await axe(page)).toEqual([]);
  expectClean(watch);
});

for (const tab of ['create', 'end-date', 'trueup']) {
  test(`the ${tab} tab has no axe violations`, async ({ page }) => {
    const watch = await openApp(page, `#${tab}`);
    await expect(page.locator(`#panel-${tab}`)).toBeVisible();
    expect(await axe(page)).toEqual([]);
    expectClean(watch);
  });
}

test('the paste dialog has no axe violations and keeps focus inside', async ({ page }) => {
  const watch = await openApp(page);
  await page.getByRole('button', { name: 'Paste commit JSON…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a commit' });
  await expect(dialog.getByLabel('Commit JSON')).toBeFocused();
  await dialog.getByLabel('Commit JSON').fill('{"data": 1}');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.locator('.paste-message')).toBeVisible();
  expect(await axe(page, '.dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expectClean(watch);
});

test('every control in the Edit tab has an accessible name, and focus is visible', async ({ page }) => {
  const watch = await openApp(page);
  const unnamed = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('#panel-edit input, #panel-edit select, #panel-edit textarea, #panel-edit button')) {
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length || (el.tagName === 'BUTTON' && el.textContent?.trim());
      if (!labelled) out.push(`<${el.tagName.toLowerCase()} id=${el.id} class=${el.className}>`);
    }
    return out;
  });
  expect(unnamed).toEqual([]);
  // Keyboard focus shows a ring: tab into the first form field.
  await page.locator('#tab-edit').focus();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return { tag: el.tagName, outline: cs.outlineStyle, shadow: cs.boxShadow };
  });
  expect(outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);
  expectClean(watch);
});

// The page's outline: whichever tab shows, its panel starts with the page's one h1, which names
// it; the panel's sections are h2 and their parts h3, with no level skipped.
const PANEL_TITLES: [string, string][] = [
  ['edit', SAMPLES[0].commit.name!],
  ['create', 'Create a commit'],
  ['end-date', 'Change the end date'],
  ['trueup', 'Disable the true-up'],
];

for (const [tab, title] of PANEL_TITLES) {
  test(`the ${tab} tab starts with an h1 naming it, and no heading level is skipped after it`, async ({ page }) => {
    const watch = await openApp(page, `#${tab}`);
    const panel = page.locator(`#panel-${tab}`);
    await expect(panel).toBeVisible();
    // Strict: exactly one level-1 heading in the panel.
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(title);
    // Every heading a screen reader lists on the page (hidden panels and the closed dialog are not).
    const outline = await page.getByRole('heading').evaluateAll((els) =>
      els.map((el) => ({ level: Number(el.getAttribute('aria-level') ?? el.tagName.slice(1)), text: (el.textContent ?? '').trim() })),
    );
    expect(outline[0], 'the first heading on the page').toEqual({ level: 1, text: title });
    expect(outline.filter((x) => x.level === 1), 'h1s on the page').toHaveLength(1);
    expect(outline.filter((x) => x.level === 2).length, 'sections (h2) in the panel').toBeGreaterThan(0);
    for (let i = 1; i < outline.length; i++) {
      expect(outline[i].level, `“${outline[i].text}” after “${outline[i - 1].text}”`).toBeLessThanOrEqual(outline[i - 1].level + 1);
    }
    expect(await panel.getByRole('heading').count(), 'all of them in the panel').toBe(outline.length);
    expectClean(watch);
  });
}

// A datetime-local input never shows a placeholder: what to enter is a visible hint under the field,
// its accessible description. Run west of UTC to check what the hint says: the value is taken as UTC.
test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('the End date fields say next to them to enter a date and time in UTC, and that is how they are read', async ({ page }) => {
    const watch = await openApp(page, '#end-date');
    const panel = page.locator('#panel-end-date');
    const items = SAMPLES[0].commit.access_schedule!.schedule_items;
    const lastStart = items[items.length - 1].starting_at; // 2027-06-01T00:00:00Z
    const invoices = SAMPLES[0].commit.invoice_schedule!.schedule_items!;
    const lastInvoice = invoices[invoices.length - 1].timestamp; // 2027-04-01T00:00:00Z
    const shown = (iso: string) => iso.slice(0, 16).replace('T', ' ');

    const access = panel.getByLabel('Access ends before');
    const accessHint = `Date and time in UTC, not your local time: ${shown(lastStart)} (the start of the last segment) is sent as ${lastStart}.`;
    await expect(access).toHaveAccessibleDescription(`${accessHint} Exclusive. Leave empty to keep access as it is.`);
    await expect(access).not.toHaveAttribute('placeholder');
    const invoicesIn = panel.getByLabel('Invoices end before');
    await expect(invoicesIn).toHaveAccessibleDescription(
      `Date and time in UTC, not your local time: ${shown(lastInvoice)} (the last invoice) is sent as ${lastInvoice}. Exclusive. Leave empty to keep the invoice schedule.`,
    );

    // Shown, right under its field.
    const hint = panel.getByText(accessHint);
    await expect(hint).toBeVisible();
    const [a, b] = [await access.boundingBox(), await hint.boundingBox()];
    expect(b!.y - (a!.y + a!.height)).toBeGreaterThanOrEqual(0);
    expect(b!.y - (a!.y + a!.height)).toBeLessThan(16);
    expect(Math.abs(b!.x - a!.x)).toBeLessThan(2);
    await shot(page, '21-end-date-hint', { locator: panel.locator('.card').first() });

    // What the hint says holds: the example, entered in New York, is sent as that time in UTC.
    await access.fill(lastStart.slice(0, 16));
    expect(await payloadOf(panel)).toMatchObject({ access_ending_before: lastStart });
    expectClean(watch);
  });
});

/** The ids a field is described by, and the id of the message slot in its own cell or field box. */
async function describedBy(field: Locator): Promise<{ ids: string[]; own: string | null }> {
  const box = 'ancestor::div[contains(concat(" ", @class, " "), " cell ") or contains(concat(" ", @class, " "), " field ")][1]';
  return {
    ids: ((await field.getAttribute('aria-describedby')) ?? '').split(' '),
    own: await field.locator(`xpath=${box}/div[contains(@class, "issue-slot")]`).getAttribute('id'),
  };
}

// An issue about a whole schedule row (its path is the row's) shows under the row; each field of
// the row names that message in its description, so it is read out when the field takes the focus.
test('a field of a schedule row is described by the issue about its whole row, besides its own', async ({ page }) => {
  const watch = await openApp(page);
  const panel = editPanel(page);

  // Invoice 1 is on a FINALIZED invoice: any change to it is refused for the whole item.
  await byPath(panel, '/invoice_schedule/schedule_items/0/amount').fill('123');
  const entry = panel.locator('.summary-item[data-issue-path="/invoice_schedule/schedule_items/0"]');
  await expect(entry).toHaveCount(1);
  const message = ((await entry.locator('.summary-msg').textContent()) ?? '').trim();
  expect(message).not.toBe('');
  await expect(panel.locator('[id="invoice-row-0-issues"] .issue-msg')).toHaveText(message);
  const fields = panel.locator('tr.item-row[data-path="/invoice_schedule/schedule_items/0"] input');
  await expect(fields).toHaveCount(4);
  // The row is locked, which its fields read out last (see the locked-row test below).
  const locked = (await panel.locator('[id="invoice-lock-0"]').innerText()).replace(/\s+/g, ' ').trim();
  for (const field of await fields.all()) {
    const { ids, own } = await describedBy(field);
    expect(ids).toEqual([own, 'invoice-row-0-issues', 'invoice-lock-0']);
    await field.focus();
    await expect(field).toHaveAccessibleDescription(`${message} ${locked}`);
  }

  // The same in the access table, and in the Create tab's tables.
  const access = panel.locator('tr.item-row[data-path="/access_schedule/schedule_items/3"] input');
  await expect(access).toHaveCount(3);
  for (const field of await access.all()) {
    const { ids, own } = await describedBy(field);
    expect(ids).toEqual([own, 'access-row-3-issues', 'access-lock-3']);
  }
  await page.locator('#tab-create').click();
  const rows = page.locator('#panel-create tr.item-row');
  await expect(rows).toHaveCount(13);
  for (const row of await rows.all()) {
    const rowSlot = `c-${await row.getAttribute('data-path')}-row`;
    for (const field of await row.locator('input').all()) {
      const { ids, own } = await describedBy(field);
      expect(ids).toEqual([own, rowSlot]);
    }
  }
  expectClean(watch);
});

// The same for a specifier: an issue about the whole specifier (an empty one matches all usage)
// shows under it, and each of its fields names that message after its own (and after its hint).
test('a field of a specifier is described by the issue about the whole specifier, besides its own', async ({ page }) => {
  const watch = await openApp(page);
  const panel = editPanel(page);
  await panel.getByText('Specifiers', { exact: true }).click();
  await expect(panel.locator('.spec')).toHaveCount(3);
  await panel.getByRole('button', { name: 'Add specifier' }).click();

  /** Each field of specifier `i` names the specifier's slot last, and is described by `message`. */
  const expectDescribedBySpecifier = async (i: number, message: string) => {
    const fields = byPath(panel, `/specifiers/${i}`).locator('input, textarea');
    await expect(fields).toHaveCount(4);
    for (const field of await fields.all()) {
      const { ids, own } = await describedBy(field);
      expect(ids.slice(-2)).toEqual([own, `spec-${i}-issues`]);
      await field.focus();
      // The group-values fields are textareas with a hint under them, read before the messages.
      const hint = (await field.evaluate((el) => el.tagName)) === 'TEXTAREA' ? 'key=value, one per line' : '';
      await expect(field).toHaveAccessibleDescription([hint, message].filter(Boolean).join(' '));
    }
  };
  const warning = (i: number) => panel.locator(`[id="spec-${i}-issues"] .issue-msg[data-code="specifier_empty"]`);
  await expect(warning(3)).toHaveCount(1);
  const message = ((await warning(3).textContent()) ?? '').trim();
  expect(message).toContain('matches all usage');
  await expectDescribedBySpecifier(3, message);
  // The other specifiers have no issue: their fields name their own specifier's (empty) slot.
  for (const i of [0, 1, 2]) await expectDescribedBySpecifier(i, '');
  expect(await axe(page)).toEqual([]);

  // Removing specifier 1 renumbers the list: the fields of the empty one, now specifier 3, follow.
  await panel.getByRole('button', { name: 'Remove specifier 1', exact: true }).click();
  await expect(warning(2)).toHaveCount(1);
  await expectDescribedBySpecifier(2, message);
  expectClean(watch);
});

// A message about a "Fill from a rule" helper's rule as a whole (its path is "") shows under the
// helper; each field of the helper names it after its own.
test('a field of a "Fill from a rule" helper is described by the message about the whole rule, besides its own', async ({ page }) => {
  // The one rule the page can send that the module refuses as a whole has a Total over 32 MiB,
  // and wasm is slow on the first input that big (its memory grows in small steps).
  test.slow();
  const watch = await openApp(page, '#create');
  const panel = page.locator('#panel-create');
  const fieldsOf = (card: Locator) => card.locator('.generator').locator('input, select, textarea');
  for (const [title, slot] of [['Access schedule', 'gen-access-issues'], ['Invoice schedule', 'gen-invoice-issues']]) {
    const fields = fieldsOf(panel.locator(`section[aria-label="${title}"]`));
    await expect(fields).toHaveCount(5);
    for (const field of await fields.all()) {
      const { ids, own } = await describedBy(field);
      expect(ids).toEqual([own, slot]);
    }
    await expect(panel.locator(`[id="${slot}"]`)).toHaveCount(1);
  }

  const card = panel.locator('section[aria-label="Access schedule"]');
  await card.getByText('Fill from a rule…').click();
  await card.getByLabel('Total').evaluate((el: HTMLInputElement, length) => {
    el.value = '9'.repeat(length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, 32 * 1024 * 1024 + 1);
  await card.getByRole('button', { name: 'Replace segments' }).click();
  const message = card.locator('[id="gen-access-issues"] .issue-msg');
  await expect(message).toHaveCount(1, { timeout: 30_000 });
  await expect(message).toContainText('larger than 32 MiB');
  const text = ((await message.textContent()) ?? '').trim();
  for (const field of await fieldsOf(card).all()) {
    await field.focus();
    await expect(field).toHaveAccessibleDescription(text);
  }
  expectClean(watch);
});

// A locked row shows why next to its Remove button, which names that reason; each field of the row
// names it too, after the messages (its own slot, then the row's), so it is read out on focus.
test('a field of a locked schedule row is described by why the row is locked', async ({ page }) => {
  const watch = await openApp(page);
  const panel = editPanel(page);
  /** Every field of `row` names the row's lock note last when it has one, and is described by it. */
  const expectFieldsDescribedByLock = async (row: Locator) => {
    const note = row.locator('.lock');
    const lockId = (await note.count()) ? await note.getAttribute('id') : null;
    const reason = lockId ? (await note.innerText()).replace(/\s+/g, ' ').trim() : '';
    const [path, rowSlot] = [await row.getAttribute('data-path'), await row.getAttribute('data-issue-slot')];
    const fields = row.locator('input');
    expect(await fields.count()).toBeGreaterThan(0);
    for (const field of await fields.all()) {
      const { ids, own } = await describedBy(field);
      expect(ids, `a field of ${path}`).toEqual([own, rowSlot, ...(lockId ? [lockId] : [])]);
      await expect(field).toHaveAccessibleDescription(reason);
    }
    if (lockId) await expect(row.getByRole('button', { name: /^Remove / })).toHaveAccessibleDescription(reason);
  };

  // The sample: segments 1–4 are applied to finalized invoices (they can't be removed), and
  // invoices 1–2 are on finalized invoices (locked). The other rows name no lock.
  const rows = panel.locator('tr.item-row');
  await expect(panel.locator('tr.item-row.is-locked')).toHaveCount(6);
  await expect(panel.locator('tr.item-row.is-locked .lock')).toHaveCount(6);
  for (const row of await rows.all()) await expectFieldsDescribedByLock(row);
  const invoice1 = panel.locator('tr.item-row[data-path="/invoice_schedule/schedule_items/0"]');
  await expect(invoice1.locator('input').first()).toHaveAccessibleDescription(/^Locked Invoice \w+ is finalized/);

  // The rows are drawn again when a status changes: a voided invoice unlocks segment 1 and makes
  // invoice 1 removable-only, and their fields follow.
  const commit = SAMPLES[0].commit;
  const segment1 = commit.access_schedule!.schedule_items[0].id;
  const usage = commit.ledger!.find((e) => e.invoice_id && e.segment_id === segment1)!.invoice_id!;
  await panel.getByLabel(`Status of invoice ${usage}`).selectOption('VOID');
  await panel.getByLabel(`Status of invoice ${commit.invoice_schedule!.schedule_items![0].invoice_id}`).selectOption('VOID');
  const segmentRow = panel.locator('tr.item-row[data-path="/access_schedule/schedule_items/0"]');
  await expect(segmentRow.locator('.lock')).toHaveCount(0);
  await expect(invoice1.locator('.lock')).toContainText('is void');
  await expectFieldsDescribedByLock(segmentRow);
  await expectFieldsDescribedByLock(invoice1);
  expect(await axe(page)).toEqual([]);
  expectClean(watch);
});
