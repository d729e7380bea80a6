/** Records every Web Notification the page shows, for assertions: a test hook on the Notification API. */
import type { BrowserContext, Page } from '@playwright/test';

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
