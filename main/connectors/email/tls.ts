/**
 * Which certificates a mail server may present. By default the system's trusted CAs. An account may
 * add a CA file, or pin one certificate by its SHA-256 fingerprint (after the agent chose to trust a
 * self-signed certificate): then exactly that certificate is accepted, checked again on every connection.
 */
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { connect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import type { Endpoint } from '../../../shared/accounts';

export interface PeerCertificateInfo {
  fingerprint: string;
  subject: string;
  issuer: string;
  validTo: string;
  pem: string;
}

function pemOf(cert: PeerCertificate): string {
  const base64 = cert.raw.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

/**
 * Reads the certificate a server presents, without trusting it and without sending anything else.
 * `starttls` is the protocol's upgrade command for servers that start in plain text.
 */
export async function probeCertificate(host: string, port: number, starttls: 'imap' | 'smtp' | null, timeoutMs = 10_000): Promise<PeerCertificateInfo> {
  const plain = new Socket();
  plain.setTimeout(timeoutMs, () => plain.destroy(new Error('timeout')));
  await new Promise<void>((resolve, reject) => {
    plain.once('error', reject);
    plain.connect(port, host, () => resolve());
  });
  if (starttls) await upgradeCommand(plain, starttls);
  return new Promise((resolve, reject) => {
    const socket = connect({ socket: plain, servername: isIp(host) ? undefined : host, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate(true);
      socket.destroy();
      if (!cert?.raw) return reject(new Error('The server presented no certificate'));
      resolve({
        fingerprint: cert.fingerprint256,
        subject: String(cert.subject?.CN ?? ''),
        issuer: String(cert.issuer?.CN ?? ''),
        validTo: cert.valid_to,
        pem: pemOf(cert),
      });
    });
    socket.once('error', reject);
  });
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/** Speaks just enough of the protocol to reach its STARTTLS point. */
async function upgradeCommand(socket: Socket, protocol: 'imap' | 'smtp'): Promise<void> {
  const steps = protocol === 'imap' ? ['', 'a STARTTLS\r\n'] : ['', 'EHLO switchboard\r\n', 'STARTTLS\r\n'];
  const done = protocol === 'imap' ? /^a OK/m : /^220 /m;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]) socket.write(steps[i]!);
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      const onData = (d: Buffer) => {
        buffer += String(d);
        const complete = protocol === 'smtp' ? /^\d{3} /m.test(buffer) : /\r\n$/.test(buffer);
        if (!complete) return;
        socket.off('data', onData);
        if (i === steps.length - 1 && !done.test(buffer)) reject(new Error('The server refused STARTTLS'));
        else resolve();
      };
      socket.on('data', onData);
      socket.once('error', reject);
    });
  }
}

/** TLS options for imapflow / nodemailer for this endpoint. */
export async function tlsOptionsFor(endpoint: Endpoint, protocol: 'imap' | 'smtp'): Promise<ConnectionOptions> {
  const options: ConnectionOptions = { minVersion: 'TLSv1.2', servername: isIp(endpoint.host) ? undefined : endpoint.host };
  if (endpoint.caFile) options.ca = readFileSync(endpoint.caFile, 'utf8');
  if (endpoint.fingerprint && endpoint.security !== 'none') {
    const pinned = endpoint.fingerprint.toUpperCase();
    // The pinned certificate becomes its own CA, and the fingerprint is checked again on the real connection.
    const seen = await probeCertificate(endpoint.host, endpoint.port, endpoint.security === 'starttls' ? protocol : null);
    if (seen.fingerprint.toUpperCase() === pinned) options.ca = seen.pem;
    options.checkServerIdentity = (_host, cert) =>
      cert.fingerprint256?.toUpperCase() === pinned ? undefined : new Error(`The server's certificate is not the one trusted for this account (expected ${pinned})`);
  }
  return options;
}
