import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../../main/connectors/email/cursor';
import { keywordsFor } from '../../../../main/connectors/email/keywords';

describe('the email cursor', () => {
  const good = { uidValidity: 7, lastUid: 41, modseq: '123', backfillBelow: 1 };

  it('reads back what it wrote', () => {
    const cursor = { v: 1 as const, folders: { INBOX: good } };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('rebuilds what it cannot read instead of stopping the sync: the folder at fault starts again, the others go on', () => {
    // Courier's SELECT has no UIDNEXT: an earlier version stored lastUid null and every later pull failed.
    const courier = JSON.stringify({ v: 1, folders: { INBOX: { ...good, lastUid: null, backfillBelow: null }, 'INBOX.Sent': good } });
    expect(decodeCursor(courier)).toEqual({ v: 1, folders: { 'INBOX.Sent': good } });
    expect(decodeCursor('not json at all')).toEqual({ v: 1, folders: {} });
    expect(decodeCursor(JSON.stringify({ v: 2, folders: { INBOX: good } }))).toEqual({ v: 1, folders: {} });
    expect(decodeCursor(null)).toEqual({ v: 1, folders: {} });
  });
});

describe('triage keywords', () => {
  it('spend no keyword on the default priority, and clear the others', () => {
    expect(keywordsFor({ type: 'setPriority', priority: 'normal' })).toEqual({ add: [], remove: ['$sb-priority-low', '$sb-priority-high', '$sb-priority-urgent'] });
    expect(keywordsFor({ type: 'setPriority', priority: 'high' })?.add).toEqual(['$sb-priority-high']);
  });
});
