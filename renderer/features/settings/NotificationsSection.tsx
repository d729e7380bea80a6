import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeKinds } from '../../../shared/notify';
import { isBrowserMode } from '../../api';
import { enabledKinds, setKind, setWorkingHours, workingHours } from '../../notifications/prefs';
import { clockTime, minutesOf } from '../../app/format';

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
          <input type="time" aria-label={t('notify.from')} value={clockTime(hours.from)} onChange={(e) => saveHours({ ...hours, from: minutesOf(e.target.value) })} />
          {' – '}
          <input type="time" aria-label={t('notify.to')} value={clockTime(hours.to)} onChange={(e) => saveHours({ ...hours, to: minutesOf(e.target.value) })} />
        </span>
      )}
    </fieldset>
  );
}
