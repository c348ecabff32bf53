"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { DataTable } from "@/components/ui/data-table";

/** A row of the list: its cells are the export's columns (lib/students/columns.ts), as text. */
export type ReviewRow = { id: string; name: string; status: string; cells: string[] };

type Props = {
  /** the column heads, the export's */
  head: string[];
  rows: ReviewRow[];
  approvable: string[];
  returnable: string[];
  approveLabel: string;
  approveAction: (input: unknown) => Promise<ActionResult<{ studentId: string; ok: boolean; message: string }[]>>;
  returnAction: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** 生源信息 list with 批量审核通过 and 退回 (with reason) per row. */
export function StudentReviewList({ head, rows, approvable, returnable, approveLabel, approveAction, returnAction }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [returning, setReturning] = useState<string>();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string[] }>();
  const [pending, startTransition] = useTransition();
  const selectable = rows.filter((r) => approvable.includes(r.status));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const approve = (ids: string[]) =>
    startTransition(async () => {
      const result = await approveAction({ studentIds: ids });
      if (!result.ok) return setMessage({ ok: false, text: result.error });
      setMessage({ ok: true, text: result.message ?? "", details: result.data?.filter((o) => !o.ok).map((o) => o.message) });
      setSelected(new Set());
      router.refresh();
    });

  const sendReturn = (id: string) =>
    startTransition(async () => {
      const result = await returnAction({ studentId: id, reason });
      if (!result.ok) return setMessage({ ok: false, text: result.fieldErrors?.reason ?? result.error });
      setMessage({ ok: true, text: result.message ?? "已退回" });
      setReturning(undefined);
      setReason("");
      router.refresh();
    });

  return (
    <div className="space-y-3">
      {message && (
        <div role={message.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
          {message.details?.length ? <ul className="mt-1 list-disc pl-5">{message.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
        </div>
      )}
      {selectable.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.size === selectable.length}
              onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((r) => r.id)) : new Set())}
            />
            全选本页可审核的 {selectable.length} 名
          </label>
          <button type="button" className="btn-primary" disabled={pending || selected.size === 0} onClick={() => approve([...selected])}>
            {approveLabel}（{selected.size}）
          </button>
        </div>
      )}
      <DataTable
        head={head}
        label="生源信息"
        lead="选择"
        actions="操作"
        empty="没有符合条件的生源信息。"
        rows={rows.map((r) => ({
          key: r.id,
          cells: r.cells,
          lead: approvable.includes(r.status) ? <input type="checkbox" aria-label={`选择 ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} /> : null,
          actions: (
            <>
              {approvable.includes(r.status) && (
                <button type="button" className="btn-secondary whitespace-nowrap" disabled={pending} onClick={() => approve([r.id])}>
                  {approveLabel}
                </button>
              )}
              {returnable.includes(r.status) && returning !== r.id && (
                <button type="button" className="btn-secondary text-red-700" disabled={pending} onClick={() => setReturning(r.id)}>
                  退回
                </button>
              )}
            </>
          ),
          below:
            returning === r.id ? (
              <div className="w-full max-w-xl space-y-2">
                <label htmlFor={`reason-${r.id}`} className="label">
                  退回原因<span className="text-red-700">*</span>
                </label>
                <textarea id={`reason-${r.id}`} rows={2} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
                <div className="flex gap-2">
                  <button type="button" className="btn-danger" disabled={pending} onClick={() => sendReturn(r.id)}>
                    确认退回
                  </button>
                  <button type="button" className="btn-secondary" onClick={() => setReturning(undefined)}>
                    取消
                  </button>
                </div>
              </div>
            ) : undefined,
        }))}
      />
    </div>
  );
}
