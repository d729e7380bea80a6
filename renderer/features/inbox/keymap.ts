/**
 * Which keys run which action (ids of actions.ts), as data: the key handler (keyboard.ts), the cheat
 * sheet and the command palette read it. "g i" is a chord: g, then i. Ctrl+K is Cmd+K on a Mac.
 */
export const keymap: Readonly<Record<string, string>> = {
  j: 'next',
  k: 'previous',
  o: 'open',
  Enter: 'open',
  x: 'select',
  e: 'solve',
  r: 'reply',
  n: 'note',
  t: 'status',
  p: 'priority',
  a: 'assign',
  '#': 'tags',
  s: 'snooze',
  m: 'macro',
  '/': 'search',
  '?': 'help',
  'g i': 'inbox',
  'g n': 'guided',
  'Ctrl+K': 'palette',
};

/** The keys shown for an action (the first binding, Enter aside), or null: the palette only. */
export function keysOf(actionId: string): string | null {
  return Object.entries(keymap).find(([key, id]) => id === actionId && key !== 'Enter')?.[0] ?? null;
}

/** Keys that begin a chord ("g"). */
export const chordStarts: ReadonlySet<string> = new Set(Object.keys(keymap).flatMap((k) => (/^\S \S$/.test(k) ? [k[0]!] : [])));
