import type { ReactNode } from "react";

export type DataRow = {
  key: string;
  /** one cell per column head, in order (text, or a link in place of it) */
  cells: ReactNode[];
  /** before the data cells: a selection box */
  lead?: ReactNode;
  /** after them: the row's buttons */
  actions?: ReactNode;
  /** under the row, across: a form that opens for it */
  below?: ReactNode;
};

/**
 * A list as a table whose column heads are the export's (lib/export/columns.ts): on a wide
 * screen a table; under 640 px each row is a card with each value under its label.
 * `data-column` marks the heads that are the export's, for the tests that compare them.
 */
export function DataTable({ head, rows, label, lead, actions, empty }: { head: string[]; rows: DataRow[]; label: string; lead?: string; actions?: string; empty: string }) {
  if (rows.length === 0) return <p className="card text-center text-slate-500">{empty}</p>;
  const span = head.length + (lead !== undefined ? 1 : 0) + (actions !== undefined ? 1 : 0);
  return (
    <div className="data-table-wrap">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {lead !== undefined && <th scope="col"><span className="sr-only">{lead}</span></th>}
            {head.map((h) => (
              <th key={h} scope="col" data-column="">
                {h}
              </th>
            ))}
            {actions !== undefined && <th scope="col">{actions}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => [
            <tr key={r.key}>
              {lead !== undefined && <td className="data-table-lead">{r.lead}</td>}
              {r.cells.map((c, i) => (
                <td key={head[i]} data-label={head[i]}>
                  {c}
                </td>
              ))}
              {actions !== undefined && <td className="data-table-actions">{r.actions}</td>}
            </tr>,
            r.below ? (
              <tr key={`${r.key}-below`} className="data-table-below">
                <td colSpan={span}>{r.below}</td>
              </tr>
            ) : null,
          ])}
        </tbody>
      </table>
    </div>
  );
}
