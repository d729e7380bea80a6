import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import { shortcuts } from './keyboard';

export function CheatSheet() {
  const { t } = useTranslation();
  return (
    <div className="cheat-sheet" role="dialog" aria-label={t('keys.title')}>
      <h2>{t('keys.title')}</h2>
      <dl>
        {shortcuts.map(([key, action]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`keys.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => useUi.getState().setHelpOpen(false)}>
        {t('settings.close')}
      </button>
    </div>
  );
}
