/**
 * Browser mode's vault where the OS has a keychain it can reach from the command line: the Secret
 * Service (GNOME Keyring, KWallet) through `secret-tool` on Linux. Secrets then survive a restart of the
 * host, as they do in Electron. The secret goes to `secret-tool` on its standard input, never on a
 * command line (where other users could read it). Elsewhere, or with no keyring unlocked, there is none
 * and secrets stay in memory (vault.ts).
 */
import { execFileSync } from 'node:child_process';
import { log } from '../log';
import { memoryVault, type Vault } from '../services/vault';

const TIMEOUT_MS = 10_000;

export interface KeychainOptions {
  /** Keeps workspaces (data folders) apart in the one keychain. */
  workspace: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

type Run = (args: string[], input?: string) => string;

function runner(env: NodeJS.ProcessEnv): Run {
  return (args, input) => execFileSync('secret-tool', args, { env, input, timeout: TIMEOUT_MS, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** `secret-tool lookup` exits 1 both for "no such secret" and for "no keyring": told apart by stderr. */
function lookup(run: Run, attributes: string[]): string | null {
  try {
    return run(['lookup', ...attributes]);
  } catch (error) {
    const failure = error as { status?: number; stderr?: string };
    if (failure.status === 1 && !failure.stderr?.trim()) return null;
    throw new Error(failure.stderr?.trim() || (error as Error).message);
  }
}

/** The keychain vault, or null when this system has no keychain Switchboard can use (said in the log). */
export function keychainVault({ workspace, platform = process.platform, env = process.env }: KeychainOptions): Vault | null {
  if (platform !== 'linux') return null;
  const run = runner(env);
  const attributes = (accountId: string) => ['service', 'switchboard', 'workspace', workspace, 'account', accountId];
  try {
    lookup(run, attributes('(probe)'));
  } catch (error) {
    log.note(`no OS keychain for browser mode (${(error as Error).message.split('\n')[0]}); passwords are kept in memory while it runs`);
    return null;
  }
  // Read once per account and run; a keychain that stops answering leaves the secret in memory for this run.
  const known = memoryVault();
  const read = new Set<string>();
  return {
    persistence: 'os-keychain',
    get(accountId) {
      if (!read.has(accountId)) {
        read.add(accountId);
        try {
          const secret = lookup(run, attributes(accountId));
          if (secret !== null) known.set(accountId, secret);
        } catch (error) {
          log.warn(`the OS keychain did not answer for ${accountId}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      return known.get(accountId);
    },
    set(accountId, secret) {
      known.set(accountId, secret);
      read.add(accountId);
      try {
        run(['store', '--label', `Switchboard (${accountId})`, ...attributes(accountId)], secret);
      } catch (error) {
        log.warn(`the OS keychain did not keep the secret of ${accountId}; it is kept in memory until browser mode stops (${(error as Error).message.split('\n')[0]})`);
      }
    },
    delete(accountId) {
      known.delete(accountId);
      try {
        run(['clear', ...attributes(accountId)]);
      } catch {
        // nothing stored, or no keychain: nothing to remove
      }
    },
  };
}
