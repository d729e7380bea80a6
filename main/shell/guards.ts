/**
 * Pure checks behind the Electron window's security rules, kept free of electron so they are unit-tested.
 */

/** The app's page, without fragment or query: the only URL the window may show and the only IPC caller. */
function pageOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

export function isAppUrl(candidate: string, appUrl: string): boolean {
  const page = pageOf(candidate);
  return page !== null && page === pageOf(appUrl);
}

/** An IPC call is trusted only from the top frame of the app's own page. */
export function isTrustedSender(frame: { url: string; isTopFrame: boolean } | null, appUrl: string): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url, appUrl);
}
