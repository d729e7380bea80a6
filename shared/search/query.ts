/**
 * The search query language: words (all must match; the last one is a prefix while typing), "exact
 * phrases", -negation, field operators (from: to: cc: subject: status: priority: tag: assignee: account:
 * channel: is: has: before: after:) and OR between groups. A malformed query is an error that points at
 * the bad part (offsets into the query), never an exception.
 */
import { priorities, ticketStatuses } from '../statuses';

const channels = ['email', 'web', 'chat', 'phone', 'social', 'api'] as const;
const isValues = ['vip', 'breached', 'unread', 'flagged'] as const;

export type Filter =
  | { kind: 'status'; value: (typeof ticketStatuses)[number] }
  | { kind: 'priority'; value: (typeof priorities)[number] }
  | { kind: 'channel'; value: (typeof channels)[number] }
  | { kind: 'is'; value: (typeof isValues)[number] }
  | { kind: 'has'; value: 'attachment' }
  | { kind: 'assignee'; value: string }
  | { kind: 'account'; value: string }
  | { kind: 'before' | 'after'; value: number };

export type Clause =
  /** Words of the text (one, or several as a phrase), anywhere or in the subject only. */
  | { kind: 'text'; text: string; phrase: boolean; subjectOnly: boolean; prefix: boolean; negated: boolean }
  /** A correspondent: part of an address or a name. */
  | { kind: 'address'; field: 'from' | 'to' | 'cc'; value: string; negated: boolean }
  | { kind: 'tag'; value: string; negated: boolean }
  | { kind: 'filter'; filter: Filter; negated: boolean };

/** Clauses of a group must all hold; any group may match. */
export interface SearchQuery {
  groups: Clause[][];
}

export type SearchErrorCode = 'unclosed_quote' | 'unknown_operator' | 'empty_value' | 'bad_value' | 'bad_date' | 'dangling_or';

export interface SearchError {
  code: SearchErrorCode;
  /** The bad part: query.slice(from, to). */
  from: number;
  to: number;
  /** The operator concerned, the allowed values, the operator meant. */
  operator?: string;
  allowed?: readonly string[];
  suggestion?: string;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; error: SearchError };

const operators = ['from', 'to', 'cc', 'subject', 'status', 'priority', 'tag', 'assignee', 'account', 'channel', 'is', 'has', 'before', 'after'] as const;
type Operator = (typeof operators)[number];

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  operator: string | null;
  from: number;
  to: number;
}

class Failure extends Error {
  constructor(readonly error: SearchError) {
    super(error.code);
  }
}

