/**
 * The renderer's side of main's own state: the shell (sync paused, updates, desktop settings) and which
 * sources are reachable, kept in step; the language told to main (tray, menu); main's requests to show
 * something (menu items, mailto: links).
 */
import i18n from 'i18next';
import type { Api } from '../../shared/contract';
import { useConnectivity } from '../stores/connectivity';
import { useShell } from '../stores/shell';
import { useUi } from '../stores/ui';

export async function connectShell(api: Api): Promise<void> {
  api.on('shellChanged', (state) => useShell.getState().set(state));
  api.on('navigate', (request) => {
    const ui = useUi.getState();
    if (request.to === 'search') {
      ui.setScreen('inbox');
      ui.setSearch(request.query);
    } else ui.setSettingsOpen(true, request.to === 'about' ? 'about' : null);
  });
  const report = (language: string) => void api.reportActivity({ language: language === 'ru' ? 'ru' : 'en' }).catch(() => undefined);
  i18n.on('languageChanged', report);
  report(i18n.language);
  api.on('connectivityChanged', ({ accountId, reachable, message }) => useConnectivity.getState().set(accountId, { reachable, ...(message ? { message } : {}) }));
  const [shell, reach] = await Promise.all([api.shellState({}), api.connectivity({})]);
  useShell.getState().set(shell);
  useConnectivity.getState().setAll(reach);
}
