"use client";
// 电子协议鉴证: the approved electronic agreements waiting for the 学校毕业生就业主管部门,
// ticked and attested at once (each checked as a single 鉴证), with each one's outcome.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { BatchOutcome } from "@/lib/workflow";
import { batchAttestAction } from "@/app/_reviewer/actions";

export type AttestRow = { id: string; version: number; agreementNo: string; name: string; studentNo: string; college: string; unit: string; approvedAt: string };

export function AttestTable({ rows }: { rows: AttestRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<BatchOutcome[]>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const attest = () =>
    startTransition(async () => {
      setError(undefined);
      setOutcomes(undefined);
      const items = rows.filter((r) => selected.has(r.id)).map((r) => ({ agreementId: r.id, version: r.version }));
      if (items.length === 0) return setError("请至少勾选一份协议");
      if (!window.confirm(`将为 ${items.length} 份电子协议加盖学校毕业生就业主管部门鉴证章，鉴证后电子原件即生效。确定鉴证吗？`)) return;
      const r = await batchAttestAction(items);
      if (!r.ok) return setError(r.error);
      setOutcomes(r.data ?? []);
      setSelected(new Set());
      router.refresh();
    });
  const ok = outcomes?.filter((o) => o.ok).length ?? 0;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn-primary" onClick={attest} disabled={pending || selected.size === 0}>
          {pending ? "鉴证中…" : `批量鉴证${selected.size ? `（${selected.size}）` : ""}`}
        </button>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="h-5 w-5" checked={all} onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} />
          全选本页
        </label>
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {outcomes ? (
        <div className="card space-y-2" role="status">
          <p className="font-medium">
            鉴证完成：成功 {ok} 份，未成功 {outcomes.length - ok} 份。
          </p>
          {outcomes.some((o) => !o.ok) ? (
            <ul className="list-disc pl-5 text-sm text-red-800">
              {outcomes
                .filter((o) => !o.ok)
                .map((o) => (
                  <li key={o.agreementId}>
                    {o.studentName ?? "（未知）"} {o.studentNo ?? ""}：{o.message}
                  </li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((r) => (
          <li key={r.id} className="flex items-start gap-3 p-3 text-sm">
            <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" aria-label={`选择 ${r.name}（${r.studentNo}）`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
            <div className="min-w-0 flex-1">
              <Link prefetch={false} href={`/office/agreements/${r.id}`} className="font-medium text-brand-700 underline">
                {r.name}（{r.studentNo}）
              </Link>
              <div className="break-words text-slate-600">
                {r.college} · {r.unit}
              </div>
              <div className="text-xs text-slate-500">
                协议书号 {r.agreementNo} · 学院通过于 {r.approvedAt}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
