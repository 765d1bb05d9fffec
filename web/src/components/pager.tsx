import type { CursorPageInfo } from '../api/programme-types';
import type { CursorPages } from '../app/use-cursor-pages';
import { formatCount } from '../app/format';

/** "Rows 51–100 of 240", and Previous / Next page buttons for a cursor-paginated list. */
export function Pager({
  pages,
  info,
  shown,
  what,
}: {
  pages: CursorPages;
  info: CursorPageInfo;
  shown: number;
  what: string;
}) {
  const first = (pages.number - 1) * info.limit + 1;
  return (
    <nav class="pager" aria-label={`Pages of ${what}`}>
      <p data-testid="pager-status">
        {shown === 0
          ? `No ${what}`
          : `${what.charAt(0).toUpperCase()}${what.slice(1)} ${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(info.total)} (page ${pages.number})`}
      </p>
      <button type="button" class="secondary" disabled={pages.number === 1} onClick={pages.previous}>
        Previous page
      </button>
      <button
        type="button"
        class="secondary"
        disabled={info.nextCursor === null}
        onClick={() => info.nextCursor && pages.next(info.nextCursor)}
      >
        Next page
      </button>
    </nav>
  );
}
