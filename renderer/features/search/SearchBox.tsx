/** The search field over the list: "/" focuses it, Escape clears it; a malformed query says what is wrong. */
import { useTranslation } from 'react-i18next';
import { searchService } from '../../search';
import { useUi } from '../../stores/ui';
import type { SearchOutcome } from '../../search/service';
import { SaveView } from './SearchViews';
import { useSearchVersion } from './use-search';

export function SearchBox({ outcome }: { outcome: SearchOutcome | undefined }) {
  const { t } = useTranslation();
  const search = useUi((s) => s.search);
  const setSearch = useUi((s) => s.setSearch);
  useSearchVersion();
  const progress = searchService()?.progress;
  const error = outcome && !outcome.ok ? outcome.error : null;
  return (
    <div className="search" role="search">
      <div className="search-field">
        <input
          type="search"
          value={search}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          aria-invalid={!!error}
          aria-describedby={error ? 'search-error' : undefined}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setSearch('');
              e.currentTarget.blur();
            }
          }}
        />
        {search && (
          <button type="button" className="link" aria-label={t('search.clear')} onClick={() => setSearch('')}>
            ×
          </button>
        )}
      </div>
      {error && (
        <p id="search-error" className="search-error" role="alert">
          <code>
            {search.slice(0, error.from)}
            <mark>{search.slice(error.from, error.to) || ' '}</mark>
            {search.slice(error.to)}
          </code>{' '}
          {t(`search.error.${error.code}`, { operator: error.operator, allowed: error.allowed?.join(', ') })}
          {error.suggestion && ` ${t('search.error.unknown_operatorHint', { suggestion: error.suggestion })}`}
        </p>
      )}
      {outcome?.ok && search.trim() && <SaveView query={search} />}
      {progress && <p className="search-progress">{t('search.indexing', { done: progress.done, total: progress.total })}</p>}
    </div>
  );
}
