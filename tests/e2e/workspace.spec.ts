/**
 * The agent's workspace on the demo: the customer panel (notes kept across a reload, every other ticket of
 * theirs), templates with placeholders filled and edited in Settings, the assignee suggestion, time
 * tracking, and the satisfaction request offered on closing.
 */
import { expect, test } from './host';
import { demoLoaded, inboxRows } from './journeys';

test('customer panel, templates and the satisfaction request on closing', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const row = inboxRows(page).filter({ has: page.locator('.status-open') }).first();
  const ticketId = (await row.getAttribute('data-ticket-id'))!;
  await row.click();
  const panel = page.getByRole('complementary', { name: 'Customer' });
  const name = (await panel.locator('h2').textContent())!;
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText(/other ticket|first ticket|Their first/i);
  await panel.getByLabel('My notes').fill('Prefers a call after 17:00.');
  await page.locator('section.ticket h1').click(); // leaving the field saves (typing did already)
  await expect(panel.getByRole('status')).toHaveText('Saved on this computer.');
  await page.reload();
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  await expect(page.getByRole('complementary', { name: 'Customer' }).getByLabel('My notes')).toHaveValue('Prefers a call after 17:00.');

  // A template, its placeholders filled from the ticket.
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await page.getByLabel('Insert a template').selectOption({ label: 'Greeting' });
  await expect(reply).toHaveValue(new RegExp(`^Hello ${name.split(' ')[0]},`));
  await reply.fill('');

  // Edited in Settings, used at once.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Template', exact: true }).selectOption({ label: 'Greeting · Greeting (en)' });
  const editor = page.getByRole('form', { name: 'Edit template' });
  await editor.getByLabel('Text').fill('Hi {{customer.firstName}}, {{agent.name}} here about #{{ticket.id}}.');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved.');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Insert a template').selectOption({ label: 'Greeting' });
  await expect(reply).toHaveValue(new RegExp(`^Hi ${name.split(' ')[0]}, .+ here about #\\S+\\.$`));
  await reply.fill('');

  // Unassigned, it suggests the least-loaded agent; one click assigns them.
  const view = page.locator('section.ticket');
  await view.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
  const suggestion = view.locator('.suggestion');
  await expect(suggestion).toHaveText(/^Suggested: .+ \(\d+ open/);
  const suggested = /^Suggested: (.+?) \(/.exec((await suggestion.textContent())!)![1]!;
  await suggestion.click();
  await expect(view.getByLabel('Assignee').locator('option:checked')).toHaveText(suggested);
  await expect(suggestion).toHaveCount(0);

  // Time tracking: corrected by hand, logged at the source (the demo keeps time worked, like RT).
  await view.locator('.time-tracker button').first().click();
  await view.getByLabel('Minutes').fill('5');
  await view.getByRole('button', { name: 'Set' }).click();
  await view.getByRole('button', { name: 'Log 5 min at the source' }).click();
  await expect(view.locator('.time-tracker')).toContainText('(5 min logged)');
  await expect(page.locator('.statusbar')).not.toContainText('waiting to sync', { timeout: 15_000 });

  // Closing offers the satisfaction request.
  await page.locator('section.ticket').getByLabel('Status').selectOption('solved');
  const offer = page.getByRole('region', { name: 'Satisfaction request' });
  await expect(offer).toContainText(`Ask ${name} how we did?`);
  await offer.getByRole('button', { name: 'Send the satisfaction request' }).click();
  await expect(offer).toHaveCount(0);
  // In the customer's language (the demo has Russian-speaking customers too; which ticket is first depends on the day).
  await expect(page.locator('section.ticket .message.out').last()).toContainText(/How did we do\?|Как мы справились\?/);
});
