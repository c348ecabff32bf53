"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { cellText, columnLabels } from "@/lib/export/columns";
import type { ImportJobView } from "@/lib/imports/jobs";
import { ROW_ERROR_COLUMNS } from "@/lib/imports/report-columns";

type Props = {
  templateHref: string;
  /** the person's latest import (the page reads it): a reload shows where it stands */
  initialJob: ImportJobView | null;
  maxBytes: number;
  limitText: string;
};

const PHASES: Record<string, string> = { read: "正在读取文件", check: "正在校验", hash: "正在生成登录账号", write: "正在写入" };
const ACCEPT = ".xlsx,.ods,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet";

async function readError(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    return body.error ?? `服务暂时不可用（${res.status}），请稍后重试`;
  } catch {
    return `服务暂时不可用（${res.status}），请稍后重试`;
  }
}

/** Upload (with its progress) → background job (phase and progress, polled) → report. */
export function ImportPanel({ templateHref, initialJob, maxBytes, limitText }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(initialJob);
  const [upload, setUpload] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const follow = useCallback((id: string) => {
    clearTimeout(timer.current);
    const poll = async () => {
      try {
        const res = await fetch(`/api/imports/${id}`, { cache: "no-store" });
        if (!res.ok) throw new Error(await readError(res));
        const next = (await res.json()) as ImportJobView;
        setJob(next);
        if (next.status === "QUEUED" || next.status === "RUNNING") timer.current = setTimeout(poll, 1000);
      } catch (e) {
        setError((e as Error).message);
        timer.current = setTimeout(poll, 3000);
      }
    };
    void poll();
  }, []);

  useEffect(() => {
    if (initialJob && (initialJob.status === "QUEUED" || initialJob.status === "RUNNING")) follow(initialJob.id);
    return () => clearTimeout(timer.current);
  }, [initialJob, follow]);

  const running = upload !== null || job?.status === "QUEUED" || job?.status === "RUNNING";

  const send = () => {
    if (!file) return setError("请选择要导入的文件");
    if (file.size === 0) return setError("所选文件是空的");
    if (file.size > maxBytes) return setError(`文件不能超过 ${limitText}，请分批导入`);
    setError(undefined);
    setJob(null);
    setUpload(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports?kind=students&mode=strict");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && setUpload(Math.round((100 * e.loaded) / e.total));
    xhr.onerror = () => {
      setUpload(null);
      setError("上传失败：网络连接中断，请重试");
    };
    xhr.onload = () => {
      setUpload(null);
      let body: { jobId?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status !== 202 || !body.jobId) return setError(body.error ?? `上传失败（${xhr.status}），请稍后重试`);
      follow(body.jobId);
    };
    xhr.send(file);
  };

  const goodRowsOnly = async () => {
    if (!job) return;
    setError(undefined);
    const res = await fetch(`/api/imports/${job.id}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action: "goodRowsOnly" }) });
    if (res.status !== 202) return setError(await readError(res));
    setJob({ ...job, status: "QUEUED", phase: null, done: 0, total: 0, canImportGoodRows: false });
    follow(job.id);
  };

  return (
    <div className="space-y-4">
      <div className="card space-y-3">
        <p className="text-sm text-slate-600">
          请先
          <a href={templateHref} className="mx-1 text-brand-700 underline" download>
            下载导入模板
          </a>
          ，按“填写说明”工作表填写后上传（.xlsx，也可以是 WPS / LibreOffice 的 .ods、.xls 或 .csv；文件不超过 {limitText}，每次最多 20000 行）。同一学号再次导入将更新该生信息；信息有变化的学生将重新进入“待学院审核”。新学生的登录账号为学号，系统为每人生成随机初始密码，放在导入报告里（只能下载一次），本人首次登录后须修改。
        </p>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <label htmlFor="import-file" className="sr-only">
            选择文件
          </label>
          <input
            id="import-file"
            type="file"
            accept={ACCEPT}
            className="block w-full min-w-0 text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(undefined);
            }}
          />
          <button type="button" className="btn-primary shrink-0" disabled={running || !file} onClick={send}>
            {running ? "正在导入…" : "校验并导入"}
          </button>
        </div>
        {upload !== null && <Progress label={`正在上传 ${upload}%`} percent={upload} />}
        {job && (job.status === "QUEUED" || job.status === "RUNNING") && (
          <Progress
            label={
              job.status === "QUEUED"
                ? `已上传“${job.fileName}”，等待处理…`
                : `${PHASES[job.phase ?? "read"]}${job.total ? `（${job.done.toLocaleString("zh-CN")} / ${job.total.toLocaleString("zh-CN")}）` : job.done ? `（已读取 ${job.done.toLocaleString("zh-CN")} 行）` : "…"}`
            }
            percent={job.total ? Math.round((100 * job.done) / job.total) : null}
          />
        )}
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
      {job && (job.status === "DONE" || job.status === "FAILED") && <ImportReportView job={job} onGoodRowsOnly={goodRowsOnly} />}
    </div>
  );
}

function Progress({ label, percent }: { label: string; percent: number | null }) {
  return (
    <div role="status" aria-live="polite" className="space-y-1">
      <p className="text-sm text-slate-700">{label}</p>
      <div className="h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined} aria-label={label}>
        {percent === null ? <div className="h-full w-1/3 animate-pulse bg-brand-600" /> : <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />}
      </div>
    </div>
  );
}

function ImportReportView({ job, onGoodRowsOnly }: { job: ImportJobView; onGoodRowsOnly: () => void }) {
  const [credentialsTaken, setCredentialsTaken] = useState(false);
  const s = job.summary;
  if (job.status === "FAILED" || !s) {
    return (
      <p role="alert" className="card bg-red-50 text-sm text-red-800">
        {job.error ?? "导入失败，请重新上传"}
      </p>
    );
  }
  if (s.fileError) {
    return (
      <p role="alert" className="card bg-red-50 text-sm text-red-800">
        {s.fileError}
      </p>
    );
  }
  const bad = job.errorCount;
  const credentials = credentialsTaken ? 0 : job.credentialsPending;
  return (
    <div className="card space-y-3" aria-live="polite">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">导入报告（{job.fileName}）</h2>
        {(bad > 0 || credentials > 0) && (
          <a id="download-import-report" className="btn-secondary" href={`/api/imports/${job.id}/report`} download onClick={() => setCredentialsTaken(true)}>
            下载报告（Excel{bad > 0 ? `，${bad} 行有误` : ""}{credentials > 0 ? `，含 ${credentials} 名新学生的初始密码` : ""}）
          </a>
        )}
      </div>
      {credentials > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {credentials} 名新学生的初始密码在导入报告中，<strong>只能下载一次</strong>（24 小时内），下载后系统不再保存。请通过可靠渠道发放给本人；遗失的由就业处重置。
        </p>
      )}
      <p className="text-sm">
        共 {s.total} 行，正确 {s.valid} 行，有误 {bad} 行。
        {s.written || s.unchanged > 0 || (bad === 0 && s.valid > 0) ? ` 已新增 ${s.created} 名、更新 ${s.updated} 名、未变化 ${s.unchanged} 名。` : " 文件有错误，本次未导入任何数据。"}
      </p>
      {job.canImportGoodRows && (
        <button type="button" className="btn-secondary" onClick={onGoodRowsOnly}>
          只导入正确的行（{s.valid} 行）
        </button>
      )}
      {bad > 0 && (
        <div className="overflow-x-auto">
          {bad > job.errors.length && <p className="mb-2 text-sm text-slate-600">以下为前 {job.errors.length} 行有误的数据，全部 {bad} 行请下载报告。</p>}
          <table className="min-w-full text-left text-sm" aria-label="有误的行">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {columnLabels(ROW_ERROR_COLUMNS).map((h) => (
                  <th key={h} data-column="" className="px-2 py-1">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e) => (
                <tr key={e.rowNumber} className="border-t border-slate-100 align-top">
                  {ROW_ERROR_COLUMNS.map((c, i) => (
                    <td key={c.header} className={`px-2 py-1 ${i === ROW_ERROR_COLUMNS.length - 1 ? "text-red-700" : ""}`}>
                      {cellText(c, e)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
