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
  // Bounded: a message can quote what was sent (an unknown key's name), and that may be huge.
  return `${field}: ${issue.message}`.slice(0, 500);
}

function whereThrown(error: Error): string {
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  return frame ? frame.trim() : '';
}

export async function dispatch(handlers: Handlers, method: unknown, params: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    const name = typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : `of type ${typeof method}`;
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${name}` } };
  }
  // Everything below answers with an envelope, whatever is thrown (even by validation): no call can
  // leave a rejection unhandled and take main down with it.
  try {
    const parsed = contract[method].params.safeParse(params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      log.debug(`rejected ${method}: invalid_request`);
      return { ok: false, error: { code: 'invalid_request', message: `Invalid request to ${method}: ${describeIssue(issue)}` } };
    }
    const handler = handlers[method] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) } };
    // The error's message may quote the payload, so only its kind and where it was thrown are logged.
    log.error(`${method} failed: ${error instanceof Error ? `${error.name} ${whereThrown(error)}` : 'non-Error thrown'}`);
    return { ok: false, error: { code: 'internal', message: `Switchboard could not complete ${method}; see the log for details` } };
  }
}
