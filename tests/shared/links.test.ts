import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, safeExternalUrl } from '../../shared/links';

describe('external links', () => {
  it.each(['https://example.com/help', 'mailto:agent@example.test'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pass@example.com',
    'switchboard://ticket/1',
    'not a url',
    'mailto:',
    // What the URL parser would first repair: refused, not guessed at.
    'https:\\\\evil.example',
    'https:/\\evil.example/',
    ' https://example.com',
    '\thttps://example.com',
    'https://example.com/\n',
    'java\nscript:alert(1)',
    'mailto:a@b.example?subject=%E0%A4%A',
    'mailto: ?',
    'mailto:\u00a0',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('hands over the URL as parsed: what was checked is what opens', () => {
    expect(safeExternalUrl('https://EXAMPLE.com/a b?q=1#x')).toBe('https://example.com/a%20b?q=1#x');
    expect(safeExternalUrl('https://xn--e1afmkfd.example/')).toBe('https://xn--e1afmkfd.example/');
  });

  it('keeps only subject, body and cc of a mailto: link', () => {
    expect(safeExternalUrl('mailto:help@vendor.example?attach=/etc/passwd&subject=Hello%20there')).toBe('mailto:help@vendor.example?subject=Hello%20there');
    expect(safeExternalUrl('mailto:a@b.example?Body=1+1%3D2&CC=c@d.example&bcc=x@y.example&X-Header=1')).toBe('mailto:a@b.example?body=1%2B1%3D2&cc=c%40d.example');
    expect(safeExternalUrl('mailto:a@b.example?attachment=C:\\x')).toBeNull(); // a backslash anywhere
    expect(safeExternalUrl('mailto:a@b.example?file=/etc/passwd')).toBe('mailto:a@b.example');
  });

  it('never lets through anything but https: or mailto:, and never a mailto: parameter it does not know', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('mailto:', 'https:', 'file:', 'javascript:').chain((p) => fc.string().map((s) => p + s))), (raw) => {
        const safe = safeExternalUrl(raw);
        if (safe === null) return;
        const url = new URL(safe);
        expect(['https:', 'mailto:']).toContain(url.protocol);
        expect(safeExternalUrl(safe)).toBe(safe); // stable: the result passes as it is
        if (url.protocol === 'mailto:') for (const name of url.searchParams.keys()) expect(['subject', 'body', 'cc']).toContain(name);
      }),
      { numRuns: Number(process.env.SB_LINK_RUNS ?? 500) },
    );
  });
});
