/** The fixed lists of the domain, free of any dependency so every bundle can import them cheaply. */
export const ticketStatuses = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
/** The statuses a ticket still needs work in (the inbox's open views, SLA counts). */
export const openStatuses: readonly (typeof ticketStatuses)[number][] = ['new', 'open', 'pending', 'on-hold'];
export const isOpenStatus = (status: string): boolean => (openStatuses as readonly string[]).includes(status);
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const channels = ['email', 'web', 'chat', 'phone', 'social', 'api'] as const;

/** The source's own status names that say what ours says, so they need not be shown beside ours. */
const SAME_NAMES: Record<(typeof ticketStatuses)[number], string[]> = {
  new: ['new'],
  open: ['open', 'active'],
  pending: ['pending'],
  'on-hold': ['on-hold', 'on hold', 'hold'],
  solved: ['solved', 'resolved'],
  closed: ['closed'],
};

/**
 * Whether the source's own status name says something ours does not (a custom status like "Waiting on
 * third party", RT's "stalled", a value Switchboard does not know): then it is shown beside ours.
 */
export function showsSourceStatus(status: (typeof ticketStatuses)[number], sourceStatus: string): boolean {
  const name = sourceStatus.trim().toLowerCase();
  return name !== '' && !SAME_NAMES[status].includes(name);
}
