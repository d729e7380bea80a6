import { describe, expect, it } from 'vitest';
import { matchFolders } from '../../../../main/connectors/email/folders';

describe('the account’s folders on this server', () => {
  it('finds "Sent" by its special use, under the namespace prefix, or by case; names what is nowhere', () => {
    const courier = [{ path: 'INBOX', delimiter: '.', specialUse: '\\Inbox' }, { path: 'INBOX.Sent', delimiter: '.', specialUse: '\\Sent' }];
    expect(matchFolders(['INBOX', 'Sent'], courier)).toEqual({ paths: ['INBOX', 'INBOX.Sent'], missing: [] });
    const gmail = [{ path: 'INBOX', delimiter: '/' }, { path: '[Gmail]/Sent Mail', delimiter: '/', specialUse: '\\Sent' }];
    expect(matchFolders(['INBOX', 'Sent'], gmail)).toEqual({ paths: ['INBOX', '[Gmail]/Sent Mail'], missing: [] });
    const plain = [{ path: 'INBOX', delimiter: '.' }, { path: 'INBOX.Support', delimiter: '.' }, { path: 'archive', delimiter: '.' }];
    expect(matchFolders(['INBOX', 'Support', 'Archive', 'Nowhere'], plain)).toEqual({ paths: ['INBOX', 'INBOX.Support', 'archive'], missing: ['Nowhere'] });
  });
});
