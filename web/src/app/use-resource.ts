import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, unreachable } from '../api/problem';

export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

/**
 * Loads whenever `key` changes (or on retry). An answer that arrives after
 * the key moved on is dropped, so a slow old query never overwrites a new one.
 */
export function useResource<T>(load: () => Promise<T>, key: string): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setResource({ state: 'loading' });
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
  return [resource, retry];
}
