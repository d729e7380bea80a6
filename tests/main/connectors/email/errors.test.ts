import { describe, expect, it } from 'vitest';
import { explain } from '../../../../main/connectors/email/errors';

const ctx = { kind: 'IMAP' as const, host: 'imap.example.com', port: 993, user: 'agent@example.com' };

describe('connection errors in the agent’s words', () => {
  it.each([
    [{ code: 'ENOTFOUND' }, 'name_lookup', 'The server name "imap.example.com" could not be found. Check its spelling and your network.'],
    [{ code: 'ECONNREFUSED' }, 'connect', 'Nothing answered at imap.example.com:993. Check the port and that the server is running.'],
    [{ code: 'ETIMEDOUT' }, 'timeout', 'The mail server at imap.example.com:993 did not answer in time.'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'certificate', 'The mail server at imap.example.com:993 presented a certificate this computer does not trust.'],
    [{ authenticationFailed: true }, 'auth', 'The mail server refused the password for agent@example.com.'],
  ])('%j → %s', (error, problem, message) => {
    expect(explain(error, ctx)).toMatchObject({ problem, message });
  });

  it('never repeats what the server or the error said verbatim (it may hold a password)', () => {
    const e = explain({ code: 'EWEIRD', message: 'LOGIN agent hunter2 failed' }, ctx);
    expect(e.message).not.toContain('hunter2');
  });
});
