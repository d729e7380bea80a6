import { describe, expect, it, vi } from 'vitest';
import { AppError, type Handlers } from '../../../shared/contract';
import { dispatch } from '../../../main/services/dispatch';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = async () => {
    throw new Error('not used in this test');
  };
  return {
    appInfo: async () => ({ version: '1.2.3', mode: 'browser', me: [], platform: 'linux' }),
    listAccounts: async () => [],
    pull: async ({ cursor }) => ({ changes: [], nextCursor: cursor ?? 'start', done: true }),
    push: fail,
    removeDemo: fail,
    restoreDemo: fail,
    testAccount: fail,
    addAccount: fail,
    removeAccount: fail,
    fetchAttachment: fail,
    stageFile: fail,
    discardFiles: fail,
    readFile: fail,
    articles: fail,
    notify: fail,
    setBadge: fail,
    diagnostics: fail,
    openExternal: fail,
    shellState: fail,
    setSyncPaused: fail,
    setDesktopSettings: fail,
    reportActivity: fail,
    installUpdate: fail,
    about: fail,
    connectivity: fail,
    changeSecret: fail,
    discoverServers: fail,
    beginSignIn: fail,
    finishSignIn: fail,
    cancelSignIn: fail,
    ...overrides,
  };
}

describe('dispatch validates every call against the contract', () => {
  it('answers a valid call with its result', async () => {
    expect(await dispatch(handlers(), 'pull', { accountId: 'demo', cursor: null })).toEqual({
      ok: true,
      value: { changes: [], nextCursor: 'start', done: true },
    });
  });

  it('rejects a missing field with invalid_request naming the field', async () => {
    const result = await dispatch(handlers(), 'pull', { cursor: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/^Invalid request to pull: accountId: /);
  });

  it('rejects a field of the wrong type, naming its path', async () => {
    const result = await dispatch(handlers(), 'push', { mutation: { id: 'x'.repeat(10), op: { type: 'setStatus', status: 'exploded' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/mutation\.\w+/);
  });

  it('rejects unexpected extra fields', async () => {
    const result = await dispatch(handlers(), 'appInfo', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('rejects an unknown method', async () => {
    expect(await dispatch(handlers(), 'deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(handlers(), { toString: null }, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('passes an AppError through with its code', async () => {
    const result = await dispatch(
      handlers({ pull: async () => { throw new AppError('not_found', 'No account "x" in this workspace'); } }),
      'pull',
      { accountId: 'x', cursor: null },
    );
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No account "x" in this workspace' } });
  });

  it('carries how long a rate-limited source asked us to wait', async () => {
    const result = await dispatch(
      handlers({ pull: async () => { throw new AppError('unavailable', 'Zendesk asks us to wait 40 s.', 40_000); } }),
      'pull',
      { accountId: 'x', cursor: null },
    );
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'Zendesk asks us to wait 40 s.', retryAfterMs: 40_000 } });
  });

  it('turns an unexpected failure into internal, without echoing the payload', async () => {
    const secret = 'hunter2-password';
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const result = await dispatch(
      handlers({ pull: async ({ accountId }) => { throw new Error(`boom ${accountId}`); } }),
      'pull',
      { accountId: secret, cursor: null },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(logged.mock.calls.join('\n')).toContain('pull failed');
    expect(logged.mock.calls.join('\n')).not.toContain(secret);
  });
});
