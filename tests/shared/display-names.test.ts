import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extensionOf, safeNames, withoutBidi } from '../../shared/display-names';
import type { Change } from '../../shared/sync';

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const lying = fc.tuple(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...BIDI)), { maxLength: 12 })).map(([parts]) => parts.join(''));

describe('names that cannot lie', () => {
  it('shows the real end of a file name whatever the overrides say', () => {
    expect(withoutBidi('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(extensionOf('invoice\u202Efdp.exe')).toBe('exe');
    expect(extensionOf('report.final.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('archive.tar.\u2067gz\u2069')).toBe('gz');
  });

  it('leaves no bidi control in any pulled name: senders, recipients, customers, agents, files', () => {
    fc.assert(
      fc.property(lying, lying, lying, (a, b, c) => {
        const changes: Change[] = [
          { kind: 'customer', customer: { id: 'c', accountId: 'x', name: a, email: 'c@x.test', vip: false } as never },
          { kind: 'agent', agent: { id: 'g', accountId: 'x', name: b, email: 'g@x.test' } },
          { kind: 'message', message: { id: 'm', ticketId: 't', accountId: 'x', author: { name: a, email: 'a@x.test' }, direction: 'in', internal: false, createdAt: 0, text: 'body', attachments: [{ id: 'f', name: c, size: 1, type: 'x' }] } },
          { kind: 'mail', mail: { from: { name: a, email: 'a@x.test' }, to: [{ name: b, email: 'b@x.test' }], cc: [{ name: c, email: 'c@x.test' }], attachments: [{ id: 'f', name: b, size: 1, type: 'x' }] } as never },
        ];
        const shown = JSON.stringify(changes.map(safeNames));
        for (const control of BIDI) expect(shown).not.toContain(JSON.stringify(control).slice(1, -1));
        expect(shown).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
      }),
      { numRuns: 300 },
    );
  });
});
