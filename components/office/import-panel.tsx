"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { ImportReport } from "@/lib/students/import";

type ImportAction = (form: FormData) => Promise<ActionResult<ImportReport>>;

/** Upload → report. A file with errors writes nothing until the user chooses 只导入正确的行. */
export function ImportPanel({ action, templateHref }: { action: ImportAction; templateHref: string }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const send = (mode: "strict" | "goodRowsOnly") => {
    if (!file) return setError("请选择要导入的 .xlsx 文件");
    setError(undefined);
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    startTransition(async () => {
      const result = await action(form);
      if (!result.ok) {
        setReport(undefined);
        return setError(result.fieldErrors?.file ?? result.error);
      }
      setReport(result.data);
    });
  };

  return (
    <div className="space-y-4">
      <div className="card space-y-3">
        <p className="text-sm text-slate-600">
          请先
          <a href={templateHref} className="mx-1 text-brand-700 underline" download>
            下载导入模板
          </a>
          ，按“填写说明”工作表填写后上传。同一学号再次导入将更新该生信息；信息有变化的学生将重新进入“待学院审核”。新学生的登录账号为学号，初始密码为身份证号后6位。
        </p>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <label htmlFor="import-file" className="sr-only">
            选择文件
          </label>
          <input
            ref={fileRef}
            id="import-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block w-full min-w-0 text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(undefined);
            }}
          />
          <button type="button" className="btn-primary shrink-0" disabled={pending || !file} onClick={() => send("strict")}>
            {pending ? "正在校验并导入…" : "校验并导入"}
          </button>
        </div>
        {pending && (
          <div role="status" aria-live="polite" className="h-2 overflow-hidden rounded bg-slate-100">
            <div className="h-full w-1/3 animate-pulse bg-brand-600" />
          </div>
        )}
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
      {report && <ImportReportView report={report} pending={pending} onGoodRowsOnly={() => send("goodRowsOnly")} />}
    </div>
  );
}

function ImportReportView({ report, pending, onGoodRowsOnly }: { report: ImportReport; pending: boolean; onGoodRowsOnly: () => void }) {
  if (report.fileError) {
    return (
      <p role="alert" className="card bg-red-50 text-sm text-red-800">
        {report.fileError}
      </p>
    );
  }
  const bad = report.errors.length;
  return (
    <div className="card space-y-3" aria-live="polite">
      <h2 className="font-semibold">导入报告</h2>
      <p className="text-sm">
        共 {report.total} 行，正确 {report.valid} 行，有误 {bad} 行。
        {report.written || report.unchanged > 0 || (bad === 0 && report.valid > 0)
          ? ` 已新增 ${report.created} 名、更新 ${report.updated} 名、未变化 ${report.unchanged} 名。`
          : " 文件有错误，本次未导入任何数据。"}
      </p>
      {bad > 0 && !report.written && report.unchanged === 0 && report.valid > 0 && (
        <button type="button" className="btn-secondary" onClick={onGoodRowsOnly} disabled={pending}>
          只导入正确的行（{report.valid} 行）
        </button>
      )}
      {bad > 0 && (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-2 py-1">行号</th>
                <th className="px-2 py-1">学号</th>
                <th className="px-2 py-1">姓名</th>
                <th className="px-2 py-1">错误原因</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={e.rowNumber} className="border-t border-slate-100 align-top">
                  <td className="px-2 py-1">{e.rowNumber}</td>
                  <td className="px-2 py-1">{e.studentNo || "—"}</td>
                  <td className="px-2 py-1">{e.name || "—"}</td>
                  <td className="px-2 py-1 text-red-700">{e.reasons.join("；")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
