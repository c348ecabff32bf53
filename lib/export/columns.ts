// A list's columns, declared once for the page and its export: the label (the page's column
// head and the sheet's header cell), the kind of value (how the page prints it and which
// cell type the XLSX writes, lib/export/xlsx.ts) and the width in the sheet. Pure: client
// components take the labels and cells from here too.
import { formatDate, formatDateTime } from "@/lib/format";

/**
 * auto (default): strings as text, numbers as numbers, a Date as a Beijing date-time; text:
 * always text (学号, 身份证号: never a number Excel could mangle); number; percent (a ratio,
 * 0.123 → 12.3%); date (a day); datetime (an instant, shown in Beijing time).
 */
export type ColumnType = "auto" | "text" | "number" | "percent" | "date" | "datetime";
export type CellValue = string | number | Date | null | undefined;
export type ExportColumn<T> = { header: string; width?: number; type?: ColumnType; value: (row: T) => CellValue };

/** The column heads, as the page shows them and the sheet's first row holds them. */
export const columnLabels = <T>(columns: readonly ExportColumn<T>[]): string[] => columns.map((c) => c.header);

/** A cell as the page prints it: Beijing dates and times, counts with separators, "—" when empty. */
export function cellText<T>(column: ExportColumn<T>, row: T): string {
  const v = column.value(row);
  if (v === null || v === undefined || v === "") return "—";
  const type = column.type ?? "auto";
  if (type === "percent" && typeof v === "number") return `${(v * 100).toFixed(1)}%`;
  if (v instanceof Date) return type === "date" ? formatDate(v) : formatDateTime(v);
  if (typeof v === "number") return type === "text" ? String(v) : v.toLocaleString("zh-CN");
  return v;
}

/** Every cell of a row, in the columns' order. */
export const rowCells = <T>(columns: readonly ExportColumn<T>[], row: T): string[] => columns.map((c) => cellText(c, row));
