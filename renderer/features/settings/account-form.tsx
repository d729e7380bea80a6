/** What the add-account forms share: Test connection, Add, and how the outcome is shown. */
import { type ReactNode, useState } from 'react';
import i18n, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccountSettings } from '../../../shared/accounts';
import type { Result } from '../../../shared/contract';
import { api } from '../../api';
import { useApp } from '../../app/context';

export interface AccountForm {
  result: Result<'testAccount'> | null;
  setResult(result: Result<'testAccount'> | null): void;
  error: string | null;
  busy: boolean;
  test(): void;
  save(): void;
}

/**
 * A field main refused ("Invalid request to addAccount: settings.smtp.host: Too small…") in the form's own
 * words: "Check “Outgoing mail (SMTP) → Server”: it is empty or not valid." Anything else as it came.
 */
export function explainRefusal(message: string, t: TFunction): string {
  const path = /settings\.([\w.]+):/.exec(message)?.[1];
  if (!path) return message;
  const label = (part: string) => (i18n.exists(`accounts.${part}`) ? t(`accounts.${part}`) : part);
  return t('accounts.invalidField', { field: path.split('.').map(label).join(' → ') });
}

/** `settings()` and `secret` (a password or a token) as the form has them now. */
export function useAccountForm(settings: () => AccountSettings, secret: string, onDone: () => void): AccountForm {
  const { t } = useTranslation();
  const { commands } = useApp();
  const [result, setResult] = useState<Result<'testAccount'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(explainRefusal(e instanceof Error ? e.message : String(e), t));
    } finally {
      setBusy(false);
    }
  };
  return {
    result,
    setResult,
    error,
    busy,
    test: () => void run(async () => setResult(await api().testAccount({ settings: settings(), password: secret }))),
    save: () =>
      void run(async () => {
        await commands.addAccount({ settings: settings(), password: secret });
        onDone();
      }),
  };
}

/** The outcome of a test (the problem in general words, then exactly), errors, and the buttons. */
export function AccountFormFooter(props: { form: AccountForm; onCancel: () => void; general?: boolean; children?: ReactNode; saveLabel?: string; test?: boolean; busy?: boolean }) {
  const { form, onCancel, general = true, children, saveLabel, test = true } = props;
  const busy = form.busy || !!props.busy;
  const { t } = useTranslation();
  const { result } = form;
  return (
    <>
      {result?.ok && <p role="status">{t('accounts.works')} {result.notes.join(' ')}</p>}
      {result && !result.ok && (
        <div role="alert" className="error">
          {general && <p>{t(`accounts.problem.${result.problem}`, { defaultValue: result.message })}</p>}
          <p className={general ? 'muted' : undefined}>{result.message}</p>
          {children}
        </div>
      )}
      {form.error && <p role="alert" className="error">{form.error}</p>}
      <div className="form-actions">
        {test && (
          <button type="button" disabled={busy} onClick={form.test}>
            {form.busy ? t('accounts.testing') : t('accounts.test')}
          </button>
        )}
        <button type="submit" disabled={busy}>
          {saveLabel ?? t('accounts.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('accounts.cancel')}
        </button>
      </div>
    </>
  );
}
