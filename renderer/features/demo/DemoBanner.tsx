import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';

/** Says plainly that the demo is sample data, and removes it (and its cached rows) in one click. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const remove = async () => {
    await commands.showDemo(false); // the demo account's cached rows go with it
  };
  return (
    <div className="demo-banner" role="status">
      <span>{t('demo.banner')}</span>
      <button type="button" onClick={() => void remove()}>
        {t('demo.remove')}
      </button>
    </div>
  );
}
