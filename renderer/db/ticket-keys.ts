/**
 * Index keys a ticket carries beside its data: `openKey` is 1 on a ticket in an open status (new, open,
 * pending, on hold) and absent otherwise (IndexedDB cannot index booleans; rows without the key stay out of
 * the index), so the inbox's own indexes order every open ticket at once — by due time, update, arrival or
 * priority — in one read (views.ts). `ownerKey` is an open ticket's assignee id ('' when nobody has it), so
 * "My open" and "Unassigned" read their page in their order the same way.
 *
 * Set by Dexie middleware on every write, so no writer can forget it. Above Dexie's hooks, live-query cache
 * and change tracking (levels 0–2), so those see the key too: a ticket that reopens enters the open views
 * at once. Synchronous (the key follows from the row alone), so no Dexie zone is lost on the way down.
 */
import type { DBCore, Middleware } from 'dexie';
import type { Ticket } from '../../shared/domain';
import { isOpenStatus } from '../../shared/statuses';

export type TicketRow = Ticket & { openKey?: 1; ownerKey?: string };


export function withKeys(ticket: TicketRow): TicketRow {
  const { openKey: _open, ownerKey: _owner, ...rest } = ticket;
  return isOpenStatus(ticket.status) ? { ...rest, openKey: 1, ownerKey: ticket.assigneeId ?? '' } : rest;
}

export const ticketKeys: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ticket-keys',
  level: 3,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'tickets') return table;
        return {
          ...table,
          mutate(req) {
            if (req.type !== 'put' && req.type !== 'add') return table.mutate(req);
            return table.mutate({ ...req, values: req.values.map((t: TicketRow) => withKeys(t)) });
          },
        };
      },
    };
  },
};
