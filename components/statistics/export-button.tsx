"use client";

import { useState } from "react";

/**
 * Downloads a streamed XLSX export without blocking the page: the response is read chunk
 * by chunk (progress shown), then saved. The server streams rows as it reads them.
 */
export function ExportButton({ href, label = "导出 Excel", rows }: { href: string; label?: string; rows?: number }) {
  const [state, setState] = useState<{ busy: boolean; received: number; error?: string }>({ busy: false, received: 0 });
  const run = async () => {
    setState({ busy: true, received: 0 });
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) throw new Error(response.status === 403 ? "无权导出" : "导出失败，请稍后重试");
      const reader = response.body.getReader();
      const chunks: BlobPart[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as BlobPart);
        received += value.length;
        setState({ busy: true, received });
      }
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "export.xlsx");
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, received });
    } catch (error) {
      setState({ busy: false, received: 0, error: (error as Error).message });
    }
  };
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button type="button" className="btn-secondary" onClick={run} disabled={state.busy}>
        {state.busy ? `正在导出… ${(state.received / 1024).toFixed(0)} KB` : label}
      </button>
      {rows !== undefined && !state.busy && <span className="text-xs text-slate-500">{rows.toLocaleString("zh-CN")} 行</span>}
      {state.error && (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      )}
    </span>
  );
}
