/**
 * A reply or note sent to a helpdesk exactly once, though none takes an idempotency key for comments:
 * before sending, and after, the ticket is read; a message with the same text and kind, no older than the
 * mutation (less some clock skew), is the one already sent.
 */
import { AppError } from '../../../shared/contract';
import type { Message } from '../../../shared/domain';
import type { Mutation } from '../../../shared/mutation';

const SKEW_MS = 5 * 60_000;

export async function sendOnce(
  mutation: Mutation,
  reply: { text: string; internal: boolean },
  io: { source: string; messages: () => Promise<Message[]>; send: () => Promise<unknown> },
): Promise<Message> {
  const find = (messages: Message[]) =>
    [...messages].reverse().find((m) => m.internal === reply.internal && m.text.trim() === reply.text.trim() && m.createdAt >= mutation.createdAt - SKEW_MS);
  let found = find(await io.messages());
  if (!found) {
    await io.send();
    found = find(await io.messages());
  }
  if (!found) throw new AppError('unavailable', `${io.source} accepted the reply but does not show it yet; Switchboard checks again.`);
  return found;
}
