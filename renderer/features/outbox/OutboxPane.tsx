/** The Outbox: every change not yet at its source, oldest first, with its state and what can be done. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { useNow } from '../../app/use-now';
import { OutboxItem } from './OutboxItem';

export function OutboxPane() {
  const { t } = useTranslation();
  const now = useNow(5_000); // "next try in …" moves on
  const rows = useLiveQuery(async () => {
    const all = await db.outbox.orderBy('seq').limit(1000).toArray();
    const tickets = new Map((await db.tickets.bulkGet([...new Set(all.map((r) => r.ticketId))])).flatMap((x) => (x ? [[x.id, x.subject] as const] : [])));
    return all.map((row) => ({ row, subject: tickets.get(row.ticketId) ?? row.ticketId }));
  }, [now]);
  return (
    <section className="outbox" aria-label={t('outbox.title')}>
      <h1>{t('outbox.title')}</h1>
      {rows && rows.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
      <ul>
        {rows?.map(({ row, subject }) => (
          <OutboxItem key={row.id} row={row} subject={subject} />
        ))}
      </ul>
    </section>
  );
}
