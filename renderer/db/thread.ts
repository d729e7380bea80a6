/** A ticket's messages, oldest first: the one query for a thread (any key a message's date was stored as). */
import Dexie from 'dexie';
import type { SwitchboardDb } from './schema';

export const threadOf = (db: SwitchboardDb, ticketId: string) => db.messages.where('[ticketId+createdAt]').between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey]);
