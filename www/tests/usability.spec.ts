import { test, expect } from '@playwright/test';
import { SAMPLES, cloneJson } from '../src/samples';
import { byPath, editPanel, expectClean, openApp, pasteCommit, payloadOf, shot, summary } from './helpers';

// What a billing person meets with real data: long names, empty schedules, the other tabs.

const prepaid = SAMPLES[0].commit;

test('a commit with a very long name and ids without spaces wraps: no tab scrolls sideways', async ({ page }) => {
  const watch = await openApp(page);
  const long = `Enterprise_platform_commitment_for_the_Acme_Analytics_global_renewal_${'x'.repeat(160)}`;
  const c = cloneJson(prepaid);
  c.name = long;
  c.product = { id: c.product!.id, name: `Prepaid_platform_commit_${'p'.repeat(160)}` };
  c.applicable_product_tags = [`tag_${'t'.repeat(200)}`];
  await pasteCommit(page, JSON.stringify(c));
  const panel = editPanel(page);
  await expect(panel.locator('h1.commit-title')).toHaveText(long);
  // A change, an error quoting what was typed and a long request body: each must wrap too.
  await byPath(panel, '/name').fill(`${long}_renamed`);
  await byPath(panel, '/access_schedule/schedule_items/6/amount').fill('9'.repeat(30) + 'abc'.repeat(40));
  await expect(summary(panel).locator('.summary-item.issue-error')).toHaveCount(1);
  for (const width of [1440, 800, 400]) {
    await page.setViewportSize({ width, height: 900 });
    for (const tab of ['edit', 'end-date', 'trueup']) {
      await page.locator(`#tab-${tab}`).click();
      await expect(page.locator(`#panel-${tab}`)).toBeVisible();
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, `${tab} tab at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.locator('#tab-edit').click();
    const title = (await panel.locator('h1.commit-title').boundingBox())!;
    expect(title.x + title.width, `title at ${width} px`).toBeLessThanOrEqual(width);
    // The type badge stays in view next to (or under) the title.
    const badge = (await panel.locator('.commit-title-row .badge').boundingBox())!;
    expect(badge.x + badge.width, `badge at ${width} px`).toBeLessThanOrEqual(width);
    // The side column (issues, changes) does not scroll sideways either.
    const side = await panel.locator('aside').evaluate((a) => a.scrollWidth - a.clientWidth);
    expect(side, `side column at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 1000 });
  await shot(page, '20-long-name', { fullPage: true });
  expect(await payloadOf(panel)).toBeNull();
  expectClean(watch);
});

test('the End date tab says at once that a POSTPAID commit cannot be shortened, judged with that commit\'s invoice statuses', async ({ page }) => {
  const watch = await openApp(page, '#end-date');
  const panel = page.locator('#panel-end-date');
  await expect(summary(panel)).toContainText('Pick a new end');
  await expect(summary(panel).locator('.summary-item')).toHaveCount(0);
  // Another commit is opened while this tab shows.
  await page.locator('#source-select').selectOption('postpaid');
  // Before any date is picked: the refusal, in the summary and at the top of the form.
  await expect(summary(panel).locator('.summary-item.issue-error')).toHaveCount(1);
  await expect(summary(panel)).toContainText('PREPAID commits only');
  await expect(panel.locator('.form-col > .general-issues .issue-msg')).toContainText('PREPAID commits only');
  await expect(panel.locator('.payload-empty')).toContainText('cannot be shortened');
  // The POSTPAID segment was applied to finalized usage invoices: the timeline shows it so at
  // once, from the statuses of the commit now open, not those of the one before.
  await expect(panel.locator('svg.timeline rect.tl-seg.tl-locked')).toHaveCount(2);
  await shot(page, '21-end-date-postpaid', { fullPage: true });
  // Back to the PREPAID sample: nothing in the way, and its four finalized segments (per lane).
  await page.locator('#source-select').selectOption('prepaid');
  await expect(summary(panel).locator('.summary-item')).toHaveCount(0);
  await expect(summary(panel)).toContainText('Pick a new end');
  await expect(panel.locator('svg.timeline rect.tl-seg.tl-locked')).toHaveCount(8);
  await byPath(panel, '/access_ending_before').fill('2027-01-01T00:00');
  expect(await payloadOf(panel)).toMatchObject({ commit_id: prepaid.id, access_ending_before: '2027-01-01T00:00:00Z' });
  expectClean(watch);
});

