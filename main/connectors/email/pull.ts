/**
 * One page of an email pull. Per folder: a UIDVALIDITY change resets the folder; flag changes and
 * expunges since HIGHESTMODSEQ (CONDSTORE/QRESYNC), or a UID snapshot where the server lacks them; new
 * mail above the last UID; and the initial sync newest-first, a batch at a time, so the first page
 * shows the latest mail.
 */
import type { ImapFlow, MailboxObject, MessageStructureObject } from 'imapflow';
import type { Change } from '../../../shared/sync';
import type { EmailCursor, FolderState } from './cursor';
import type { MailMessage } from '../../../shared/email';
import { parseHeadersOnly, parseMail, type MailMeta } from './parse';
import { canRebuild, keptBytes, DEFAULT_LIMITS, partSections, rebuild, type PartialLimits } from './partial';

export interface PullContext {
  accountId: string;
  ownAddresses: string[];
  folders: string[];
  /** The team's notes folder (notes.ts), if the mailbox has one: its messages with the note header are notes. */
  notesFolder?: string;
  /** Messages per page, over all folders. */
  batch: number;
  /** Larger messages are stored as headers plus "too large to preview". */
  maxPreviewBytes: number;
  /** When a message is fetched part by part, leaving bulky parts on the server (partial.ts). */
  partial?: PartialLimits;
}

export const TOO_LARGE_NOTE = 'This message is too large to preview; download it to read it.';

/**
 * First each message's flags and size; then the source of the ordinary ones — at most
 * `maxPreviewBytes` of it: a larger message keeps only its headers (the original is downloadable on
 * demand) — and large multipart ones part by part, without their bulky parts (partial.ts), whatever
 * their size as long as the parts fetched fit the preview limit.
 */
async function fetchMessages(client: ImapFlow, ctx: PullContext, folder: string, uidValidity: number, uids: number[]): Promise<Change[]> {
  if (uids.length === 0) return [];
  const limits = ctx.partial ?? DEFAULT_LIMITS;
  const metas = new Map<number, MailMeta>();
  const large: number[] = [];
  for await (const m of client.fetch(uids.join(','), { uid: true, flags: true, size: true, internalDate: true }, { uid: true })) {
    const size = m.size ?? 0;
    const received = m.internalDate ? new Date(m.internalDate).getTime() : NaN;
    const internalDate = Number.isFinite(received) ? received : null;
    metas.set(m.uid, { accountId: ctx.accountId, folder, uidValidity, uid: m.uid, ownAddresses: ctx.ownAddresses, flags: [...(m.flags ?? [])], size, internalDate, notesFolder: folder === ctx.notesFolder });
    if (size > limits.largeBytes) large.push(m.uid);
  }
  // Large messages: their structure, then the sections wanted, one FETCH per shape of message.
  const byShape = new Map<string, { sections: string[]; structures: Map<number, MessageStructureObject> }>();
  if (large.length > 0) {
    for await (const m of client.fetch(large.join(','), { uid: true, bodyStructure: true }, { uid: true })) {
      // Over the preview limit too, as long as what is fetched (text, HTML, small parts) is within it: a reply
      // with a 24 MB file shows its text, the file stays on the server until opened.
      if (!m.bodyStructure || !canRebuild(m.bodyStructure) || keptBytes(m.bodyStructure, limits) > ctx.maxPreviewBytes) continue;
      const sections = partSections(m.bodyStructure, limits);
      const key = sections.join(' ');
      const shape = byShape.get(key) ?? { sections, structures: new Map() };
      shape.structures.set(m.uid, m.bodyStructure);
      byShape.set(key, shape);
    }
  }
  const mails = new Map<number, MailMessage>();
  for (const { sections, structures } of byShape.values()) {
    for await (const m of client.fetch([...structures.keys()].join(','), { uid: true, headers: true, bodyParts: sections }, { uid: true })) {
      const parts = new Map([...(m.bodyParts ?? new Map<string, Buffer>())].map(([key, value]) => [key.toLowerCase(), value] as const));
      const structure = structures.get(m.uid);
      const raw = structure && m.headers ? rebuild(m.headers, structure, parts, limits) : null;
      if (raw) mails.set(m.uid, await parseMail(raw, metas.get(m.uid)!));
    }
  }
  const whole = uids.filter((uid) => metas.has(uid) && !mails.has(uid));
  if (whole.length > 0) {
    for await (const m of client.fetch(whole.join(','), { uid: true, source: { maxLength: ctx.maxPreviewBytes + 1 } }, { uid: true })) {
      const meta = metas.get(m.uid);
      if (!m.source || !meta) continue;
      mails.set(m.uid, meta.size > ctx.maxPreviewBytes ? await parseHeadersOnly(m.source, meta, TOO_LARGE_NOTE, true) : await parseMail(m.source, { ...meta, size: meta.size || m.source.length }));
    }
  }
  return uids.flatMap((uid) => {
    const mail = mails.get(uid);
    return mail ? [{ kind: 'mail' as const, mail }] : [];
  });
}

