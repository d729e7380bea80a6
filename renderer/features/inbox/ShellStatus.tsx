/** In the status bar: pause or resume sync, and the update in progress with "Restart to update". */
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ShellState } from '../../../shared/shell';
import { useShell } from '../../stores/shell';

export function ShellStatus() {
  const { t } = useTranslation();
  const state = useShell((s) => s.state);
  if (!state) return null;
  const update = state.update;
  const set = (promise: Promise<ShellState>) => void promise.then((s) => useShell.getState().set(s)).catch(() => undefined);
  return (
    <>
      {update?.state === 'downloading' && <span>{t('update.downloading', { version: update.version, percent: Math.round(update.percent) })}</span>}
      {update?.state === 'ready' && (
        <span>
          {t('update.ready', { version: update.version })}{' '}
          <button type="button" onClick={() => set(api().installUpdate({}))}>
            {t('update.restart')}
          </button>
        </span>
      )}
      {update?.state === 'waiting' && <span>{t('update.waiting', { version: update.version })}</span>}
      {update?.state === 'failed' && <span className="error">{update.message}</span>}
      <button type="button" className="link" onClick={() => set(api().setSyncPaused({ paused: !state.syncPaused }))}>
        {state.syncPaused ? t('statusbar.resume') : t('statusbar.pause')}
      </button>
    </>
  );
}
