/** The fixed lists of the domain, free of any dependency so every bundle can import them cheaply. */
export const ticketStatuses = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const channels = ['email', 'web', 'chat', 'phone', 'social', 'api'] as const;