/** Flag changes and expunges on already delivered messages. */
async function changesSince(client: ImapFlow, ctx: PullContext, folder: string, st: FolderState): Promise<Change[]> {
  if (st.lastUid === 0) return [];
  const base = { accountId: ctx.accountId, folder, uidValidity: st.uidValidity };
  const range = `1:${st.lastUid}`;
  const changes: Change[] = [];
  const condstore = client.enabled.has('CONDSTORE') && st.modseq !== null;
  if (condstore) {
    const vanished: number[] = [];
    const onExpunge = (e: { path: string; uid?: number; vanished: boolean }) => {
      if (e.path === folder && e.vanished && e.uid) vanished.push(e.uid);
    };
    client.on('expunge', onExpunge);
    try {
      for await (const m of client.fetch(range, { uid: true, flags: true }, { uid: true, changedSince: BigInt(st.modseq!) })) {
        if (m.uid <= st.lastUid) changes.push({ kind: 'mailFlags', flags: { ...base, uid: m.uid, flags: [...(m.flags ?? [])] } });
      }
    } finally {
      client.off('expunge', onExpunge);
    }
    if (client.enabled.has('QRESYNC')) {
      for (const uid of vanished) changes.push({ kind: 'mailGone', gone: { ...base, uid } });
      return changes;
    }
  }
  // Without QRESYNC: the UIDs still there tell what was expunged; without CONDSTORE, every flag is re-read.
  const present = (await client.search({ uid: range }, { uid: true })) || [];
  changes.push({ kind: 'mailSnapshot', snapshot: { ...base, upTo: st.lastUid, uids: present } });
  if (!condstore && present.length > 0) {
    for await (const m of client.fetch(range, { uid: true, flags: true }, { uid: true })) {
      changes.push({ kind: 'mailFlags', flags: { ...base, uid: m.uid, flags: [...(m.flags ?? [])] } });
    }
  }
  return changes;
}

export interface Page {
  changes: Change[];
  cursor: EmailCursor;
  done: boolean;
  progress: { done: number; total: number };
}

/**
 * The folder's UIDNEXT. Courier's SELECT answer has none: then STATUS says it, and where even that fails,
 * one more than the highest UID there (mail that arrives later is always above it).
 */
async function nextUid(client: ImapFlow, folder: string, box: MailboxObject): Promise<number> {
  if (Number.isSafeInteger(box.uidNext) && box.uidNext > 0) return box.uidNext;
  const status = await client.status(folder, { uidNext: true }).catch(() => false as const);
  if (status && Number.isSafeInteger(status.uidNext) && status.uidNext! > 0) return status.uidNext!;
  const all = (await client.search({ all: true }, { uid: true })) || [];
  return all.length ? Math.max(...all) + 1 : 1;
}

export async function pullPage(client: ImapFlow, ctx: PullContext, cursor: EmailCursor): Promise<Page> {
  const next: EmailCursor = { v: 1, folders: { ...cursor.folders } };
  const changes: Change[] = [];
  const progress = { done: 0, total: 0 };
  let budget = ctx.batch;
  let done = true;
  for (const folder of ctx.folders) {
    if (budget <= 0) {
      done = false;
      break;
    }
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const box = client.mailbox as MailboxObject;
      const uidValidity = Number(box.uidValidity);
      const uidNext = await nextUid(client, folder, box);
      const modseq = box.highestModseq !== undefined ? box.highestModseq.toString() : null;
      let st = next.folders[folder];
      if (st && st.uidValidity !== uidValidity) {
        // The server renumbered the folder: forget it and sync it afresh (the cache drops the old copies).
        changes.push({ kind: 'mailReset', reset: { accountId: ctx.accountId, folder, uidValidity } });
        st = undefined;
      }
      if (!st) {
        st = { uidValidity, lastUid: uidNext - 1, modseq, backfillBelow: uidNext };
      } else {
        changes.push(...(await changesSince(client, ctx, folder, st)));
        st = { ...st, modseq };
        if (uidNext - 1 > st.lastUid) {
          const fresh = ((await client.search({ uid: `${st.lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > st!.lastUid);
          const take = fresh.slice(0, budget);
          changes.push(...(await fetchMessages(client, ctx, folder, uidValidity, take)));
          budget -= take.length;
          if (take.length > 0) st.lastUid = take[take.length - 1]!;
          if (take.length < fresh.length) done = false;
          else st.lastUid = Math.max(st.lastUid, uidNext - 1);
        }
      }
      let remaining = 0;
      if (budget > 0 && st.backfillBelow > 1) {
        const older = (await client.search({ uid: `1:${st.backfillBelow - 1}` }, { uid: true })) || [];
        const take = older.slice(-budget);
        changes.push(...(await fetchMessages(client, ctx, folder, uidValidity, take)));
        budget -= take.length;
        remaining = older.length - take.length;
        st.backfillBelow = take.length < older.length ? take[0]! : 1;
      } else if (st.backfillBelow > 1) {
        remaining = ((await client.search({ uid: `1:${st.backfillBelow - 1}` }, { uid: true })) || []).length;
      }
      progress.total += box.exists;
      progress.done += Math.max(0, box.exists - remaining);
      if (st.backfillBelow > 1) done = false;
      next.folders[folder] = st;
    } finally {
      lock.release();
    }
    // EXAMINEd, so CLOSE removes nothing; the next pull selects the folder afresh and sees new UIDNEXT/MODSEQ.
    await client.mailboxClose();
  }
  return { changes, cursor: next, done, progress };
}
