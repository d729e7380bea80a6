/**
 * Turns network, TLS and protocol failures into one sentence the agent can act on.
 * Never includes a password or message content.
 */
import type { ConnectionProblem } from '../../../shared/connector';

export class ConnectionError extends Error {
  constructor(
    readonly problem: ConnectionProblem,
    message: string,
    readonly fingerprint?: string,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

interface RawError {
  code?: string;
  message?: string;
  authenticationFailed?: boolean;
  responseCode?: number;
  serverResponseCode?: string;
  response?: string;
  responseText?: string;
}

/** `what` names the server for the agent: "the mail server (imap.example.com:993)". */
export function explain(error: unknown, context: { kind: 'IMAP' | 'SMTP'; host: string; port: number; user: string }): ConnectionError {
  if (error instanceof ConnectionError) return error;
  const e = (error ?? {}) as RawError;
  const where = `${context.host}:${context.port}`;
  const server = context.kind === 'IMAP' ? 'The mail server' : 'The outgoing mail server';
  const code = e.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ConnectionError('name_lookup', `The server name "${context.host}" could not be found. Check its spelling and your network.`);
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new ConnectionError('connect', `Nothing answered at ${where}. Check the port and that the server is running.`);
  }
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || code === 'CONNECT_TIMEOUT' || /timed? ?out/i.test(e.message ?? '')) {
    return new ConnectionError('timeout', `${server} at ${where} did not answer in time.`);
  }
  if (certificateCodes.has(code) || /self[- ]signed|certificate/i.test(e.message ?? '')) {
    return new ConnectionError('certificate', `${server} at ${where} presented a certificate this computer does not trust.`);
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS/.test(e.message ?? '')) {
    return new ConnectionError('tls', `A secure connection to ${where} could not be made. Check the security setting (TLS or STARTTLS).`);
  }
  if (e.authenticationFailed || code === 'EAUTH' || e.responseCode === 535 || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new ConnectionError('auth', `${server} refused the password for ${context.user}.`);
  }
  return new ConnectionError('protocol', `${server} at ${where} answered unexpectedly${code ? ` (${code})` : ''}.`);
}
