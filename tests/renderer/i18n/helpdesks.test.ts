/** Every helpdesk of the registry (shared/helpdesks.ts) is named, with its token and form fields explained, in both languages. */
import { describe, expect, it } from 'vitest';
import { helpdesks } from '../../../shared/helpdesks';
import { en } from '../../../renderer/i18n/en';
import { ru } from '../../../renderer/i18n/ru';

const lookup = (resources: object, key: string) => key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], resources);

describe('helpdesks in English and Russian', () => {
  it.each(helpdesks.map((h) => [h.type, h] as const))('%s: named, with its token and form fields explained, in English and Russian', (_type, h) => {
    for (const resources of [en, ru]) {
      for (const key of [`accounts.kind.${h.type}`, `accounts.token.${h.type}`, `accounts.tokenHint.${h.type}`, ...h.fields.map((f) => f.label)]) {
        expect(lookup(resources, key), key).toEqual(expect.stringMatching(/\S/));
      }
    }
  });
});
