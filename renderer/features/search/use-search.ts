/** The search outcome for the text typed, recomputed as the index changes (sync writes, indexing). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { onSearchLoaded, searchService } from '../../search';
import type { SearchOutcome } from '../../search/service';

/** Typing pauses shorter than this do not search (every key would otherwise). */
const DEBOUNCE_MS = 60;

const noop = () => () => undefined;

/** Changes whenever results may have: the service loaded, the index changed. */
export function useSearchVersion(): number {
  const loaded = useSyncExternalStore(onSearchLoaded, () => searchService() !== null);
  const service = searchService();
  const version = useSyncExternalStore(service ? (l) => service.subscribe(l) : noop, () => service?.version ?? 0);
  return loaded ? version + 1 : 0;
}

export function useSearch(text: string, me: ReadonlySet<string>): SearchOutcome | undefined {
  const [outcome, setOutcome] = useState<SearchOutcome>();
  const version = useSearchVersion();
  useEffect(() => {
    const service = searchService();
    if (!service || !text.trim()) return setOutcome(undefined);
    let current = true;
    const timer = setTimeout(() => {
      void service.search(text, me).then((o) => current && setOutcome(o));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, me, version]);
  return outcome;
}
