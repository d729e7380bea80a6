import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../app/context';

/** Version, and a diagnostics text to paste into a support request (no passwords, no message text). */
export function AboutSection() {
  const { t } = useTranslation();
  const { info } = useApp();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    const { text } = await api().diagnostics({});
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('about.copied'));
    } catch {
      setCopied(text); // no clipboard access: show it to select by hand
    }
  };
  return (
    <fieldset>
      <legend>{t('about.title')}</legend>
      <p className="muted">{t('settings.version', { version: info.version, mode: info.mode })}</p>
      <button type="button" onClick={() => void copy()}>
        {t('about.copy')}
      </button>
      {copied && <pre className="diagnostics" role="status">{copied}</pre>}
    </fieldset>
  );
}
