/**
 * CPU time used by process trees, from Linux's /proc (elsewhere: nothing measured). The ingest benchmark
 * prints it for its end-to-end phase, to show which process the time went to and how busy the machine was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
  pid: number;
  ppid: number;
  ticks: number;
}

function processes(): Proc[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return []; // ended meanwhile
    }
  });
}

/** The first child of `parent` whose command is `name` (Linux), e.g. the browser Playwright started. */
export function childNamed(parent: number, name: string): number | undefined {
  return processes().find((p) => {
    if (p.ppid !== parent) return false;
    try {
      return readFileSync(`/proc/${p.pid}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  })?.pid;
}

/**
 * CPU seconds so far of each named tree (a root pid and all its descendants alive now). A tree whose name
 * ends in "*" is split by Chromium's process type: "Chromium renderer", "Chromium browser", and so on.
 */
export function cpuByTree(roots: Record<string, number | undefined>): Record<string, number> {
  const all = processes();
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree = (pid: number | undefined): Proc[] => (pid === undefined ? [] : [...all.filter((p) => p.pid === pid), ...(children.get(pid) ?? []).flatMap((c) => tree(c.pid))]);
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(roots)) {
    for (const p of tree(pid)) {
      const key = name.endsWith('*') ? `${name.slice(0, -1)}${typeOf(p.pid)}` : name;
      out[key] = (out[key] ?? 0) + p.ticks / TICKS_PER_SECOND;
    }
    if (!name.endsWith('*')) out[name] ??= 0;
  }
  return out;
}

/** Chromium's process type from its command line: renderer, gpu-process, utility … or browser. */
function typeOf(pid: number): string {
  try {
    return /--type=(\S+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))?.[1] ?? 'browser';
  } catch {
    return 'gone';
  }
}

/** "host 6.1 s, Chromium 9.8 s … of 2 cores × 9.9 s (88% busy)", from two readings over `wallMs`. */
export function describeCpu(before: Record<string, number>, after: Record<string, number>, wallMs: number): string {
  if (Object.values(after).every((s) => s === 0)) return 'CPU per process: not measured on this system';
  const used = Object.keys(after)
    .map((name) => [name, after[name]! - (before[name] ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.05);
  const sum = used.reduce((s, [, v]) => s + v, 0);
  const cores = cpus().length;
  const parts = used.map(([name, v]) => `${name} ${v.toFixed(1)} s`).join(', ');
  return `CPU during end to end: ${parts} — ${sum.toFixed(1)} s of ${cores} cores × ${(wallMs / 1000).toFixed(1)} s (${Math.round((sum / cores / (wallMs / 1000)) * 100)}% busy)`;
}
