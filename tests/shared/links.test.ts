import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../shared/links';

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
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});
