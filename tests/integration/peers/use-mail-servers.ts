/** For a vitest file: a private Dovecot and an SMTP server delivering into it, started before and stopped after. */
import { afterAll, beforeAll } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

export function useMailServers(): { dc: () => Dovecot; sink: () => SmtpSink } {
  let dc: Dovecot | undefined;
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    dc = await startDovecot();
    sink = await startSmtpSink(dc.lmtpSocket);
  });
  afterAll(async () => {
    await sink?.stop();
    dc?.stop();
  });
  return { dc: () => dc!, sink: () => sink! };
}
