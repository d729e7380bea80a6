import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Licence } from '../../../shared/shell';
import { api } from '../../api';
import { useApp } from '../../app/context';
import { useUi } from '../../stores/ui';

/** Version, the licences of what the app ships, and a diagnostics text for support requests (no passwords, no message text). */
export function AboutSection() {
  const { t } = useTranslation();
  const { info } = useApp();
  const [copied, setCopied] = useState<string | null>(null);
  const [about, setAbout] = useState<{ runtime: string; licences: Licence[] } | null>(null);
  const section = useUi((s) => s.settingsSection);
  const licencesRef = useRef<HTMLDetailsElement>(null);
  const own = useRef<HTMLFieldSetElement>(null);
  const load = () => {
    if (!about) void api().about({}).then(setAbout).catch(() => undefined);
  };
  useEffect(() => {
    // "About Switchboard" from the application menu: show this section with the licences open.
    if (section !== 'about') return;
    if (licencesRef.current) licencesRef.current.open = true;
    own.current?.scrollIntoView();
  }, [section]);
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
    <fieldset ref={own}>
      <legend>{t('about.title')}</legend>
      <p className="muted">{t('settings.version', { version: info.version, mode: info.mode })}</p>
      {about && <p className="muted">{t('about.runtime', { runtime: about.runtime })}</p>}
      <details ref={licencesRef} onToggle={(e) => e.currentTarget.open && load()}>
        <summary>{t('about.licences')}</summary>
        {about && (about.licences.length === 0 ? <p>{t('about.noLicences')}</p> : <Licences licences={about.licences} />)}
      </details>
      <button type="button" onClick={() => void copy()}>
        {t('about.copy')}
      </button>
      {copied && <pre className="diagnostics" role="status">{copied}</pre>}
    </fieldset>
  );
}

function Licences({ licences }: { licences: Licence[] }) {
  const { t } = useTranslation();
  return (
    <div className="licences">
      <p>{t('about.licencesCount', { count: licences.length })}</p>
      {licences.map((l) => (
        <details key={`${l.name}@${l.version}`}>
          <summary>
            {l.name} {l.version} — {l.license}
          </summary>
          {l.text && <pre>{l.text}</pre>}
        </details>
      ))}
    </div>
  );
}
