/**
 * How cached rows are named. Kept apart from the schemas in domain.ts so the renderer, which needs only
 * these and the types, does not load the validation library on start.
 */
export function localId(accountId: string, remoteId: string): string {
  return `${accountId}:${remoteId}`;
}

/** A customer is one person across every source: the same address is the same Customer, one history. */
export function customerIdFor(email: string): string {
  return `customer:${email.trim().toLowerCase()}`;
}
