import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, unreachable } from '../api/problem';

export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

const LOADING = { state: 'loading' } as const;

/**
 * Loads whenever `key` changes (or on retry). An answer that arrives after
 * the key moved on is dropped, so a slow old query never overwrites a new one;
 * and an answer is never shown under another key (the next page's number over
 * the last page's rows), not even for the frame before the new query starts.
 */
export function useResource<T>(load: () => Promise<T>, key: string): [Resource<T>, () => void] {
  const [held, setHeld] = useState<{ key: string; resource: Resource<T> }>({ key, resource: LOADING });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    const setResource = (resource: Resource<T>) => setHeld({ key, resource });
    setResource(LOADING);
    load().then(
      (data) => current && setResource({ state: 'ready', data }),
      (error: unknown) =>
        current &&
        setResource({ state: 'failed', error: error instanceof ApiError ? error : unreachable(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when what it loads changes.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [held.key === key ? held.resource : LOADING, retry];
}
