// The downloadable report of an import: every bad row with its reasons, and the outcome.
// Sheets are a list so that more can join (e.g. the new accounts' initial passwords).
import { formatDateTime } from "@/lib/format";
import type { InitialCredential, RowError } from "@/lib/students/import";
import type { ExportSheet } from "@/lib/export/xlsx";
import type { ImportJobView } from "./jobs";
import { ROW_ERROR_COLUMNS } from "./report-columns";

export function importReportSheets(view: ImportJobView, errors: RowError[], credentials: InitialCredential[] = []): ExportSheet<any>[] {  // eslint-disable-line @typescript-eslint/no-explicit-any
  const s = view.summary;
  const outcome = !s ? (view.error ?? "导入未完成") : s.fileError ? s.fileError : s.written || s.unchanged > 0 ? "已导入" : errors.length ? "文件有错误，未导入任何数据" : "已导入";
  const summary: [string, string | number | Date][] = [
    ["文件", view.fileName],
    ["上传时间", new Date(view.createdAt)],
    ["导入方式", view.mode === "goodRowsOnly" ? "只导入正确的行" : "全部正确才导入"],
    ["结果", outcome],
    ["数据行", s?.total ?? 0],
    ["正确", s?.valid ?? 0],
    ["有误", errors.length],
    ["新增", s?.created ?? 0],
    ["更新", s?.updated ?? 0],
    ["未变化", s?.unchanged ?? 0],
  ];
  const sheets: ExportSheet<any>[] = [  // eslint-disable-line @typescript-eslint/no-explicit-any
    {
      name: "有误的行",
      batches: [errors],
      columns: ROW_ERROR_COLUMNS, // the import page's table
    },
    {
      name: "导入结果",
      batches: [summary],
      columns: [
        { header: "项目", type: "text", width: 12, value: (r: (typeof summary)[number]) => r[0] },
        { header: "内容", width: 40, value: (r: (typeof summary)[number]) => r[1] },
      ],
    },
  ];
  if (credentials.length) {
    // handed out with this one download only (lib/imports/jobs.ts erases them as it reads them)
    sheets.unshift({
      name: "初始密码",
      batches: [credentials],
      columns: [
        { header: "学号（登录账号）", type: "text", width: 16, value: (c: InitialCredential) => c.studentNo },
        { header: "姓名", type: "text", width: 10, value: (c: InitialCredential) => c.name },
        { header: "初始密码", type: "text", width: 16, value: (c: InitialCredential) => c.initialPassword },
        { header: "有效期至", type: "date", width: 12, value: (c: InitialCredential) => new Date(c.expiresAt) },
        { header: "说明", type: "text", width: 40, value: () => "首次登录后须修改；本文件只能下载一次，发放后请删除" },
      ],
    });
  }
  return sheets;
}

export function importReportFileName(view: ImportJobView): string {
  return `导入报告_${formatDateTime(view.createdAt).replace(/[-: ]/g, "")}.xlsx`;
}
