/**
 * Escalating to the next support line in real Chromium: where the source keeps internal notes, the reason
 * is asked for and goes with the move as a note; where it keeps none, the move goes alone and the agent
 * is told so (a note such a source would refuse is never queued).
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { MutationOp } from '../../../../shared/mutation';
import { EscalateControl } from '../../../../renderer/features/ticket/EscalateControl';
import { db } from '../../../../renderer/db/schema';
import { setLineMap } from '../../../../renderer/db/support-lines';
import { initI18n } from '../../../../renderer/i18n';
import { ticket } from '../../fixtures';

initI18n();

async function render(notes: boolean) {
  const sent: MutationOp[] = [];
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  await act(async () => root.render(createElement(EscalateControl, { ticket: ticket(1, { team: 'Front desk' }), notes, mutate: async (op: MutationOp) => void sent.push(op) })));
  const button = async () => {
    for (let i = 0; i < 100 && !host.querySelector('.escalate > button'); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    return host.querySelector<HTMLButtonElement>('.escalate > button')!;
  };
  return { sent, host, button, unmount: () => act(async () => root.unmount()) };
}

describe('escalating to the next support line', () => {
  beforeEach(async () => {
    await db.open();
    await db.accounts.put({ id: 'acc', type: 'rt', name: 'RT', demo: false });
    await db.teams.bulkPut([{ id: 'acc:1', accountId: 'acc', name: 'Front desk' }, { id: 'acc:2', accountId: 'acc', name: 'Engineers' }]);
    await setLineMap(db, 'acc', { L1: 'Front desk', L2: 'Engineers' });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('asks why, and sends the move with a note saying so', async () => {
    const view = await render(true);
    expect((await view.button()).textContent).toBe('Escalate to L2 (Engineers)');
    await act(() => userEvent.click(view.host.querySelector('.escalate > button')!));
    await act(() => userEvent.fill(view.host.querySelector('textarea')!, 'Needs a database fix'));
    await act(() => userEvent.click(view.host.querySelector<HTMLButtonElement>('button[type="submit"]')!));
    expect(view.sent).toEqual([{ type: 'setTeam', team: 'Engineers' }, { type: 'reply', internal: true, text: 'Escalated to L2 (Engineers): Needs a database fix' }]);
    await view.unmount();
  });

  it('on a source without internal notes, moves the ticket alone and says the reason is not passed on', async () => {
    const view = await render(false);
    await view.button();
    expect(view.host.textContent).toContain('This source keeps no internal notes');
    await act(() => userEvent.click(view.host.querySelector('.escalate > button')!));
    expect(view.host.querySelector('textarea')).toBeNull();
    expect(view.sent).toEqual([{ type: 'setTeam', team: 'Engineers' }]);
    await view.unmount();
  });
});
