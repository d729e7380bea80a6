import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../app/context';

export function NoAccounts() {
  const { t } = useTranslation();
  const { engine } = useApp();
  const restore = async () => {
    await api().restoreDemo({});
    await engine.refreshAccounts();
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
