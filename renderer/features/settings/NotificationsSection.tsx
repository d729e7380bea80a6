import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeKinds } from '../../../shared/notify';
import { isBrowserMode } from '../../api';
import { enabledKinds, setKind } from '../../notifications/prefs';

/** Which notifications arrive; in a browser, the permission to show them at all. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState(enabledKinds);
  const [permission, setPermission] = useState(typeof Notification === 'undefined' ? 'denied' : Notification.permission);
  return (
    <fieldset>
      <legend>{t('notify.title')}</legend>
      {isBrowserMode() && permission === 'default' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('notify.allow')}
        </button>
      )}
      {isBrowserMode() && permission === 'granted' && <p className="muted">{t('notify.allowed')}</p>}
      {isBrowserMode() && permission === 'denied' && <p className="muted">{t('notify.denied')}</p>}
      {noticeKinds.map((kind) => (
        <label key={kind} className="checkbox">
          <input
            type="checkbox"
            checked={kinds[kind]}
            onChange={(e) => {
              setKind(kind, e.target.checked);
              setKinds(enabledKinds());
            }}
          />{' '}
          {t(`notify.kind_${kind}`)}
        </label>
      ))}
    </fieldset>
  );
}
