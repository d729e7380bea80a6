/**
 * The single entry of every call into main: checks the method exists and validates its params against
 * the contract, runs the handler, and turns any failure into a typed `{ code, message }`.
 * Payloads are never logged; only method names and error codes are.
 */
import { contract, AppError, methodNames, type Envelope, type Handlers, type MethodName } from '../../shared/contract';
import { log } from '../log';

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && (methodNames as readonly string[]).includes(name);

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const field = issue.path.map(String).join('.') || '(params)';
  return `${field}: ${issue.message}`;
}

export async function dispatch(handlers: Handlers, method: unknown, params: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}` } };
  }
  const parsed = contract[method].params.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    log.debug(`rejected ${method}: invalid_request`);
    return { ok: false, error: { code: 'invalid_request', message: `Invalid request to ${method}: ${describeIssue(issue)}` } };
  }
  try {
    const handler = handlers[method] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    log.error(`${method} failed: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unknown error'}`);
    return { ok: false, error: { code: 'internal', message: `Switchboard could not complete ${method}; see the log for details` } };
  }
}
