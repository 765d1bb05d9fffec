import { useCallback, useEffect, useState } from 'preact/hooks';

export interface CursorPages {
  /** The cursor of the page shown; undefined for the first. */
  cursor: string | undefined;
  /** 1 for the first page. */
  number: number;
  next(cursor: string): void;
  previous(): void;
}

/**
 * Where a reader is in a cursor-paginated list: the cursors of the pages
 * they came through, so Previous goes back without the API paging backwards.
 * A new `key` (other filters, search, sort or bounds) starts again at page one.
 */
export function useCursorPages(key: string): CursorPages {
  const [trail, setTrail] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] });
  useEffect(() => setTrail({ key, cursors: [] }), [key]);
  const cursors = trail.key === key ? trail.cursors : [];
  const next = useCallback(
    (cursor: string) => setTrail((t) => ({ key, cursors: [...t.cursors, cursor] })),
    [key],
  );
  const previous = useCallback(() => setTrail((t) => ({ key, cursors: t.cursors.slice(0, -1) })), [key]);
  return { cursor: cursors[cursors.length - 1], number: cursors.length + 1, next, previous };
}
