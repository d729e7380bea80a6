/** The few words main shows itself (tray, application menu), in the UI's language. */
import type { Language } from '../services/shell-control';

const en = {
  open: 'Open Switchboard',
  pause: 'Pause sync',
  resume: 'Resume sync',
  quit: 'Quit Switchboard',
  atRisk: (n: number) => (n === 0 ? 'No tickets at risk' : n === 1 ? '1 ticket at risk' : `${n} tickets at risk`),
  paused: 'Sync paused',
  settings: 'Settings…',
  about: 'About Switchboard',
  checkUpdates: 'Check for updates',
  restartToUpdate: (v: string) => `Restart to update to ${v}`,
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  copyDiagnostics: 'Copy diagnostics',
};

const ru: typeof en = {
  open: 'Открыть Switchboard',
  pause: 'Приостановить синхронизацию',
  resume: 'Возобновить синхронизацию',
  quit: 'Выйти из Switchboard',
  atRisk: (n) => (n === 0 ? 'Нет обращений под угрозой SLA' : `Под угрозой SLA: ${n}`),
  paused: 'Синхронизация приостановлена',
  settings: 'Настройки…',
  about: 'О Switchboard',
  checkUpdates: 'Проверить обновления',
  restartToUpdate: (v) => `Перезапустить и обновить до ${v}`,
  file: 'Файл',
  edit: 'Правка',
  view: 'Вид',
  window: 'Окно',
  help: 'Справка',
  copyDiagnostics: 'Скопировать диагностику',
};

export type Labels = typeof en;
export const labelsFor = (language: Language): Labels => (language === 'ru' ? ru : en);
