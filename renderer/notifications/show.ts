/** Puts a notice on the desktop: through main in Electron, the Web Notification API in a browser. */
import type { Notice, Summary } from '../../shared/notify';
import { api, isBrowserMode } from '../api';
import i18n from 'i18next';
import { useUi } from '../stores/ui';

export function noticeText(notice: Notice): { title: string; body: string } {
  return {
    title: i18n.t(`notify.${notice.kind}`, { customer: notice.customerName }),
    body: notice.subject,
  };
}

export function showNotice(notice: Notice): void {
  const { title, body } = noticeText(notice);
  if (!isBrowserMode()) {
    void api().notify({ title, body, ticketId: notice.ticketId });
    return;
  }
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification(title, { body, tag: notice.key });
  shown.onclick = () => {
    window.focus();
    useUi.getState().openTicket(notice.ticketId);
  };
}

/** What came together, as one notification: "12 new, 2 VIP, 3 at risk"; a click opens the inbox. */
export function summaryText(summary: Summary): { title: string; body: string } {
  const parts = (['new', 'vip', 'atRisk', 'breached', 'other'] as const).filter((k) => summary[k] > 0).map((k) => i18n.t(`notify.summary.${k}`, { count: summary[k] }));
  return { title: parts.join(', '), body: i18n.t('notify.summary.body') };
}

export function showSummary(summary: Summary): void {
  const { title, body } = summaryText(summary);
  if (!isBrowserMode()) {
    void api().notify({ title, body });
    return;
  }
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification(title, { body, tag: 'switchboard-summary' });
  shown.onclick = () => {
    window.focus();
    useUi.getState().setView('open');
  };
}

/** The at-risk count on the dock/taskbar (Electron), or in the tab title and app badge (browser). */
export function showBadge(count: number): void {
  if (!isBrowserMode()) {
    void api().setBadge({ count });
    return;
  }
  document.title = count > 0 ? `(${count}) Switchboard` : 'Switchboard';
  const nav = navigator as Navigator & { setAppBadge?: (n: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
  void (count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.())?.catch(() => undefined);
}
