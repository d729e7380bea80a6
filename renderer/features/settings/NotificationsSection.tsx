import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeKinds } from '../../../shared/notify';
import { isBrowserMode } from '../../api';
import { enabledKinds, setKind, setWorkingHours, workingHours } from '../../notifications/prefs';

const asTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const asMinutes = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Which notifications arrive; in a browser, the permission to show them at all. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState(enabledKinds);
  const [hours, setHours] = useState(workingHours);
  const saveHours = (next: { from: number; to: number } | null) => {
    setWorkingHours(next);
    setHours(workingHours());
  };
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
      <label className="checkbox">
        <input type="checkbox" checked={hours !== null} onChange={(e) => saveHours(e.target.checked ? { from: 9 * 60, to: 18 * 60 } : null)} />{' '}
        {t('notify.quiet')}
      </label>
      {hours && (
        <span className="hours">
          <input type="time" aria-label={t('notify.from')} value={asTime(hours.from)} onChange={(e) => saveHours({ ...hours, from: asMinutes(e.target.value) })} />
          {' – '}
          <input type="time" aria-label={t('notify.to')} value={asTime(hours.to)} onChange={(e) => saveHours({ ...hours, to: asMinutes(e.target.value) })} />
        </span>
      )}
    </fieldset>
  );
}
