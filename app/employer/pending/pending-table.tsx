"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { BatchOutcome } from "@/lib/workflow";
import { useStepUp } from "@/components/auth/step-up";
import { batchSignAction, pendingRefsAction } from "../actions";

type Row = { id: string; version: number; name: string; studentNo: string; major: string; submittedAt: string };
type Ref = { agreementId: string; version: number };

const CHUNK = 100;

/** 待签约信息 with checkboxes and 批量签约; large batches go in chunks with a progress bar. */
export function PendingTable({ rows, total }: { rows: Row[]; total: number }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Map<string, Ref>>(new Map());
  const [allPages, setAllPages] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcomes, setOutcomes] = useState<BatchOutcome[]>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const stepUp = useStepUp();

  const toggle = (row: Row) => {
    setAllPages(false);
    const next = new Map(selected);
    if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, { agreementId: row.id, version: row.version });
    setSelected(next);
  };
  const pageAllChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const togglePage = () => {
    setAllPages(false);
    const next = new Map(selected);
    for (const r of rows) {
      if (pageAllChecked) next.delete(r.id);
      else next.set(r.id, { agreementId: r.id, version: r.version });
    }
    setSelected(next);
  };

  const batchSign = () =>
    startTransition(async () => {
      setError(undefined);
      setOutcomes(undefined);
      let refs = [...selected.values()];
      if (allPages) {
        const all = await pendingRefsAction();
        if (!all.ok) return setError(all.error);
        refs = all.data ?? [];
      }
      if (refs.length === 0) return setError("请至少勾选一名学生");
      if (!window.confirm(`将以单位信息中的默认内容与 ${refs.length} 名学生确定签约，确定吗？`)) return;
      const results: BatchOutcome[] = [];
      setProgress({ done: 0, total: refs.length });
      for (let i = 0; i < refs.length; i += CHUNK) {
        const chunk = refs.slice(i, i + CHUNK);
        const r = await stepUp(() => batchSignAction(chunk));
        if (!r.ok) {
          setError(r.error);
          break;
        }
        results.push(...(r.data ?? []));
        setProgress({ done: Math.min(i + CHUNK, refs.length), total: refs.length });
      }
      setOutcomes(results);
      setSelected(new Map());
      setAllPages(false);
      router.refresh();
    });

  const count = allPages ? total : selected.size;
  const ok = outcomes?.filter((o) => o.ok).length ?? 0;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-primary" onClick={batchSign} disabled={pending || count === 0}>
          {pending ? "批量签约中…" : `批量签约${count ? `（${count}）` : ""}`}
        </button>
        {total > rows.length && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-5 w-5" checked={allPages} onChange={(e) => setAllPages(e.target.checked)} />
            选择全部待签约（共 {total} 份，含其他页）
          </label>
        )}
      </div>
      {progress && pending && (
        <div role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-label="批量签约进度" className="space-y-1">
          <div className="h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-2 bg-brand-700 transition-all" style={{ width: `${(100 * progress.done) / progress.total}%` }} />
          </div>
          <p className="text-xs text-slate-600">
            已处理 {progress.done} / {progress.total}
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {outcomes && (
        <div className="card space-y-2" role="status">
          <p className="font-medium">
            批量签约完成：成功 {ok} 份，未成功 {outcomes.length - ok} 份。
          </p>
          {outcomes.some((o) => !o.ok) && (
            <ul className="list-disc pl-5 text-sm text-red-800">
              {outcomes
                .filter((o) => !o.ok)
                .map((o) => (
                  <li key={o.agreementId}>
                    {o.studentName ?? "（未知）"} {o.studentNo ?? ""}：{o.message}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="w-10 px-3 py-2">
                <input type="checkbox" className="h-5 w-5" aria-label="全选本页" checked={pageAllChecked} onChange={togglePage} />
              </th>
              <th className="px-3 py-2">姓名</th>
              <th className="px-3 py-2">学号</th>
              <th className="hidden px-3 py-2 sm:table-cell">专业</th>
              <th className="hidden px-3 py-2 sm:table-cell">提交时间</th>
              <th className="px-3 py-2">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    aria-label={`选择 ${r.name}`}
                    checked={allPages || selected.has(r.id)}
                    onChange={() => toggle(r)}
                  />
                </td>
                <td className="px-3 py-2 font-medium">{r.name}</td>
                <td className="px-3 py-2">{r.studentNo}</td>
                <td className="hidden px-3 py-2 sm:table-cell">{r.major}</td>
                <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{r.submittedAt}</td>
                <td className="px-3 py-2">
                  <Link prefetch={false} href={`/employer/pending/${r.id}`} className="text-brand-700 underline">
                    办理
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
