import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client';
import type { Params } from '../api/client';

export interface Session {
  api: Api;
  /** The time bounds every query is asked at (asOf, asKnownAt), as the URL gives them. */
  bounds: Params;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** A stable text for the bounds, for reloading when they change. */
export const boundsKey = (bounds: Params): string => `${bounds.asOf ?? ''}|${bounds.asKnownAt ?? ''}`;
