/** While the agent signs in in the browser: what to do, the page again if it got lost, and a way to stop. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Params } from '../../../shared/contract';
import { signInInBrowser, type BrowserSignIn } from './sign-in';

export function useBrowserSignIn() {
  const [running, setRunning] = useState<BrowserSignIn | null>(null);
  const run = async (target: Params<'beginSignIn'>) => {
    const signIn = await signInInBrowser(target);
    setRunning(signIn);
    try {
      return { ...(await signIn.outcome), signInId: signIn.signInId };
    } finally {
      setRunning(null);
    }
  };
  return { running, run };
}

export function SignInWaiting({ signIn }: { signIn: BrowserSignIn }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="sign-in-waiting">
      <p>{t('signIn.waiting')}</p>
      <a href={signIn.url} target="_blank" rel="noopener noreferrer">
        {t('signIn.openAgain')}
      </a>{' '}
      <button type="button" onClick={signIn.cancel}>
        {t('signIn.cancel')}
      </button>
    </div>
  );
}
