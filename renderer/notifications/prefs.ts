/** Which kinds of notification the agent wants, and when they work (kept in this browser profile). */
import { noticeKinds, type NoticeKind, type NoticePrefs } from '../../shared/notify';

const KEY = 'switchboard.notifications';

export function enabledKinds(): Record<NoticeKind, boolean> {
  const all = Object.fromEntries(noticeKinds.map((k) => [k, true])) as Record<NoticeKind, boolean>;
  try {
    return { ...all, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<NoticeKind, boolean>>) };
  } catch {
    return all;
  }
}

export function setKind(kind: NoticeKind, on: boolean): void {
  localStorage.setItem(KEY, JSON.stringify({ ...enabledKinds(), [kind]: on }));
}

/** Working hours are always on until the agent's own calendar is set in Settings. */
export const noticePrefs = (): NoticePrefs => ({ enabled: enabledKinds(), working: () => true });
