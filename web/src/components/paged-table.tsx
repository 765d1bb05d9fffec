import type { CursorList } from '../api/programme-types';
import type { CursorPages } from '../app/use-cursor-pages';
import { DataTable, DataTableProps } from './data-table';
import { Pager } from './pager';

/** One page of a cursor-paginated list as a table, with Previous / Next page beneath it. */
export function PagedTable<Row>({
  list,
  pages,
  what,
  ...table
}: Omit<DataTableProps<Row>, 'rows'> & { list: CursorList<Row>; pages: CursorPages; what: string }) {
  return (
    <>
      <DataTable {...table} rows={list.items} />
      <Pager pages={pages} info={list.page} shown={list.items.length} what={what} />
    </>
  );
}
