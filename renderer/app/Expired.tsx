import { useTranslation } from 'react-i18next';

/** Browser mode without a valid key: the server refused us (close code 4401) or the URL has no token. */
export function Expired() {
  const { t } = useTranslation();
  return (
    <main className="expired" role="alert">
      <h1>{t('expired.title')}</h1>
      <p>{t('expired.hint')}</p>
    </main>
  );
}
