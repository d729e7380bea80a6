import { describe, expect, it } from 'vitest';
import { headerRoot, normalizeSubject, sameConversationBySubject, subjectTag, withSubjectTag } from '../../shared/threading';

describe('threading rules', () => {
  it('normalizes reply and forward prefixes in several languages', () => {
    for (const s of ['Re: Refund', 'RE: re: Refund', 'Fwd: Refund', 'AW: Refund', 'Отв: Refund', 'Ответ: Refund', 'Re[2]: Refund', 'Re: [#12] Refund', '  refund  ']) {
      expect(normalizeSubject(s), s).toBe('refund');
    }
    expect(normalizeSubject('Reminder: pay')).toBe('reminder: pay');
  });

  it('reads and writes the subject tag once', () => {
    expect(subjectTag('Re: Refund [#123]')).toBe(123);
    expect(subjectTag('Refund #123')).toBeNull();
    expect(withSubjectTag('Re: Refund', 7)).toBe('Re: Refund [#7]');
    expect(withSubjectTag('Re: Refund [#7]', 7)).toBe('Re: Refund [#7]');
  });

  it('finds the conversation root from References, then In-Reply-To, then the message itself', () => {
    expect(headerRoot({ messageId: 'c', inReplyTo: 'b', references: ['a', 'b'] })).toBe('a');
    expect(headerRoot({ messageId: 'c', inReplyTo: 'b', references: [] })).toBe('b');
    expect(headerRoot({ messageId: 'c', inReplyTo: null, references: [] })).toBe('c');
  });

  it('matches by subject only with a shared participant within the window', () => {
    const a = { subject: 'Re: Login broken', participants: ['anna@example.ru', 'agent@example.test'], date: 0 };
    expect(sameConversationBySubject(a, { subject: 'Login broken', participants: ['ANNA@example.ru'], date: 3600_000 })).toBe(true);
    expect(sameConversationBySubject(a, { subject: 'Login broken', participants: ['bob@example.com'], date: 0 })).toBe(false);
    expect(sameConversationBySubject(a, { subject: 'Login broken', participants: ['anna@example.ru'], date: 30 * 86400_000 })).toBe(false);
    expect(sameConversationBySubject({ ...a, subject: 'Re:' }, { subject: '', participants: ['anna@example.ru'], date: 0 })).toBe(false);
  });
});
