/**
 * `switchboard://ticket/<id>` links (from a chat, a notification, another app). Anything else — another
 * host, another path, a malformed id — opens nothing. Pure, so it is tested without Electron.
 */
export const PROTOCOL = 'switchboard';
const ID = /^[A-Za-z0-9._:@%+-]{1,300}$/;

export type DeepLink = { ticketId: string } | { error: string };

export function parseDeepLink(raw: string): DeepLink {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: 'not a link' };
  }
  if (url.protocol !== `${PROTOCOL}:`) return { error: 'not a Switchboard link' };
  if (url.hostname !== 'ticket') return { error: 'unknown link target' };
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length !== 1) return { error: 'a ticket link has exactly one id' };
  let id: string;
  try {
    id = decodeURIComponent(parts[0]!);
  } catch {
    return { error: 'malformed ticket id' };
  }
  return ID.test(id) ? { ticketId: id } : { error: 'malformed ticket id' };
}

/** The deep link among a launch's arguments (Windows and Linux pass it on the command line). */
export function deepLinkInArgs(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith(`${PROTOCOL}://`)) ?? null;
}

/** A mailto: link among a launch's arguments. */
export function mailtoInArgs(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith('mailto:')) ?? null;
}

const ADDRESS = /^[^\s@<>()"',;]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/** A mailto: link opens the customer's history: a search for mail from that address; null if malformed. */
export function mailtoSearch(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'mailto:') return null;
  let address: string;
  try {
    address = decodeURIComponent(url.pathname.split(',')[0] ?? '').trim();
  } catch {
    return null;
  }
  return ADDRESS.test(address) ? `from:${address.toLowerCase()}` : null;
}
