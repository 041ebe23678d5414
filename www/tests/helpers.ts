import { expect, type Page, type Locator } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENS = fileURLToPath(new URL('../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

export interface Watch {
  errors: string[];
  dialogs: string[];
}

/** Open the page, wait for the module, and record console errors, page errors and JS dialogs. */
export async function openApp(page: Page, hash = ''): Promise<Watch> {
  const watch: Watch = { errors: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  page.on('dialog', async (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  const base = process.env.BASE_URL;
  if (!base) throw new Error('BASE_URL is not set (global setup did not run)');
  await page.goto(base + hash);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  return watch;
}

export function expectClean(watch: Watch): void {
  expect(watch.errors, 'console errors').toEqual([]);
  expect(watch.dialogs, 'JS dialogs').toEqual([]);
}

export async function shot(page: Page, name: string, opts: { fullPage?: boolean; locator?: Locator } = {}): Promise<void> {
  if (opts.locator) await opts.locator.screenshot({ path: `${SCREENS}${name}.png` });
  else await page.screenshot({ path: `${SCREENS}${name}.png`, fullPage: opts.fullPage ?? false });
}

/** Paste `text` into the Open a commit dialog and press Open; the dialog, for what follows. */
export async function pasteCommit(page: Page, text: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Paste commit JSON…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a commit' });
  await dialog.getByLabel('Commit JSON').fill(text);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  return dialog;
}

export function editPanel(page: Page): Locator {
  return page.locator('#panel-edit');
}

/** The current request body of a tab, parsed; null when the panel shows no body. */
export async function payloadOf(panel: Locator): Promise<Record<string, unknown> | null> {
  const pre = panel.locator('pre.payload');
  if (!(await pre.isVisible())) return null;
  return JSON.parse((await pre.textContent()) ?? 'null');
}

export function accessRows(page: Page): Locator {
  return editPanel(page).locator('tr.item-row[data-path^="/access_schedule/schedule_items/"]');
}
export function invoiceRows(page: Page): Locator {
  return editPanel(page).locator('tr.item-row[data-path^="/invoice_schedule/schedule_items/"]');
}
export function byPath(scope: Locator, path: string): Locator {
  return scope.locator(`[data-path="${path}"]`);
}
/** The issue messages shown for the control at `path` (its own slot). */
export function issuesAt(scope: Locator, path: string): Locator {
  return scope.locator(`[id="${path}-a-issues"], [data-path="${path}"] ~ .issue-slot`).locator('.issue-msg');
}
export function summary(scope: Locator): Locator {
  return scope.locator('.summary');
}
