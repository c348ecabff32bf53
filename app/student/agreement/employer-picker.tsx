"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { createPortal } from "react-dom";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { searchEmployersAction } from "./actions";

type Row = { id: string; name: string; natureCode: string; address: string };

/** 选择签约单位: every unit registered and approved, fuzzy search, paged. */
export function EmployerPicker({ onPick, onClose }: { onPick: (row: { id: string; name: string }) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ rows: Row[]; total: number; pages: number }>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  // Answers can arrive out of order (the opening search may finish after the person's own):
  // only the latest request's answer is shown.
  const latest = useRef(0);
  const search = (query: string, p: number) =>
    startTransition(async () => {
      const request = ++latest.current;
      const r = await searchEmployersAction(query, p);
      if (request !== latest.current) return;
      if (!r.ok) return setError(r.error);
      setError(undefined);
      setResult(r.data);
      setPage(p);
    });

  useEffect(() => {
    dialog.current?.showModal();
    search("", 1);
  }, []);

  // Rendered at the end of <body>: the picker has its own search form, which must not sit
  // inside the agreement form (a nested form would submit the outer one).
  return createPortal(
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="picker-title"
      className="m-auto w-[min(42rem,calc(100vw-1rem))] rounded-lg p-0 backdrop:bg-black/40"
    >
      <div className="space-y-3 p-4">
        <div className="flex items-center justify-between">
          <h2 id="picker-title" className="text-base font-semibold">
            选择签约单位
          </h2>
          <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
            关闭
          </button>
        </div>
        <form
          role="search"
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            // React bubbles events through the portal to the agreement form: keep it from saving
            e.stopPropagation();
            search(q, 1);
          }}
        >
          <label htmlFor="picker-q" className="sr-only">
            单位名称或统一社会信用代码
          </label>
          <input id="picker-q" className="input" value={q} onChange={(e) => setQ(e.target.value)} placeholder="输入单位名称关键字（支持模糊查询）" maxLength={50} />
          <button type="submit" className="btn-primary shrink-0" disabled={pending}>
            查询
          </button>
        </form>
        {error && <p className="field-error">{error}</p>}
        {pending && !result && <p className="text-sm text-slate-500">加载中…</p>}
        {result && result.rows.length === 0 && <p className="py-6 text-center text-sm text-slate-500">没有找到匹配的已注册单位。请确认单位已在就业网注册并通过审核。</p>}
        <ul className="divide-y divide-slate-200">
          {result?.rows.map((row) => (
            <li key={row.id} className="flex items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <p className="font-medium break-words">{row.name}</p>
                <p className="text-xs text-slate-500 break-words">
                  {unitNatureLabel(row.natureCode)} · {row.address}
                </p>
              </div>
              <button
                type="button"
                className="btn-secondary shrink-0"
                onClick={() => {
                  onPick({ id: row.id, name: row.name });
                  dialog.current?.close();
                }}
              >
                选择
              </button>
            </li>
          ))}
        </ul>
        {result && result.pages > 1 && (
          <div className="flex items-center justify-between text-sm">
            <span>
              共 {result.total} 家，第 {page} / {result.pages} 页
            </span>
            <span className="flex gap-2">
              <button type="button" className="btn-secondary" disabled={page <= 1 || pending} onClick={() => search(q, page - 1)}>
                上一页
              </button>
              <button type="button" className="btn-secondary" disabled={page >= result.pages || pending} onClick={() => search(q, page + 1)}>
                下一页
              </button>
            </span>
          </div>
        )}
      </div>
    </dialog>,
    document.body,
  );
}
