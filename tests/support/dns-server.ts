/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP) for tests: answers SRV, MX and A questions from a
 * table, NXDOMAIN for anything else, and counts the questions, so Node's resolver can be pointed at it.
 */
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

export type DnsRecord =
  | { type: 'SRV'; name: string; data: { priority: number; weight: number; port: number; target: string } }
  | { type: 'MX'; name: string; data: { preference: number; exchange: string } }
  | { type: 'A'; name: string; data: string };

export interface DnsServer {
  /** "127.0.0.1:port", for Resolver.setServers. */
  address: string;
  /** Every question asked, "TYPE name", in order. */
  asked: string[];
  stop(): Promise<void>;
}

export async function startDnsServer(records: DnsRecord[]): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const asked: string[] = [];
  socket.on('message', (message, peer) => {
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    asked.push(`${question.type} ${question.name}`);
    const answers = records.filter((r) => r.type === question.type && r.name.toLowerCase() === question.name.toLowerCase());
    const reply = packet.encode({
      id: query.id,
      type: 'response',
      flags: packet.AUTHORITATIVE_ANSWER | (answers.length ? 0 : 3), // rcode 3: NXDOMAIN
      questions: [question],
      answers: answers.map((r) => ({ ...r, class: 'IN', ttl: 60 }) as packet.Answer),
    });
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(socket.address() as AddressInfo).port}`,
    asked,
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
