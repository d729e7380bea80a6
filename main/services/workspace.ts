/**
 * The accounts this installation works with and their connectors. For now: the demo workspace, shown
 * until the agent removes it. Settings live in `settings.json` in the data directory.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Connector } from '../../shared/connector';
import { AppError, type Emit } from '../../shared/contract';
import type { Account, Agent } from '../../shared/domain';
import { DemoConnector } from '../connectors/demo/connector';
import { readJson, writeJsonAtomic } from './files';

const Settings = z.object({ demoRemoved: z.boolean().default(false) });
type Settings = z.infer<typeof Settings>;

export class Workspace {
  private settings: Settings;
  private demo: DemoConnector | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly emit: Emit,
  ) {
    this.settings = readJson(this.settingsFile, Settings) ?? { demoRemoved: false };
  }

  private get settingsFile(): string {
    return join(this.dataDir, 'settings.json');
  }

  private connectors(): Connector[] {
    if (this.settings.demoRemoved) return [];
    this.demo ??= new DemoConnector(join(this.dataDir, 'demo.json'));
    return [this.demo];
  }

  accounts(): Account[] {
    return this.connectors().map((c) => c.account);
  }

  /** The signed-in agent of each account that has one. */
  me(): Agent[] {
    return this.connectors().flatMap((c) => (c.me ? [c.me] : []));
  }

  connector(accountId: string): Connector {
    const found = this.connectors().find((c) => c.account.id === accountId);
    if (!found) throw new AppError('not_found', `No account "${accountId}" in this workspace`);
    return found;
  }

  setDemoRemoved(removed: boolean): boolean {
    if (this.settings.demoRemoved === removed) return false;
    this.settings = { ...this.settings, demoRemoved: removed };
    writeJsonAtomic(this.settingsFile, this.settings);
    this.emit('accountsChanged', {});
    return true;
  }
}
