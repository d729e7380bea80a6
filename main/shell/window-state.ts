/**
 * The window's size, position and maximized state, kept between runs and clamped onto a display that
 * is still there (a laptop undocked from its second monitor must not open off-screen).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const defaultState: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };
const MIN = { width: 720, height: 480 };

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Bounds that fit the display they overlap most (or the first one), at least the window's minimum size. */
export function clampToDisplays(bounds: Rect, workAreas: readonly Rect[]): Rect {
  const area = [...workAreas].sort((a, b) => overlap(bounds, b) - overlap(bounds, a))[0];
  if (!area) return bounds;
  const width = Math.min(Math.max(bounds.width, MIN.width), area.width);
  const height = Math.min(Math.max(bounds.height, MIN.height), area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

const StateSchema = {
  parse(value: unknown): WindowState | null {
    const v = value as Partial<WindowState> | null;
    const b = v?.bounds;
    const ok = b && [b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n));
    return ok ? { bounds: b, maximized: v?.maximized === true } : null;
  },
};

/** The saved state, or the default; a missing or damaged file is not an error. */
export function loadWindowState(read: () => string | null): WindowState {
  try {
    const text = read();
    return (text && StateSchema.parse(JSON.parse(text))) || defaultState;
  } catch {
    return defaultState;
  }
}
