/**
 * Threading rules for email conversations. Pure, so the cache and the tests agree:
 * Message-ID / In-Reply-To / References first, then a subject tag [#N], then the normalized subject
 * with the same participants within a time window.
 */

/** Reply and forward prefixes in the languages our agents meet, possibly repeated or numbered (Re[2]:). */
const prefix = /^\s*((re|fwd?|aw|wg|sv|vs|tr|rif|antw|отв|ответ|пер|перес)\s*(\[\d+\]|\(\d+\))?\s*:\s*)+/iu;

/** The subject without reply/forward prefixes and subject tags, case kept: "Re: [#4] Refund" → "Refund". */
export function baseSubject(subject: string): string {
  let s = subject.replace(/\[#\d+\]/g, ' ');
  for (let i = 0; i < 10 && prefix.test(s); i++) s = s.replace(prefix, '');
  return s.replace(/\s+/g, ' ').trim();
}

export function normalizeSubject(subject: string): string {
  return baseSubject(subject).toLowerCase();
}

/** The ticket number in a subject tag like "[#123]", if any. */
export function subjectTag(subject: string): number | null {
  const match = /\[#(\d{1,9})\]/.exec(subject);
  return match ? Number(match[1]) : null;
}

/** Adds the tag once, keeping the rest of the subject. */
export function withSubjectTag(subject: string, n: number): string {
  return subjectTag(subject) === n ? subject : `${subject.replace(/\s*\[#\d+\]/g, '')} [#${n}]`;
}

/** The root of a message's conversation by its headers: the first reference, else its parent, else itself. */
export function headerRoot(message: { messageId: string; inReplyTo: string | null; references: string[] }): string {
  return message.references[0] ?? message.inReplyTo ?? message.messageId;
}

/** All ids that tie a message to earlier ones. */
export function relatedIds(message: { inReplyTo: string | null; references: string[] }): string[] {
  return [...new Set([...message.references, ...(message.inReplyTo ? [message.inReplyTo] : [])])];
}

export const SUBJECT_WINDOW_MS = 7 * 24 * 60 * 60_000;

/** Same normalized subject, a shared participant and close in time: the last-resort match. */
export function sameConversationBySubject(
  a: { subject: string; participants: string[]; date: number },
  b: { subject: string; participants: string[]; date: number },
  windowMs = SUBJECT_WINDOW_MS,
): boolean {
  const subject = normalizeSubject(a.subject);
  if (subject.length === 0 || subject !== normalizeSubject(b.subject)) return false;
  if (Math.abs(a.date - b.date) > windowMs) return false;
  const others = new Set(b.participants.map((p) => p.toLowerCase()));
  return a.participants.some((p) => others.has(p.toLowerCase()));
}
