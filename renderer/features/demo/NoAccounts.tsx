import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';

export function NoAccounts() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const restore = async () => {
    await commands.showDemo(true);
  };
  return (
    <section className="no-accounts">
      <h2>{t('empty.noAccounts')}</h2>
      <p>{t('empty.noAccountsHint')}</p>
      <button type="button" onClick={() => void restore()}>
        {t('empty.restoreDemo')}
      </button>
    </section>
  );
}
