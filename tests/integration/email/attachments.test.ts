import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { rawClient, settingsFor } from '../peers/mail';

let dc: Dovecot;
beforeAll(async () => {
  dc = await startDovecot();
  const box = await rawClient(dc, users.agent);
  await box.append('INBOX', readFileSync(join(__dirname, '../../fixtures/mail/nested.eml')));
  await box.logout();
});
afterAll(() => dc?.stop());

it('lists attachments and embedded images as metadata, then fetches the content (and the original) on demand', async () => {
  const connector = new EmailConnector(settingsFor(dc, 1, users.agent, { folders: ['INBOX'] }), 'agent', () => users.agent.password);
  try {
    const page = await connector.pull(null);
    const mail = page.changes.flatMap((c) => (c.kind === 'mail' ? [c.mail] : []))[0]!;
    expect(mail.attachments).toEqual([expect.objectContaining({ name: 'invoice.pdf', type: 'application/pdf' })]);
    const content = await connector.fetchAttachment(mail.attachments[0]!.id);
    expect(content).toMatchObject({ name: 'invoice.pdf', type: 'application/pdf' });
    expect(Buffer.from(content.data).toString()).toBe('%PDF-1.4 fake invoice');
    const image = await connector.fetchAttachment(mail.inline[0]!.attachmentId);
    expect(image.type).toBe('image/png');
    expect(Buffer.from(image.data).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    await expect(connector.fetchAttachment(`agent:INBOX:${mail.uidValidity}:${mail.uid}:inline:7`)).rejects.toMatchObject({ code: 'not_found' });
    const original = await connector.fetchAttachment(`agent:INBOX:${mail.uidValidity}:${mail.uid}:raw`);
    expect(original.type).toBe('message/rfc822');
    expect(Buffer.from(original.data).toString()).toContain('Subject: Invoice attached, with a screenshot');
    await expect(connector.fetchAttachment('someone-else:INBOX:1:1:0')).rejects.toMatchObject({ code: 'invalid_request' });
  } finally {
    await connector.close();
  }
});
