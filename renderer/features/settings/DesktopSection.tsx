/** Desktop-only settings (the installed app): close to tray, start at login, mailto: links. Hidden in browser mode. */
import { useTranslation } from 'react-i18next';
import type { DesktopSettings } from '../../../shared/shell';
import { api } from '../../api';
import { useShell } from '../../stores/shell';

const keys = ['closeToTray', 'startAtLogin', 'handleMailto'] as const satisfies readonly (keyof DesktopSettings)[];

export function DesktopSection() {
  const { t } = useTranslation();
  const desktop = useShell((s) => s.state?.desktop ?? null);
  if (!desktop) return null;
  const change = (key: keyof DesktopSettings, value: boolean) =>
    void api()
      .setDesktopSettings({ [key]: value })
      .then((state) => useShell.getState().set(state))
      .catch(() => undefined);
  return (
    <fieldset>
      <legend>{t('desktop.title')}</legend>
      {keys.map((key) => (
        <label key={key} className="checkbox">
          <input type="checkbox" checked={desktop[key]} onChange={(e) => change(key, e.target.checked)} />
          {t(`desktop.${key}`)}
        </label>
      ))}
    </fieldset>
  );
}
