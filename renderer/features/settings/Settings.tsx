import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { applyTheme, chosenTheme, themes, type Theme } from '../../app/theme';
import { chosenLanguage, languageNames, languages, setLanguage, type Language } from '../../i18n';
import { useUi } from '../../stores/ui';
import { setUndoSendSeconds, undoChoices, undoSendSeconds } from '../../stores/undo';
import { AboutSection } from './AboutSection';
import { AccountsSection } from './AccountsSection';
import { AgentNameField } from './AgentNameField';
import { DesktopSection } from './DesktopSection';
import { LinesSection } from './LinesSection';
import { NotificationsSection } from './NotificationsSection';
import { SkillsSection } from './SkillsSection';
import { SlaSection } from './SlaSection';
import { MacrosSection } from './MacrosSection';
import { TemplatesSection } from './TemplatesSection';
import { VipSection } from './VipSection';

export function Settings() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const close = () => useUi.getState().setSettingsOpen(false);
  const [language, setChoice] = useState<Language | 'system'>(chosenLanguage() ?? 'system');
  const [undo, setUndo] = useState(undoSendSeconds);
  const [theme, setTheme] = useState<Theme>(chosenTheme);
  const demoShown = useLiveQuery(async () => (await db.accounts.get('demo')) !== undefined, []);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);

  const toggleDemo = async () => {
    await commands.showDemo(!demoShown);
  };
  return (
    <dialog ref={dialog} className="settings" aria-labelledby="settings-title" onClose={close}>
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label>
        {t('settings.language')}
        <select
          value={language}
          onChange={(e) => {
            const value = e.target.value as Language | 'system';
            setChoice(value);
            setLanguage(value === 'system' ? null : value);
          }}
        >
          <option value="system">{t('settings.system')}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageNames[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.theme')}
        <select
          value={theme}
          onChange={(e) => {
            const value = e.target.value as Theme;
            setTheme(value);
            applyTheme(value);
          }}
        >
          {themes.map((x) => (
            <option key={x} value={x}>
              {t(`settings.themes.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <AgentNameField />
      <label>
        {t('outbox.undoWindow')}
        <select value={undo} onChange={(e) => { setUndo(Number(e.target.value)); setUndoSendSeconds(Number(e.target.value)); }}>
          {undoChoices.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('outbox.undoOff') : t('outbox.undoSeconds', { count: n })}
            </option>
          ))}
        </select>
      </label>
      <AccountsSection />
      <LinesSection />
      <SkillsSection />
      <TemplatesSection />
      <MacrosSection />
      <VipSection />
      <SlaSection />
      <NotificationsSection />
      <DesktopSection />
      <fieldset>
        <legend>{t('settings.demo')}</legend>
        <p>{demoShown ? t('settings.demoOn') : t('settings.demoOff')}</p>
        <button type="button" onClick={() => void toggleDemo()}>
          {demoShown ? t('demo.remove') : t('empty.restoreDemo')}
        </button>
      </fieldset>
      <AboutSection />
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('settings.close')}
      </button>
    </dialog>
  );
}
