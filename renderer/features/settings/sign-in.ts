/**
 * An OAuth2 sign-in in the system browser, from the page's side: main starts it and opens the provider's
 * page (Electron), or this page opens it in a new tab (browser mode); then main is asked until the agent
 * has finished there (each answer within 20 seconds; main ends the sign-in after ten minutes).
 */
import type { Params, Result } from '../../../shared/contract';
import { api } from '../../api';

export interface BrowserSignIn {
  signInId: string;
  url: string;
  /** Resolves with the outcome; `cancel()` ends it. */
  outcome: Promise<Exclude<Result<'finishSignIn'>, { waiting: true }>>;
  cancel(): void;
}

export async function signInInBrowser(target: Params<'beginSignIn'>): Promise<BrowserSignIn> {
  const { signInId, url, opened } = await api().beginSignIn(target);
  if (!opened) window.open(url, '_blank', 'noopener');
  let cancelled = false;
  const outcome = (async () => {
    for (;;) {
      const answer = await api().finishSignIn({ signInId });
      if (!('waiting' in answer)) return answer;
      if (cancelled) return { ok: false as const, message: '' };
    }
  })();
  return {
    signInId,
    url,
    outcome,
    cancel: () => {
      cancelled = true;
      void api().cancelSignIn({ signInId });
    },
  };
}
