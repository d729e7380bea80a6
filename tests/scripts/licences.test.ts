import { describe, expect, it } from 'vitest';
import { collectLicences, shippedPackages } from '../../scripts/licences.mjs';

describe('licences shown in About', () => {
  it('lists what the app ships, with licence texts, and no development tools', () => {
    const licences = collectLicences();
    const byName = new Map(licences.map((l) => [l.name, l]));
    expect(byName.get('dexie')).toMatchObject({ license: 'Apache-2.0', text: expect.stringContaining('Apache License') });
    expect(byName.get('react')).toMatchObject({ license: 'MIT' });
    expect(byName.get('imapflow')).toBeDefined();
    for (const dev of ['vitest', 'electron', 'electron-builder', 'typescript', 'flexsearch']) expect(byName.has(dev)).toBe(false);
  });

  it('takes the production tree of the lock file only', () => {
    const lock = {
      packages: {
        '': { name: 'switchboard' },
        'node_modules/a': { version: '1.0.0' },
        'node_modules/b': { version: '1.0.0', dev: true },
        'node_modules/c': { version: '1.0.0', devOptional: true },
        'node_modules/a/node_modules/d': { version: '2.0.0' },
      },
    };
    expect(shippedPackages(lock).map((p) => p.name)).toEqual(['a', 'd']);
  });
});
