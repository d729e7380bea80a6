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
    await expectNoSeriousViolations(page);

    // Every toast and dialog too: the "Sending your reply in 10 s — Undo" toast, and Settings.
    await page.locator('section.ticket').getByRole('textbox', { name: 'Reply' }).fill('Checking the contrast of what shows next.');
    await page.locator('section.ticket').getByRole('button', { name: 'Send reply' }).click();
    const toast = page.locator('.undo-send');
    await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
    await expectNoSeriousViolations(page, '.undo-send');
    // axe leaves a moved element's contrast undecided: measured here (WCAG AA, 4.5:1).
    expect(await contrastOf(toast.getByRole('button', { name: 'Undo' }))).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(toast.locator('span'))).toBeGreaterThanOrEqual(4.5);
    await toast.getByRole('button', { name: 'Undo' }).click();
    // The satisfaction offer after solving, the keyboard pickers and the command palette.
    await page.locator('section.ticket').getByLabel('Status').selectOption('solved');
    const offer = page.getByRole('region', { name: 'Satisfaction request' });
    await expect(offer).toBeVisible();
    await expectNoSeriousViolations(page, '.satisfaction-offer');
    await page.locator('section.ticket h1').click();
    await page.keyboard.press('p');
    await expect(page.getByRole('dialog', { name: 'Priority' })).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog.palette');
    expect(await contrastOf(page.getByRole('dialog', { name: 'Priority' }).getByRole('option').first())).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog.palette');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog.settings');
  });
}

/** The WCAG contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(locator: import('@playwright/test').Locator): Promise<number> {
  return locator.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    let node: Element | null = element;
    let background = [255, 255, 255];
    while (node) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
      if (a > 0.5) {
        background = [r!, g!, b!];
        break;
      }
      node = node.parentElement;
    }
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const [l1, l2] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)].sort((a, b) => b - a);
    return (l1! + 0.05) / (l2! + 0.05);
  });
}

/** axe-core on the page (or the part `include` names): no serious or critical violation. */
async function expectNoSeriousViolations(page: import('@playwright/test').Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

test('the theme chosen in Settings holds over the system’s, across a reload', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await demoLoaded(page);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  expect(await background()).not.toBe(light);
  await page.reload();
  await demoLoaded(page);
  expect(await background()).not.toBe(light);
  await expectNoSeriousViolations(page);
});
