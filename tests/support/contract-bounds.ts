/**
 * The contract's params as JSON Schema, walked: which strings, arrays and numbers have no bound, and for
 * each bound a request that is valid but for one value just outside it.
 */
import { z } from 'zod';
import { contract } from '../../shared/contract';
import type { MethodName } from '../../shared/contract/names';

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  $ref?: string;
  $defs?: Record<string, Schema>;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};

export function paramsSchema(method: MethodName): Schema {
  return z.toJSONSchema(contract[method].params, { io: 'input', unrepresentable: 'any' }) as Schema;
}

const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
const SAFE = Number.MAX_SAFE_INTEGER;

/** Every string, array, number and record in the schema that lacks a bound fitting its meaning. */
export function unbounded(root: Schema, at = ''): string[] {
  const out: string[] = [];
  const walk = (s: Schema | undefined, path: string, depth: number): void => {
    if (!s || depth > 12) return;
    if (s.$ref) return walk(root.$defs?.[s.$ref.replace('#/$defs/', '')], path, depth + 1);
    for (const [i, alt] of [...(s.anyOf ?? []), ...(s.oneOf ?? [])].entries()) walk(alt, `${path}|${i}`, depth + 1);
    const type = typeOf(s);
    if (type === 'string' && s.maxLength === undefined && s.enum === undefined && s.const === undefined && !s.pattern) out.push(`${path}: a string without maxLength`);
    if ((type === 'number' || type === 'integer') && s.const === undefined) {
      const low = s.minimum ?? s.exclusiveMinimum;
      if (low === undefined || low < -SAFE || s.maximum === undefined || s.maximum >= SAFE) out.push(`${path}: a number bounded ${low}..${s.maximum}`);
    }
    if (type === 'array') {
      if (s.maxItems === undefined) out.push(`${path}: an array without maxItems`);
      walk(s.items, `${path}[]`, depth + 1);
    }
    if (type === 'object') {
      for (const [key, value] of Object.entries(s.properties ?? {})) walk(value, `${path}.${key}`, depth + 1);
      if (typeof s.additionalProperties === 'object') out.push(`${path}: a record of any size`);
    }
  };
  walk(root, at, 0);
  return out;
}

const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');

/** A small value the schema accepts (or as near as the schema lets a generic walk get). */
function sample(root: Schema, s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 12) return null;
  if (s.$ref) return sample(root, root.$defs?.[s.$ref.replace('#/$defs/', '')], depth + 1);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (alt) return sample(root, alt, depth + 1);
  switch (typeOf(s)) {
    case 'string': {
      if (s.format === 'email') return 'agent@example.test';
      if (s.format === 'uri') return 'https://helpdesk.example.test';
      if (s.pattern) return ['abcdefgh-1234', FINGERPRINT, 'SECRET_NAME', 'abcdefgh-1234-5678'].find((c) => new RegExp(s.pattern!).test(c)) ?? 'a';
      return 'a'.repeat(Math.max(1, s.minLength ?? 0));
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(root, s.items, depth + 1));
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).filter(([k]) => s.required?.includes(k)).map(([k, v]) => [k, sample(root, v, depth + 1)]));
    default:
      return null;
  }
}

export interface Variant {
  path: string;
  params: unknown;
  /** The same request with the value inside its bound (valid when the walk could build a valid one). */
  inside: unknown;
}

/** `params` valid but for one value, at `path`, just outside its bound. */
export function justOutside(method: MethodName): { valid: unknown; variants: Variant[] } {
  const root = paramsSchema(method);
  const valid = sample(root, root);
  const variants: Variant[] = [];
  const visit = (s: Schema | undefined, path: (string | number)[], depth: number, base: unknown): void => {
    if (!s || depth > 12) return;
    if (s.$ref) return visit(root.$defs?.[s.$ref.replace('#/$defs/', '')], path, depth + 1, base);
    const alternatives = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
    // Each alternative (each kind of change, each kind of account) with its own valid surroundings.
    for (const [i, alt] of alternatives.entries()) visit(alt, path, depth + 1, i === 0 ? base : replaced(base, path, sample(root, alt, depth + 1)));
    if (alternatives.length) return;
    const here = sample(root, s, depth);
    const outside: unknown[] = [];
    switch (typeOf(s)) {
      case 'string':
        if (s.maxLength !== undefined) outside.push(`${String(here)}${'x'.repeat(s.maxLength + 1)}`);
        if ((s.minLength ?? 0) > 0) outside.push('');
        break;
      case 'integer':
      case 'number':
        if (s.maximum !== undefined) outside.push(s.maximum + 1);
        if (s.minimum !== undefined) outside.push(s.minimum - 1);
        if (s.exclusiveMinimum !== undefined) outside.push(s.exclusiveMinimum);
        if (typeOf(s) === 'integer') outside.push(Number(here) + 0.5);
        break;
      case 'array':
        if (s.maxItems !== undefined) outside.push(Array.from({ length: s.maxItems + 1 }, () => sample(root, s.items, depth + 1)));
        if ((s.minItems ?? 0) > 0) outside.push([]);
        // One item, inside its bounds but for the value visited.
        visit(s.items, [...path, 0], depth + 1, replaced(base, [...path, 0], sample(root, s.items, depth + 1)));
        break;
      case 'object':
        for (const [key, value] of Object.entries(s.properties ?? {})) {
          const at = [...path, key];
          visit(value, at, depth + 1, get(base, at) === undefined ? replaced(base, at, sample(root, value, depth + 1)) : base);
        }
        break;
    }
    for (const value of outside) variants.push({ path: path.join('.'), params: replaced(base, path, value), inside: base });
  };
  visit(root, [], 0, valid);
  return { valid, variants };
}

function get(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** `value` with the property at `path` set (created along the way: an optional object comes into being). */
function replaced(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value) || typeof head === 'number') {
    const copy = Array.isArray(value) ? [...value] : [];
    copy[head as number] = replaced(copy[head as number], rest, leaf);
    return copy;
  }
  const object = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { ...object, [head!]: replaced(object[head!], rest, leaf) };
}
