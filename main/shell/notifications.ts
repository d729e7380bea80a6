/** Native notifications (Electron): a click brings the window forward and opens the ticket. */
import { BrowserWindow, Notification } from 'electron';
import type { Emit } from '../../shared/contract';

export function nativeNotifier(emit: () => Emit) {
  return ({ title, body, ticketId }: { title: string; body: string; ticketId?: string }): boolean => {
    if (!Notification.isSupported()) return false;
    const notification = new Notification({ title, body });
    notification.on('click', () => {
      const win = BrowserWindow.getAllWindows()[0];
      if (win) {
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      }
      if (ticketId) emit()('openTicket', { ticketId });
    });
    notification.show();
    return true;
  };
}
