/**
 * Which sources main can reach now, per account — told by the outcome of every pull and push rather than
 * by the OS's idea of "online" (a VPN down, a helpdesk in maintenance, a mail server refusing connections).
 * A change is announced as `connectivityChanged`.
 */
import { isAppErrorShape, type Emit } from '../../shared/contract';

export interface Reach {
  reachable: boolean;
  since: number;
  /** Why not, in the agent's words (the source's error). */
  message?: string;
}

export class Connectivity {
  private readonly reach = new Map<string, Reach>();

  constructor(private readonly emit: Emit) {}

  all(): Record<string, Reach> {
    return Object.fromEntries(this.reach);
  }

  private set(accountId: string, reachable: boolean, message?: string): void {
    const known = this.reach.get(accountId);
    if (known?.reachable === reachable && known.message === message) return;
    this.reach.set(accountId, { reachable, since: Date.now(), ...(message ? { message } : {}) });
    this.emit('connectivityChanged', { accountId, reachable, ...(message ? { message } : {}) });
  }

  /** Runs a call to a source and notes whether the source answered (any answer, even a refusal, is reach). */
  async track<T>(accountId: string, call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.set(accountId, true);
      return result;
    } catch (error) {
      if (isAppErrorShape(error) && error.code === 'unavailable') this.set(accountId, false, error.message);
      else this.set(accountId, true);
      throw error;
    }
  }

  forget(accountId: string): void {
    this.reach.delete(accountId);
  }
}
