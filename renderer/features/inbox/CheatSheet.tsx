import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import { actions } from './actions';
import { keysOf } from './keymap';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const shown = (keys: string) => (isMac ? keys.replace('Ctrl+', '⌘') : keys);

export function CheatSheet() {
  const { t } = useTranslation();
  return (
    <div className="cheat-sheet" role="dialog" aria-label={t('keys.title')}>
      <h2>{t('keys.title')}</h2>
      <dl>
        {actions.flatMap((a) => {
          const keys = keysOf(a.id);
          return keys
            ? [
                <div key={a.id}>
                  <dt>
                    <kbd>{shown(keys)}</kbd>
                  </dt>
                  <dd>{t(`keys.${a.id}`)}</dd>
                </div>,
              ]
            : [];
        })}
      </dl>
      <button type="button" onClick={() => useUi.getState().setHelpOpen(false)}>
        {t('settings.close')}
      </button>
    </div>
  );
}
