/**
 * The smaller things an agent meets in a day, on the demo: what the status bar says while changes wait,
 * the outbox's width and words, a snooze date that belongs to its ticket, an empty knowledge-base search,
 * and an account form that says which field is missing in its own words.
 */
import { expect, test } from './host';
import { demoLoaded, inboxRows } from './journeys';

test('the status bar, the outbox, the snooze date, an empty template search, and a refused account form', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const bar = page.locator('footer.statusbar');
  const view = page.locator('section.ticket');

  // A reply waiting out its undo window: the bar does not say "Up to date" beside "1 change waiting".
  await inboxRows(page).first().click();
  await view.getByRole('textbox', { name: 'Reply' }).fill('On it.');
  await view.getByRole('button', { name: 'Send reply' }).click();
  await expect(bar).toContainText('1 change waiting to sync');
  await expect(bar).not.toContainText('Up to date');
  await expect(bar).toContainText('Sending your changes');

  // Paused: an assignment waits in the outbox, which names whom and uses the whole width.
  await bar.getByRole('button', { name: 'Pause sync' }).click();
  const assignee = view.getByLabel('Assignee');
  const name = (await assignee.locator('option').nth(1).textContent())!.trim();
  await assignee.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Outbox' }).click();
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await expect(outbox).toContainText(`Assign to ${name}`);
  const width = await outbox.evaluate((el) => el.getBoundingClientRect().width / window.innerWidth);
  expect(width).toBeGreaterThan(0.7);
  await bar.getByRole('button', { name: 'Resume sync' }).click();
  await expect(bar).toContainText('Up to date', { timeout: 20_000 });

  // A date typed for one ticket's snooze is not offered for the next.
  await page.getByRole('button', { name: /All open/ }).click();
  await inboxRows(page).nth(1).click();
  await view.getByLabel('Snooze until').fill('2030-01-02T09:00');
  await inboxRows(page).nth(2).click();
  await expect(view.getByLabel('Snooze until')).toHaveValue('');

  // A search in templates and articles that finds nothing says so.
  await view.getByRole('searchbox', { name: 'Find a template or article…' }).fill('zebra quantum');
  await expect(view.getByRole('status').filter({ hasText: 'No template or knowledge-base article has “zebra quantum”' })).toBeVisible();

  // An email account without an outgoing server: the form names the field as it labels it.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add email account' }).click();
  const form = page.getByRole('form', { name: 'Add email account' });
  await form.getByLabel('Email address').fill('agent@example.test');
  await form.locator('fieldset.endpoint').nth(0).getByLabel('Server').fill('127.0.0.1');
  await form.getByLabel('Password').fill('x');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toHaveText('Check “Outgoing mail (SMTP) → Server”: it is empty or not valid.');
});
