/**
 * Signing in at the test OAuth server (tests/integration/peers/oidc.ts) the way an agent does: its own
 * login page (unless its session remembers the agent), then its consent page, in a real browser page. Returns once the browser is back at the
 * app's loopback redirect and the page there says the sign-in worked.
 */
import type { Page } from '@playwright/test';

export async function signInAtProvider(page: Page, url: string | null, login: string): Promise<void> {
  // The provider's pages ask for a web font: test traffic stays on this computer.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  if (url) await page.goto(url);
  const consent = page.getByRole('button', { name: 'Continue' });
  // Signed in at the provider already (its session cookie): straight to the consent page.
  await page.locator('input[name=login]').or(consent).first().waitFor();
  if (await page.locator('input[name=login]').count()) {
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
  }
  await consent.click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
  await page.getByText('Signed in').waitFor();
}
