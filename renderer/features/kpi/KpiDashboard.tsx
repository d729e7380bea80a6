import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { kpiCsv, kpiSeries, kpis, type Kpis } from '../../../shared/kpi';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { KpiChart } from './KpiChart';

const DAYS = 14;
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function duration(ms: number | null, lang: string): string {
  if (ms === null) return '—';
  const hours = ms / 3_600_000;
  return hours >= 1
    ? new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(hours)
    : new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(ms / 60_000);
}

function Row({ label, k, lang }: { label: string; k: Kpis; lang: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{k.tickets}</td>
      <td>{duration(k.avgFirstResponseMs, lang)}</td>
      <td>{duration(k.avgResolutionMs, lang)}</td>
      <td>{k.overdueBacklog}</td>
      <td>{k.slaCompliancePercent === null ? '—' : `${k.slaCompliancePercent}%`}</td>
    </tr>
  );
}

/** KPIs over the whole cache and per day for the last two weeks, with a CSV export. Offline by nature. */
export function KpiDashboard() {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const data = useLiveQuery(async () => {
    const tickets = await db.tickets.toArray();
    return { total: kpis(tickets, now), series: kpiSeries(tickets, now, 'day', DAYS, zone()) };
  }, [now]);
  const exportCsv = () => {
    if (!data) return;
    const url = URL.createObjectURL(new Blob([kpiCsv(data.series, zone())], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'switchboard-kpis.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  };
  const day = (start: number) => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short' }).format(start);
  return (
    <section className="kpi" aria-label={t('kpi.title')}>
      <h1>{t('kpi.title')}</h1>
      <p className="muted">{t('kpi.note')}</p>
      {data && <KpiChart series={data.series} labels={{ tickets: t('kpi.tickets'), firstResponse: t('kpi.firstResponseHours') }} />}
      {data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('kpi.day')}</th>
              <th scope="col">{t('kpi.tickets')}</th>
              <th scope="col">{t('kpi.firstResponse')}</th>
              <th scope="col">{t('kpi.resolution')}</th>
              <th scope="col">{t('kpi.overdue')}</th>
              <th scope="col">{t('kpi.compliance')}</th>
            </tr>
          </thead>
          <tbody>
            <Row label={t('kpi.all')} k={data.total} lang={i18n.language} />
            {[...data.series].reverse().map((s) => (
              <Row key={s.start} label={day(s.start)} k={s.kpis} lang={i18n.language} />
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={exportCsv} disabled={!data}>
        {t('kpi.export')}
      </button>
    </section>
  );
}
