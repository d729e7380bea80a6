/**
 * A second launch hands its arguments to the first instance: a switchboard:// link opens the ticket,
 * a mailto: link (when the agent opted in) searches the customer's history, anything else just brings
 * the window forward. Pure, so it is tested without Electron.
 */
import { deepLinkInArgs, mailtoInArgs, mailtoSearch, parseDeepLink } from './deep-link';

export interface HandOverTarget {
  showWindow(): void;
  openTicket(ticketId: string | null): void;
  search(query: string): void;
}

/** What one URL asks for (from the arguments, or macOS's open-url). */
export function openUrl(url: string, target: HandOverTarget, mailtoAllowed: boolean): void {
  target.showWindow();
  if (url.toLowerCase().startsWith('mailto:')) {
    const query = mailtoAllowed ? mailtoSearch(url) : null;
    if (query) target.search(query);
    return;
  }
  const link = parseDeepLink(url);
  target.openTicket('ticketId' in link ? link.ticketId : null);
}

export function handOver(argv: readonly string[], target: HandOverTarget, mailtoAllowed: boolean): void {
  const url = deepLinkInArgs(argv) ?? mailtoInArgs(argv);
  if (url) openUrl(url, target, mailtoAllowed);
  else target.showWindow();
}
