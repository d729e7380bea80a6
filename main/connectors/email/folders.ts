/**
 * The account's folders as this server names them. Settings say "Sent"; Courier keeps it as "INBOX.Sent",
 * Gmail as "[Gmail]/Sent Mail", Exchange in the user's language: a name the server does not have is found
 * by its special use (RFC 6154), then under the server's personal namespace prefix, then ignoring case.
 * A folder found none of these ways is left out of the sync (Test connection names it).
 */
import type { ImapFlow, ListResponse } from 'imapflow';

const SPECIAL: Record<string, string> = { sent: '\\Sent', drafts: '\\Drafts', trash: '\\Trash', junk: '\\Junk', spam: '\\Junk', archive: '\\Archive' };

export interface FolderMatch {
  /** The server's paths for the configured folders, in their order, each once. */
  paths: string[];
  /** Configured names the server has in no form. */
  missing: string[];
}

export function matchFolders(configured: string[], list: Pick<ListResponse, 'path' | 'specialUse' | 'delimiter'>[]): FolderMatch {
  const paths: string[] = [];
  const missing: string[] = [];
  for (const name of configured) {
    const lower = name.toLowerCase();
    const found =
      list.find((f) => f.path === name) ??
      list.find((f) => !!SPECIAL[lower] && f.specialUse === SPECIAL[lower]) ??
      list.find((f) => f.path.toLowerCase() === `inbox${f.delimiter ?? '.'}${lower}`) ??
      list.find((f) => f.path.toLowerCase() === lower);
    if (!found) missing.push(name);
    else if (!paths.includes(found.path)) paths.push(found.path);
  }
  return { paths, missing };
}

let matched = new WeakMap<ImapFlow, Map<string, Promise<FolderMatch>>>();

/** The match for this connection (one LIST per connection and list of names). */
export function serverFolders(client: ImapFlow, configured: string[]): Promise<FolderMatch> {
  const key = configured.join('\n');
  const byNames = matched.get(client) ?? new Map<string, Promise<FolderMatch>>();
  matched.set(client, byNames);
  let match = byNames.get(key);
  if (!match) {
    match = client.list().then((list) => matchFolders(configured, list));
    match.catch(() => byNames.delete(key));
    byNames.set(key, match);
  }
  return match;
}

/** A folder was created: every connection lists the folders again. */
export function forgetFolders(): void {
  matched = new WeakMap();
}
