/**
 * The renderer's handle on main: `api().pull(...)` and friends. In Electron the preload provides the
 * transport (`window.switchboard`); in a plain browser the page connects over the WebSocket. Either way
 * the envelopes are unwrapped here: results resolve, `{ code, message }` errors throw as AppError.
 */
import type { Api, Envelope, RawApi } from '../../shared/contract';
import { AppError } from '../../shared/contract/errors';
import { methodNames } from '../../shared/contract/names';
import { connectSocket, tokenInAddress } from './socket';

declare global {
  interface Window {
    switchboard?: RawApi;
  }
}

let current: Api | null = null;

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.code, envelope.error.message, envelope.error.retryAfterMs);
}

export function wrap(raw: RawApi): Api {
  const api: Record<string, unknown> = { on: raw.on.bind(raw) };
  for (const method of methodNames) {
    const send = raw[method] as (params: unknown) => Promise<Envelope<unknown>>;
    api[method] = async (params: unknown) => unwrap(await send(params));
  }
  return api as Api;
}

/**
 * Connects once. Returns null when there is no way in (browser mode without a token). `onRenewed`: a
 * new key was pasted after the old one expired.
 */
export function connect(onExpired: () => void, onRenewed?: () => void): Api | null {
  if (current) return current;
  if (window.switchboard) {
    current = wrap(window.switchboard);
    return current;
  }
  const token = tokenInAddress();
  if (!token) return null;
  current = wrap(connectSocket(token, onExpired, onRenewed));
  return current;
}

export function api(): Api {
  if (!current) throw new Error('api() used before connect()');
  return current;
}

export function isBrowserMode(): boolean {
  return !window.switchboard;
}
