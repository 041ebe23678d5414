import { test, expect } from '@playwright/test';
import { expectClean, openApp, payloadOf } from './helpers';

// Keys that act on a form: Enter in the schedule rule helper.

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
