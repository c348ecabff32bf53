"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function RefreshButton({ action }: { action: () => Promise<{ ok: boolean; error?: string; message?: string }> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string>();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await action();
            setMessage(r.ok ? r.message : r.error);
            router.refresh();
          })
        }
      >
        {pending ? "正在更新统计…" : "刷新数据"}
      </button>
      {message && (
        <span role="status" className="text-xs text-slate-500">
          {message}
        </span>
      )}
    </span>
  );
}
