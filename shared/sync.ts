/**
 * The pull protocol every Connector speaks: pull(cursor) → { changes, nextCursor, done }.
 * The cursor is opaque to everyone but the connector that made it.
 */
import { z } from 'zod';
import { Agent, Customer, Message, Ticket } from './domain';

export const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: Ticket }),
  z.object({ kind: z.literal('message'), message: Message }),
  z.object({ kind: z.literal('customer'), customer: Customer }),
  z.object({ kind: z.literal('agent'), agent: Agent }),
]);
export type Change = z.infer<typeof Change>;

export const PullResult = z.object({
  changes: z.array(Change),
  nextCursor: z.string(),
  done: z.boolean(),
});
export type PullResult = z.infer<typeof PullResult>;
