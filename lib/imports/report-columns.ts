// The columns of an import's bad rows: the import page's table and the report's first
// sheet (lib/imports/report.ts). Pure: the page is a client component.
import type { ExportColumn } from "@/lib/export/columns";
import type { RowError } from "@/lib/students/import";

export const ROW_ERROR_COLUMNS: ExportColumn<RowError>[] = [
  { header: "行号", type: "number", width: 8, value: (e) => e.rowNumber },
  { header: "学号", type: "text", width: 14, value: (e) => e.studentNo },
  { header: "姓名", type: "text", width: 10, value: (e) => e.name },
  { header: "错误原因", type: "text", width: 80, value: (e) => e.reasons.join("；") },
];
