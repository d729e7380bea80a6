/**
 * What a macro and a team's macro file may hold (shared/macros.ts runs them): checked where one is saved or
 * imported. Kept apart from the macros themselves so the UI's start does not build these schemas.
 */
import { z } from 'zod';
import { Priority, TicketStatus } from './domain';

const Tags = z.array(z.string().trim().min(1).max(100)).min(1).max(20);
const Text = z.string().min(1).max(20_000);

export const MacroAction = z.discriminatedUnion('type', [
  /** A reply to the customer: a template's text (by id) or the macro's own; placeholders filled per ticket. */
  z.object({ type: z.literal('reply'), templateId: z.string().min(1).max(200).optional(), text: Text.optional() }).strict()
    .refine((a) => !!a.templateId !== !!a.text, 'a reply names a template or has its own text, not both'),
  z.object({ type: z.literal('setStatus'), status: TicketStatus }).strict(),
  z.object({ type: z.literal('setPriority'), priority: Priority }).strict(),
  /**
   * The agent running the macro, nobody, or a colleague by address (each source's agent with that address:
   * names differ per source, addresses do not).
   */
  z.object({ type: z.literal('assign'), to: z.union([z.enum(['me', 'nobody']), z.string().max(320).email()]) }).strict(),
  z.object({ type: z.literal('addTags'), tags: Tags }).strict(),
  z.object({ type: z.literal('removeTags'), tags: Tags }).strict(),
  z.object({ type: z.literal('note'), text: Text }).strict(),
  z.object({ type: z.literal('snooze'), hours: z.number().int().min(1).max(24 * 90) }).strict(),
  /** To the next support line's team, with the reason as an internal note. */
  z.object({ type: z.literal('escalate'), reason: z.string().trim().min(1).max(2000) }).strict(),
]);
export type MacroAction = z.infer<typeof MacroAction>;

export const Macro = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(200),
    /** A key of its own (a letter or digit): typed after `m`, it puts the macro first; Enter runs it. */
    key: z.string().regex(/^[a-z0-9]$/).optional(),
    lang: z.enum(['en', 'ru']).optional(),
    actions: z.array(MacroAction).min(1).max(20),
  })
  .strict();
export type Macro = z.infer<typeof Macro>;

/** The file a team shares: `{ "format": "switchboard-macros", "version": 1, "macros": [ … ] }`. */
export const MacroFile = z.object({ format: z.literal('switchboard-macros'), version: z.literal(1), macros: z.array(Macro).max(500) }).strict();
export type MacroFile = z.infer<typeof MacroFile>;
