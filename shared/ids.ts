/**
 * How cached rows are named. Kept apart from the schemas in domain.ts so the renderer, which needs only
 * these and the types, does not load the validation library on start.
 *
 * Ids are bounded by construction, never by rejection: an id longer than MAX_ID (a 1,000-character
 * Message-ID, a hostile address) keeps a readable start and ends in a hash of the whole, so it is still
 * unique, still the same on every computer and every run, and never refused by a schema at the next start.
 */
import { sha256 } from '@noble/hashes/sha256';

/** The longest id a row may have (the schemas in domain.ts say the same). */
export const MAX_ID = 200;
const HASH_CHARS = 32;

const encoder = new TextEncoder();

/** The first `chars` hex digits of the value's SHA-256. */
export function digest(value: string, chars = HASH_CHARS): string {
  const bytes = sha256(encoder.encode(value));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex.slice(0, chars);
}

/** `value` itself when it fits in `max` characters, else its start, `~` and a hash of all of it. */
export function bounded(value: string, max = MAX_ID): string {
  if (value.length <= max) return value;
  let cut = Math.max(0, max - HASH_CHARS - 1);
  // Never split a surrogate pair: half a character would not survive a round trip through UTF-8.
  const code = value.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
  return `${value.slice(0, cut)}~${digest(value)}`;
}

/** A row's id from its account and the source's id for it; at most MAX_ID characters. */
export function localId(accountId: string, remoteId: string): string {
  return bounded(`${accountId}:${remoteId}`);
}

/**
 * Whether every id `localId` makes for the account begins with `${accountId}:` (an account id so long
 * that the account's part is cut gives no such promise: its rows are found by their accountId instead).
 */
export function idsKeepAccount(accountId: string): boolean {
  return accountId.length + 1 < MAX_ID - HASH_CHARS - 2;
}

/**
 * The part after `${accountId}:` that keeps `localId(accountId, remoteId)` within MAX_ID, for sources
 * whose own ids have no bound (an email conversation is named by its first Message-ID).
 */
export function boundedRemoteId(accountId: string, remoteId: string): string {
  return bounded(remoteId, Math.max(MAX_ID - accountId.length - 1, 2 * HASH_CHARS));
}

/** A customer is one person across every source: the same address is the same Customer, one history. */
export function customerIdFor(email: string): string {
  return bounded(`customer:${email.trim().toLowerCase()}`);
}