/** Splits the query into tokens, keeping where each came from. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    const from = i;
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    let operator: string | null = null;
    const head = /^([a-zA-Z]+):/.exec(input.slice(i));
    if (head && (operators as readonly string[]).includes(head[1]!.toLowerCase())) operator = head[1]!.toLowerCase();
    else if (head && head[1]!.length <= 12 && i + head[0].length < input.length && !/[\s/]/.test(input[i + head[0].length]!)) {
      throw new Failure({ code: 'unknown_operator', from: i, to: i + head[0].length, operator: head[1]!, suggestion: closest(head[1]!.toLowerCase()) });
    }
    if (operator) i += operator.length + 1;
    let text: string;
    let quoted = false;
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw new Failure({ code: 'unclosed_quote', from: i, to: input.length });
      text = input.slice(i + 1, end);
      quoted = true;
      i = end + 1;
    } else {
      const start = i;
      while (i < input.length && !/\s/.test(input[i]!)) i++;
      text = input.slice(start, i);
    }
    if (operator && text.trim() === '') throw new Failure({ code: 'empty_value', from, to: i, operator });
    tokens.push({ text, quoted, negated, operator, from, to: i });
  }
  return tokens;
}

/** The operator meant by a misspelt one, if one is close (at most two edits). */
function closest(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const op of operators) {
    const d = distance(word, op);
    if (d < bestDistance) [best, bestDistance] = [op, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

const DAY = 86_400_000;
const UNIT: Record<string, number> = { h: 3_600_000, d: DAY, w: 7 * DAY, m: 30 * DAY, y: 365 * DAY };

/** A date as epoch ms: 2026-03-01 (local midnight), today, yesterday, or an age such as 7d, 2w, 3m, 1y, 12h. */
export function parseDate(value: string, now: number): number | null {
  const v = value.toLowerCase();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (iso) {
    const date = new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    return date.getMonth() === Number(iso[2]) - 1 && date.getDate() === Number(iso[3]) ? date.getTime() : null;
  }
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  if (v === 'today') return midnight.getTime();
  if (v === 'yesterday') return midnight.getTime() - DAY;
  const age = /^(\d{1,4})([hdwmy])$/.exec(v);
  return age ? now - Number(age[1]) * UNIT[age[2]!]! : null;
}

function oneOf<T extends string>(token: Token, operator: string, allowed: readonly T[], aliases: Record<string, T> = {}): T {
  const value = token.text.toLowerCase();
  const found = allowed.find((a) => a === value) ?? aliases[value];
  if (!found) throw new Failure({ code: 'bad_value', from: token.from, to: token.to, operator, allowed });
  return found;
}

function clause(token: Token, now: number): Clause {
  const negated = token.negated;
  const op = token.operator as Operator | null;
  const value = token.text.trim();
  switch (op) {
    case null:
      return { kind: 'text', text: token.text, phrase: token.quoted, subjectOnly: false, prefix: false, negated };
    case 'subject':
      return { kind: 'text', text: value, phrase: token.quoted, subjectOnly: true, prefix: false, negated };
    case 'from':
    case 'to':
    case 'cc':
      return { kind: 'address', field: op, value, negated };
    case 'tag':
      return { kind: 'tag', value, negated };
    case 'status':
      return { kind: 'filter', negated, filter: { kind: 'status', value: oneOf(token, op, ticketStatuses, { onhold: 'on-hold', hold: 'on-hold' }) } };
    case 'priority':
      return { kind: 'filter', negated, filter: { kind: 'priority', value: oneOf(token, op, priorities) } };
    case 'channel':
      return { kind: 'filter', negated, filter: { kind: 'channel', value: oneOf(token, op, channels) } };
    case 'is':
      return { kind: 'filter', negated, filter: { kind: 'is', value: oneOf(token, op, isValues) } };
    case 'has':
      return { kind: 'filter', negated, filter: { kind: 'has', value: oneOf(token, op, ['attachment'] as const, { attachments: 'attachment' }) } };
    case 'assignee':
    case 'account':
      return { kind: 'filter', negated, filter: { kind: op, value: value.toLowerCase() } };
    case 'before':
    case 'after': {
      const at = parseDate(value, now);
      if (at === null) throw new Failure({ code: 'bad_date', from: token.from, to: token.to, operator: op });
      return { kind: 'filter', negated, filter: { kind: op, value: at } };
    }
  }
}

/** Parses a query typed by the agent. `now` resolves relative dates such as `7d`. */
export function parseQuery(input: string, now: number = Date.now()): ParseResult {
  try {
    const groups: Clause[][] = [[]];
    const tokens = tokenize(input);
    tokens.forEach((token, i) => {
      if (token.text === 'OR' && !token.quoted && !token.operator && !token.negated) {
        if (i === 0 || i === tokens.length - 1 || groups[groups.length - 1]!.length === 0) throw new Failure({ code: 'dangling_or', from: token.from, to: token.to });
        groups.push([]);
        return;
      }
      groups[groups.length - 1]!.push(clause(token, now));
    });
    // While typing, the last plain word is a prefix ("refu" finds "refund").
    const last = groups[groups.length - 1]!.at(-1);
    if (last?.kind === 'text' && !last.phrase && !last.negated && !last.subjectOnly && !/\s$/.test(input)) last.prefix = true;
    return { ok: true, query: { groups: groups.filter((g) => g.length > 0) } };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.error };
    throw error;
  }
}