test('the Disable true-up tab names the true-up invoice of a POSTPAID commit only', async ({ page }) => {
  const watch = await openApp(page, '#trueup');
  const panel = page.locator('#panel-trueup');
  const fact = panel.locator('dt', { hasText: 'True-up invoice' }).locator('xpath=following-sibling::dd[1]');
  // The PREPAID sample's first invoice (Jul 1, 2026, $30,000) is a scheduled invoice, no true-up.
  await expect(fact).toHaveText('None: a PREPAID commit has no true-up');
  await page.locator('#source-select').selectOption('postpaid');
  await expect(fact).toHaveText('Apr 1, 2027 · $500,000.00');
  // A POSTPAID commit priced by quantity × unit price, with the true-up last of two items.
  const c = cloneJson(SAMPLES[1].commit);
  const items = c.invoice_schedule!.schedule_items!;
  items.unshift({ ...items[0], id: '0b5c7a52-7e0c-4d5e-9a51-3f3c1f0e6a10', timestamp: '2026-10-01T00:00:00Z', amount: 100 });
  items[1] = { id: items[1].id, timestamp: items[1].timestamp, quantity: 2, unit_price: 125000, invoice_id: null };
  await pasteCommit(page, JSON.stringify(c));
  await page.locator('#tab-trueup').click();
  await expect(fact).toHaveText('Apr 1, 2027 · $2,500.00');
  expectClean(watch);
});

test('an empty schedule says so in its table, in Edit and in Create', async ({ page }) => {
  const watch = await openApp(page);
  const c = cloneJson(prepaid);
  delete c.invoice_schedule;
  delete c.ledger;
  await pasteCommit(page, JSON.stringify(c));
  const panel = editPanel(page);
  const invoiceTable = panel.getByRole('table', { name: 'Invoice schedule items' });
  await expect(invoiceTable.locator('tr.item-row')).toHaveCount(0);
  await expect(invoiceTable).toContainText('No invoices scheduled');
  await shot(page, '22-no-invoice-schedule', { locator: panel.locator('[data-path="/invoice_schedule"]') });
  await panel.getByRole('button', { name: 'Add invoice' }).click();
  await expect(invoiceTable.locator('tr.item-row')).toHaveCount(1);
  await expect(invoiceTable).not.toContainText('No invoices scheduled');
  await panel.getByRole('button', { name: 'Remove invoice 1' }).click();
  await expect(invoiceTable).toContainText('No invoices scheduled');
  // The access schedule: every segment removed (the draft, with its removed rows to restore).
  const accessTable = panel.getByRole('table', { name: 'Access schedule segments' });
  await expect(accessTable).not.toContainText('No access segments');
  for (let i = 12; i >= 1; i--) await panel.getByRole('button', { name: `Remove segment ${i}`, exact: true }).click();
  await expect(accessTable.locator('tr.item-row')).toHaveCount(0);
  await expect(accessTable).toContainText('No access segments');
  await expect(accessTable.locator('tr.ghost-row')).toHaveCount(12);

  await page.locator('#tab-create').click();
  const create = page.locator('#panel-create');
  const newInvoices = create.getByRole('table', { name: 'New invoice schedule' });
  await expect(newInvoices).not.toContainText('No invoices');
  await create.getByRole('button', { name: 'Remove invoice 1' }).click();
  await expect(newInvoices.locator('tr.item-row')).toHaveCount(0);
  await expect(newInvoices).toContainText('No invoices: the commit is not billed');
  expectClean(watch);
});

test('the request body wraps in its box: no line of it is cut off at the side', async ({ page }) => {
  const watch = await openApp(page);
  const panel = editPanel(page);
  await byPath(panel, '/description').fill(`Renewal note: ${'see-ticket-BILL-4711/'.repeat(12)}`);
  await byPath(panel, '/access_schedule/schedule_items/5/amount').fill('1250000');
  const pre = panel.locator('pre.payload');
  await expect(pre).toContainText('"customer_id"');
  for (const width of [1440, 1280, 400]) {
    await page.setViewportSize({ width, height: 900 });
    const over = await pre.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(over, `request body at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 1000 });
  await shot(page, '23-request-wraps', { locator: panel.locator('.payload-card') });
  // What is copied is the JSON itself, not the wrapped lines.
  expect((await payloadOf(panel))?.customer_id).toBe(SAMPLES[0].customerId);
  expectClean(watch);
});

test('End date and Disable true-up say when their request is ready to send, as Edit does', async ({ page }) => {
  const watch = await openApp(page, '#end-date');
  const endDate = page.locator('#panel-end-date');
  await byPath(endDate, '/access_ending_before').fill('2027-01-01T00:00');
  await expect(endDate.locator('pre.payload')).toBeVisible();
  await expect(summary(endDate).locator('.summary-count')).toHaveText('No issues. The request is ready to send.');
  await page.locator('#source-select').selectOption('postpaid');
  await page.locator('#tab-trueup').click();
  const trueup = page.locator('#panel-trueup');
  await expect(trueup.locator('pre.payload')).toBeVisible();
  await expect(summary(trueup).locator('.summary-count')).toHaveText('No issues. The request is ready to send.');
  expectClean(watch);
});
