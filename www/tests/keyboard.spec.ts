import { test, expect } from '@playwright/test';
import { byPath, editPanel, expectClean, openApp, payloadOf } from './helpers';

// Keys that act on a form: Enter in the schedule rule helper, and undo / redo in fields that are
// not the commit's (their typing has the browser's own undo).

test('Enter in a "Fill from a rule" field fills the schedule as its button does, and nothing else', async ({ page }) => {
  const watch = await openApp(page, '#create');
  const panel = page.locator('#panel-create');
  const accessCard = panel.locator('section[aria-label="Access schedule"]');
  const invoiceCard = panel.locator('section[aria-label="Invoice schedule"]');
  // Something a reload or a navigation would lose.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const url = page.url();
  await accessCard.locator('tr.item-row').last().getByRole('button', { name: /Remove/ }).click();
  await expect(accessCard.locator('tr.item-row')).toHaveCount(11);

  await invoiceCard.getByText('Fill from a rule…').click();
  const total = invoiceCard.getByLabel('Total');
  await total.fill('8000000');
  await invoiceCard.getByLabel('Every').selectOption('QUARTERLY');
  await total.press('Enter');
  await expect(invoiceCard.locator('tr.item-row')).toHaveCount(4);
  const invoiceAmounts = async () =>
    ((await payloadOf(panel))?.invoice_schedule as { schedule_items: { amount: number }[] }).schedule_items.map((i) => i.amount);
  expect(await invoiceAmounts()).toEqual([2000000, 2000000, 2000000, 2000000]);
  // Only this rule ran: the access schedule is as the user left it, and the focus stays put.
  await expect(accessCard.locator('tr.item-row')).toHaveCount(11);
  await expect(total).toBeFocused();

  // From a date field as well.
  await invoiceCard.getByLabel('Every').selectOption('ANNUAL');
  await invoiceCard.getByLabel('Starts').press('Enter');
  await expect(invoiceCard.locator('tr.item-row')).toHaveCount(1);
  // A rule the module refuses fills nothing and shows why, as the button does.
  await total.fill('abc');
  await total.press('Enter');
  await expect(invoiceCard.locator('.generator .issue-msg.issue-error')).toHaveCount(1);
  await expect(invoiceCard.locator('tr.item-row')).toHaveCount(1);

  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expectClean(watch);
});

test('Ctrl+Z in the Customer ID field undoes the typing there, not the commit edit', async ({ page }) => {
  const watch = await openApp(page);
  const panel = editPanel(page);
  const amount = byPath(panel, '/access_schedule/schedule_items/5/amount');
  await amount.fill('1250000');
  const edited = await payloadOf(panel);
  expect(edited?.access_schedule).toBeTruthy();

  const customer = page.locator('#customer-id');
  const id = await customer.inputValue();
  await customer.click();
  await customer.press('End');
  await page.keyboard.type('xyz');
  await page.keyboard.press('Control+z');
  await expect(customer).toHaveValue(id);
  await expect(amount).toHaveValue('1250000');
  expect(await payloadOf(panel)).toEqual(edited);
  // The Mac shortcut is left to the browser too.
  await page.keyboard.press('Meta+z');
  expect(await payloadOf(panel)).toEqual(edited);
  // With nothing of its own left to undo, the browser's undo does not reach back into the amount
  // typed before (Chromium keeps one text-undo list for the whole page).
  await page.keyboard.press('Control+z');
  await expect(customer).toHaveValue(id);
  await expect(amount).toHaveValue('1250000');
  expect(await payloadOf(panel)).toEqual(edited);

  // Redo there is the field's own as well: it does not redo an undone commit edit.
  await panel.getByRole('button', { name: 'Undo' }).click();
  expect(await payloadOf(panel)).toBeNull();
  await customer.focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(customer).toHaveValue(`${id}xyz`);
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Meta+Shift+z');
  expect(await payloadOf(panel)).toBeNull();
  await page.keyboard.press('Control+z');
  await expect(customer).toHaveValue(id);

  // The commit's own fields keep stepping through the commit's history.
  await byPath(panel, '/access_schedule/schedule_items/5/amount').focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(byPath(panel, '/access_schedule/schedule_items/5/amount')).toHaveValue('1250000');
  expect(await payloadOf(panel)).toEqual(edited);
  expectClean(watch);
});
