import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  label: string;
  value: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  testId?: string;
}

/** A plain table in a region that scrolls sideways on a narrow screen (and can be scrolled by keyboard). */
export function DataTable<Row>({ caption, columns, rows, rowKey, testId }: DataTableProps<Row>) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.label} class={c.numeric ? 'numeric' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>No rows at these bounds.</td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row, i)}>
                {columns.map((c) => (
                  <td key={c.label} class={c.numeric ? 'numeric' : undefined}>
                    {c.value(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
