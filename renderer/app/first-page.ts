/**
 * Work that reads the whole cache at start (the search index, the notification check, the start-up check
 * for damaged rows) waits until the inbox has shown its first page: at 100,000 tickets each of them reads
 * for seconds, and IndexedDB would serve them before the page the agent is waiting for. If no inbox shows
 * (another screen opened first), they start after `FALLBACK_MS` anyway.
 */
const FALLBACK_MS = 5_000;

let shown!: () => void;
export const firstPageShown = new Promise<void>((resolve) => (shown = resolve));
setTimeout(() => shown(), FALLBACK_MS);

let marked = false;
/** Called by the inbox list once its first rows (or its empty state) are on screen. */
export function markFirstPageShown(): void {
  if (marked) return;
  marked = true;
  // After the browser has painted them: the next frame, then the task after it.
  requestAnimationFrame(() => setTimeout(shown, 0));
}
