/**
 * Accessibility of the main screens, checked by axe-core in Chromium: roles and names, labels, focus
 * order basics, and colour contrast — in the light and the dark theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './host';
import { demoLoaded, inboxRows } from './journeys';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the inbox with a ticket open has no serious accessibility violations (${colorScheme})`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 480 }); // a small window: the list, the thread and the panels all scroll
    await page.goto(host.url);
    await demoLoaded(page);
    await inboxRows(page).first().click();
    await expect(page.locator('section.ticket h1')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}
