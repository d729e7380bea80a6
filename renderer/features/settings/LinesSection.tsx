import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { capabilitiesOf } from '../../../shared/capabilities';
import { supportLines, type LineMap } from '../../../shared/support-lines';
import { nameOptions } from '../../app/options';
import { db } from '../../db/schema';
import { lineMaps, setLineMap } from '../../db/support-lines';

/** Per account with teams: which team is L1, L2 and L3 (escalation moves a ticket up these). */
export function LinesSection() {
  const { t } = useTranslation();
  const data = useLiveQuery(async () => {
    const accounts = (await db.accounts.toArray()).filter((a) => capabilitiesOf(a).teams);
    const teams = await db.teams.toArray();
    return { accounts, teams, maps: await lineMaps(db) };
  }, []);
  if (!data || data.accounts.length === 0) return null;
  return (
    <fieldset className="lines">
      <legend>{t('lines.title')}</legend>
      <p className="muted">{t('lines.hint')}</p>
      {data.accounts.map((account) => {
        const lines: LineMap = data.maps[account.id] ?? {};
        const teams = data.teams.filter((g) => g.accountId === account.id).map((g) => g.name).sort();
        return (
          <div key={account.id} className="lines-account" role="group" aria-label={account.name}>
            <strong>{account.name}</strong>
            {teams.length === 0 && <span className="muted"> {t('lines.noTeams')}</span>}
            {teams.length > 0 &&
              supportLines.map((line) => (
                <label key={line}>
                  {line}
                  <select value={lines[line] ?? ''} onChange={(e) => void setLineMap(db, account.id, { ...lines, [line]: e.target.value || undefined })}>
                    <option value="">{t('lines.none')}</option>
                    {nameOptions(teams)}
                  </select>
                </label>
              ))}
          </div>
        );
      })}
    </fieldset>
  );
}
