/** Records every Web Notification the page shows, for assertions: a test hook on the Notification API. */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export async function recordNotifications(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['notifications'], { origin });
  await context.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { __notices: typeof shown }).__notices = shown;
    const Original = window.Notification;
    class Recorded extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
    window.Notification = Recorded as typeof Notification;
  });
}

export const shownNotices = (page: Page) => page.evaluate(() => (window as unknown as { __notices: { title: string; body?: string }[] }).__notices);

/**
 * A fresh browser profile recording notifications, the inbox at `url` open, and the customer of the ticket
 * `subject` marked VIP by the agent.
 */
export async function pageWithVip(browser: Browser, host: { origin: string; url: string }, subject: string): Promise<{ context: BrowserContext; page: Page; notices: () => Promise<{ title: string; body?: string }[]> }> {
  const context = await browser.newContext();
  await recordNotifications(context, host.origin);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Tickets' }).getByRole('option').filter({ hasText: subject }).click();
  await page.getByRole('button', { name: 'Mark as VIP' }).click();
  await expect(page.getByRole('button', { name: 'Not a VIP' })).toBeVisible();
  return { context, page, notices: () => shownNotices(page) };
}
