import type { Params } from '../api/client';
import type { CursorList } from '../api/programme-types';
import { useCursorList } from '../app/use-cursor-list';
import type { Column } from './data-table';
import { Choice, ChoiceSelect, ListFilters } from './list-controls';
import { PagedTable } from './paged-table';
import { Await } from './status';

export interface SearchableListSpec<Row> {
  /** The page's path in the URL. */
  path: string;
  endpoint: string;
  /** Parameters the page fixes (one evaluation's records). */
  fixed?: Params;
  limit: string;
  /** Prefix of the controls' ids: `{id}-q`, `{id}-sort`. */
  id: string;
  searchHint: string;
  /** The sorts the API offers, its default first. */
  sorts: readonly Choice[];
  caption: string;
  testId: string;
  /** Rows by name, plural: "data cuts". */
  what: string;
  rowKey: (row: Row) => string;
  columns: ReadonlyArray<Column<Row>>;
}

/** A cursor-paginated list with search and sort only, no other filters: the evaluation lists. */
export function SearchableList<Row>({
  spec,
  query,
  navigate,
}: {
  spec: SearchableListSpec<Row>;
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { params, pages, go, list, retry } = useCursorList<'q' | 'sort', CursorList<Row>>(
    { ...spec, params: ['q', 'sort'] },
    query,
    navigate,
  );
  return (
    <>
      <ListFilters
        label={`Sort the ${spec.what}`}
        search={{
          id: `${spec.id}-q`,
          label: 'Search',
          hint: spec.searchHint,
          value: params.q,
          onSearch: (q) => go({ q }),
        }}
      >
        <ChoiceSelect
          id={`${spec.id}-sort`}
          label="Sort by"
          value={params.sort ?? spec.sorts[0]?.value ?? ''}
          choices={spec.sorts}
          onChange={(sort) => go({ sort })}
        />
      </ListFilters>
      <Await resource={list} retry={retry} what={`the ${spec.what}`}>
        {(answer) => (
          <PagedTable
            caption={spec.caption}
            testId={spec.testId}
            list={answer}
            pages={pages}
            what={spec.what}
            rowKey={spec.rowKey}
            columns={spec.columns}
          />
        )}
      </Await>
    </>
  );
}
