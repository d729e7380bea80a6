/**
 * A WebSocket client at the byte level, for what no well-behaved client sends: frames unmasked, with
 * reserved bits or opcodes, lengths that lie, headers cut short. Loopback only.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawSocket {
  socket: Socket;
  /** The status line of the answer to the upgrade ("HTTP/1.1 101 Switching Protocols"). */
  status: string;
  /** Resolves when the host has closed or reset the connection. */
  closed: Promise<void>;
}

/** Sends an upgrade request with exactly these header lines (a Host header only if given). */
export function rawUpgrade(port: number, headerLines: string[]): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined); // a reset is one of the expected answers
    const timer = setTimeout(() => reject(new Error('no answer to the upgrade in 5 s')), 5000);
    socket.on('data', function onData(chunk) {
      answer += chunk.toString('latin1');
      if (!answer.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      clearTimeout(timer);
      resolve({ socket, status: answer.split('\r\n')[0]!, closed });
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ socket, status: answer.split('\r\n')[0] ?? '', closed });
    });
    socket.write(
      ['GET /ws HTTP/1.1', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', ...headerLines, '', ''].join('\r\n'),
    );
  });
}

export interface FrameOptions {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  mask?: boolean;
  /** The length the header claims, when it should lie about the payload. */
  claimedLength?: bigint;
}

/** One frame's bytes. */
export function frame(payload: Buffer, { fin = true, rsv = 0, opcode, mask = true, claimedLength }: FrameOptions): Buffer {
  const length = claimedLength ?? BigInt(payload.length);
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0xf)];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) head.push(maskBit | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  else {
    head.push(maskBit | 127);
    for (let shift = 56n; shift >= 0n; shift -= 8n) head.push(Number((length >> shift) & 0xffn));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), key, masked]);
}
