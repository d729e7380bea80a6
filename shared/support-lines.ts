/**
 * Support lines: L1 answers, L2 digs deeper, L3 is engineering. Each account maps its teams (groups,
 * queues, mailboxes) to lines; escalation moves a ticket to the next line's team with a note saying why.
 */
export const supportLines = ['L1', 'L2', 'L3'] as const;
export type SupportLine = (typeof supportLines)[number];

/** Per account: the team name of each line (a line may be left unmapped). */
export type LineMap = Partial<Record<SupportLine, string>>;

/** The line a team belongs to, if it is mapped. */
export function lineOf(team: string | undefined, lines: LineMap | undefined): SupportLine | null {
  if (!team || !lines) return null;
  return supportLines.find((l) => lines[l] === team) ?? null;
}

/**
 * Where escalating a ticket in `group` goes: the next mapped line above its own (a ticket in no mapped
 * team starts at L1, so it goes to the first mapped line above L1); null at the top.
 */
export function nextLine(team: string | undefined, lines: LineMap | undefined): { line: SupportLine; team: string } | null {
  if (!lines) return null;
  const from = supportLines.indexOf(lineOf(team, lines) ?? 'L1');
  for (const line of supportLines.slice(from + 1)) {
    const target = lines[line];
    if (target) return { line, team: target };
  }
  return null;
}

/** The demo workspace's lines: its topic teams are first line; these two are above them. */
export const DEMO_LINES: LineMap = { L2: 'Second line', L3: 'Engineering' };
