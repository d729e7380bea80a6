import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useApp } from '../../app/context';
import { useTranslation } from 'react-i18next';
import { kpiCsv, kpiSeries, kpis, type Kpis } from '../../../shared/kpi';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { agentTimeZone } from '../../sync/sla-policy';
import { KpiChart } from './KpiChart';

const DAYS = 14;
const WEEKS = 12;

function duration(ms: number | null, lang: string): string {
  if (ms === null) return '—';
  const hours = ms / 3_600_000;
  return hours >= 1
    ? new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(hours)
    : new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(ms / 60_000);
}

function Row({ label, k, lang }: { label: string; k: Kpis; lang: string }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{k.tickets}</td>
      <td>{duration(k.avgFirstResponseMs, lang)}</td>
      <td>{duration(k.avgResolutionMs, lang)}</td>
      <td>{k.overdueBacklog}</td>
      <td>{k.slaCompliancePercent === null ? '—' : `${k.slaCompliancePercent}%`}</td>
      <td>{k.satisfactionPercent === null ? '—' : t('kpi.satisfactionOf', { percent: k.satisfactionPercent, rated: k.rated })}</td>
    </tr>
  );
}

/** KPIs over the whole cache and per day for the last two weeks, with a CSV export. Offline by nature. */
export function KpiDashboard() {
  const { t, i18n } = useTranslation();
  const { me } = useApp();
  const now = useNow(60_000);
  const [unit, setUnit] = useState<'day' | 'week'>('day');
  /** 'all', 'me', 'team:<team>', or an account id. */
  const [scope, setScope] = useState('all');
  const accounts = useLiveQuery(() => db.accounts.toArray(), []);
  const data = useLiveQuery(async () => {
    const all = await db.tickets.toArray();
    const team = scope.startsWith('team:') ? scope.slice('team:'.length) : null;
    const tickets =
      scope === 'all' ? all
      : scope === 'me' ? all.filter((t) => t.assigneeId !== null && me.has(t.assigneeId))
      : team !== null ? all.filter((t) => t.team === team)
      : all.filter((t) => t.accountId === scope);
    // Every team the sources know (a team with no tickets yet is a team too), and any a ticket names.
    const known = (await db.teams.toArray()).map((g) => g.name);
    const teams = [...new Set([...known, ...all.flatMap((t) => (t.team ? [t.team] : []))])].sort((a, b) => a.localeCompare(b));
    return { teams, total: kpis(tickets, now), series: kpiSeries(tickets, now, unit, unit === 'day' ? DAYS : WEEKS, agentTimeZone()) };
  }, [now, unit, scope, me]);
  const exportCsv = () => {
    if (!data) return;
    const url = URL.createObjectURL(new Blob([kpiCsv(data.series, agentTimeZone())], { type: 'text/csv' }));
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
      <div className="kpi-filters">
        <label>
          {t('kpi.scope')}
          <select value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="all">{t('kpi.scopeAll')}</option>
            <option value="me">{t('kpi.scopeMe')}</option>
            {data && data.teams.length > 0 && (
              <optgroup label={t('kpi.scopeTeams')}>
                {data.teams.map((team) => (
                  <option key={team} value={`team:${team}`}>
                    {team}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('kpi.scopeAccounts')}>
              {accounts?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('kpi.unit')}
          <select value={unit} onChange={(e) => setUnit(e.target.value as 'day' | 'week')}>
            <option value="day">{t('kpi.byDay')}</option>
            <option value="week">{t('kpi.byWeek')}</option>
          </select>
        </label>
      </div>
      {data && <KpiChart series={data.series} labels={{ tickets: t('kpi.tickets'), firstResponse: t('kpi.firstResponseHours') }} />}
      {data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{unit === 'day' ? t('kpi.day') : t('kpi.week')}</th>
              <th scope="col">{t('kpi.tickets')}</th>
              <th scope="col">{t('kpi.firstResponse')}</th>
              <th scope="col">{t('kpi.resolution')}</th>
              <th scope="col">{t('kpi.overdue')}</th>
              <th scope="col">{t('kpi.compliance')}</th>
              <th scope="col">{t('kpi.satisfaction')}</th>
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
