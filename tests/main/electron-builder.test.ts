import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { oneClik: true } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/); // a misspelt option is caught
  });

  it('names every target: Windows nsis per user, macOS dmg and zip, Linux AppImage and deb', () => {
    const targets = (os: string) => (config[os]!.target as { target: string }[]).map((t) => t.target);
    expect(targets('win')).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false });
    expect(targets('mac')).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/entitlements.mac.plist' });
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
  });

  it('names an update feed for electron-updater, and a generic server validates too', async () => {
    const publish = config.publish as unknown as { provider: string }[];
    expect(['github', 'generic']).toContain(publish[0]!.provider);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration({ ...config, publish: [{ provider: 'generic', url: 'https://updates.example.com/switchboard' }] }, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packages only the built app: no sources or tests', () => {
    const files = config.files as unknown as string[];
    expect(files).toContain('out/**/*');
    expect(files.some((f) => f.startsWith('!') && f.includes('tests'))).toBe(true);
  });
});
