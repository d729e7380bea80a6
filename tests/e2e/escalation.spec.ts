import { inboxRows, demoLoaded } from './journeys';
import { expect, test } from './host';

test('escalation: a first-line ticket goes to L2 with the reason as an internal note, then to L3; Settings shows the lines', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const row = inboxRows(page).first();
  const ticketId = (await row.getAttribute('data-ticket-id'))!;
  await row.click();
  const ticket = page.locator('section.ticket');
  const team = ticket.getByLabel('Team');
  const first = await team.inputValue();
  expect(['Billing', 'Technical', 'Logistics']).toContain(first); // a topic team: first line in the demo

  await ticket.getByRole('button', { name: 'Escalate to L2 (Second line)' }).click();
  const submit = ticket.locator('.escalate-form').getByRole('button', { name: 'Escalate to L2 (Second line)' });
  await expect(submit).toBeDisabled(); // no escalation without a reason
  await ticket.getByLabel('Why L2?').fill('Refund loop needs a billing admin');
  await submit.click();
  await expect(team).toHaveValue('Second line');
  await expect(ticket.locator('.badge.line')).toHaveText('L2');
  await expect(ticket.locator('.message.internal').last()).toContainText('Escalated to L2 (Second line): Refund loop needs a billing admin');

  await ticket.getByRole('button', { name: 'Escalate to L3 (Engineering)' }).click();
  await ticket.getByLabel('Why L3?').fill('Reproduced: a bug');
  await ticket.locator('.escalate-form').getByRole('button', { name: /Escalate to L3/ }).click();
  await expect(team).toHaveValue('Engineering');
  await expect(ticket.getByRole('button', { name: /Escalate to/ })).toHaveCount(0); // the top line
  // The source has it after the sync: a reload reads the demo source's state back.
  await expect(page.locator('.statusbar')).not.toContainText('waiting to sync', { timeout: 15_000 });
  await page.reload();
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  await expect(page.locator('section.ticket').getByLabel('Team')).toHaveValue('Engineering');

  await page.getByRole('button', { name: 'Settings' }).click();
  const lines = page.getByRole('group', { name: /Demo/ });
  await expect(lines.getByLabel('L2')).toHaveValue('Second line');
  await expect(lines.getByLabel('L3')).toHaveValue('Engineering');
});
