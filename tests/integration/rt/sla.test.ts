/**
 * SLA from the source: RT's ServiceAgreements (configured on the test RT) set each ticket's Due, and
 * Switchboard's clock for an RT ticket is that due time, not a policy of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RtConnector } from '../../../main/connectors/rt/connector';
import { pullAll, ticketsIn } from '../peers/helpdesk';
import { rtAvailable, startRt, type Rt } from '../peers/rt';

// Skipped (with the reason printed) only where RT is not installed; .ci/run installs it, so CI runs these.
const available = rtAvailable();
if (!available) console.log('skipped: Request Tracker 5 is not installed here (apt-get install request-tracker5 rt5-db-sqlite; .ci/run does)');

let rt: Rt;
async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${rt.url}/REST/2.0/${path}`, {
    method,
    headers: { Authorization: `token ${rt.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe.skipIf(!available)('SLA from Request Tracker’s service agreements', () => {
  beforeAll(async () => {
    rt = await startRt();
    await rest('PUT', 'queue/General', { SLADisabled: 0 });
  }, 60_000);
  afterAll(async () => {
    await rt?.stop();
  });

  it('uses the due time RT computed from the ticket’s service agreement', async () => {
    const { id } = await rest<{ id: string }>('POST', 'ticket', { Queue: 'General', Subject: 'Site down', Requestor: 'vip@example.test', Content: 'Nothing loads.', ContentType: 'text/plain', SLA: 'urgent' });
    const raw = await rest<{ Due: string; Created: string; SLA: string }>('GET', `ticket/${id}`);
    expect(raw.SLA).toBe('urgent');
    const created = Date.parse(raw.Created);
    const due = Date.parse(raw.Due);
    // Created by the agent, so no response is owed: the resolve target, RealMinutes => 240 as configured.
    expect(due - created).toBe(240 * 60_000);

    const connector = new RtConnector({ id: 'rt', type: 'rt', name: 'RT', demo: false }, rt.url, () => rt.token, 50);
    const ticket = ticketsIn((await pullAll(connector, null)).changes).find((t) => t.remoteId === id)!;
    expect(ticket.slaDueAt).toBe(due);
  });
});
