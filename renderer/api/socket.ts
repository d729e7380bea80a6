/**
 * Browser mode's transport: the contract over a WebSocket to the local host. The data folder's key
 * travels as a subprotocol, never in a URL the server could log. Calls made while the socket is down
 * wait for it briefly, then answer `unavailable`; when the host comes back (it keeps its key) the socket
 * opens again by itself. A key the host refuses is expired until a new address is pasted into this tab:
 * a changed `#token=` is taken at once, no reload.
 */
import type { Envelope, EventListener, EventName, MethodName, RawApi } from '../../shared/contract';
import { eventNames, methodNames } from '../../shared/contract/names';

export const CLOSE_UNAUTHORIZED = 4401;
const CALL_TIMEOUT_MS = 30_000;

type Pending = { resolve: (e: Envelope<unknown>) => void; timer: ReturnType<typeof setTimeout> };

/** The key in this page's address, if any. */
export const tokenInAddress = (): string | null => new URLSearchParams(location.hash.slice(1)).get('token');

/** `onRenewed`: a new key was given after the old one expired (the page shows the app again). */
export function connectSocket(initialToken: string, onExpired: () => void, onRenewed: () => void = () => undefined): RawApi {
  let token = initialToken;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let nextId = 1;
  let ws: WebSocket;
  let retryMs = 500;
  let expired = false;

  const unavailable = (message: string): Envelope<never> => ({ ok: false, error: { code: 'unavailable', message } });

  function open(): void {
    ws = new WebSocket(url, ['switchboard.v1', `token.${token}`]);
    const socket = ws;
    ws.onopen = () => {
      retryMs = 500;
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as { id?: number; result?: Envelope<unknown>; event?: EventName; payload?: unknown };
      if (typeof frame.id === 'number') {
        const call = pending.get(frame.id);
        pending.delete(frame.id);
        if (call) {
          clearTimeout(call.timer);
          call.resolve(frame.result ?? unavailable('Empty answer from Switchboard'));
        }
      } else if (frame.event) {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    };
    ws.onclose = (event) => {
      if (ws !== socket) return; // replaced by a socket with a new key
      if (event.code === CLOSE_UNAUTHORIZED) {
        expired = true;
        for (const [id, call] of pending) {
          clearTimeout(call.timer);
          call.resolve({ ok: false, error: { code: 'forbidden', message: 'This link has expired — paste the newest address Switchboard printed' } });
          pending.delete(id);
        }
        onExpired();
        return;
      }
      // What was under way has no answer coming: said at once (the outbox counts a change that stopped the host).
      for (const [id, call] of pending) {
        clearTimeout(call.timer);
        call.resolve({ ok: false, error: { code: 'interrupted', message: 'Switchboard stopped while this was under way' } });
        pending.delete(id);
      }
      // The host restarted or the laptop slept: try again, a little slower each time.
      setTimeout(() => ws === socket && open(), retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  }
  open();
  // A new address pasted into this tab (the host was started with --new-token): its key, at once.
  window.addEventListener('hashchange', () => {
    const next = tokenInAddress();
    if (!next || next === token) return;
    token = next;
    const wasExpired = expired;
    expired = false;
    retryMs = 500;
    const old = ws;
    open();
    old.close();
    if (wasExpired) onRenewed();
  });

  function call(method: MethodName, params: unknown): Promise<Envelope<unknown>> {
    if (expired) return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'This link has expired — paste the newest address Switchboard printed' } });
    const id = nextId++;
    const frame = JSON.stringify({ id, method, params });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(unavailable('Switchboard did not answer; is it still running?'));
      }, CALL_TIMEOUT_MS);
      pending.set(id, { resolve, timer });
      if (ws.readyState === WebSocket.OPEN) ws.send(frame);
      else queue.push(frame);
    });
  }

  const api: Record<string, unknown> = {
    on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
      if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
  for (const method of methodNames) api[method] = (params: unknown) => call(method, params);
  return api as RawApi;
}
