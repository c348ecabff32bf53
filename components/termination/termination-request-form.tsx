"use client";
// 申请解约 / 发起解约: the reason and, optionally, the 解约函 / 退函 (PDF or image), uploaded
// first (checked by the server by its bytes and size), then the request with its id.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

export function TerminationRequestForm({
  label,
  action,
  maxBytes,
  hint,
}: {
  label: string;
  action: (form: { reason: string; letterId: string | null }) => Promise<ActionResult<unknown>>;
  maxBytes: number;
  hint: string;
}) {
  const id = useId();
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!reason.trim()) return setError("请填写解约原因");
    const chosen = file.current?.files?.[0];
    if (chosen && chosen.size > maxBytes) return setError(`解约函不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后重新上传`);
    if (!window.confirm(`确定${label}吗？对方将收到通知，并须在期限内答复。`)) return;
    startTransition(async () => {
      let letterId: string | null = null;
      if (chosen) {
        const body = new FormData();
        body.set("file", chosen);
        const res = await fetch("/api/termination-letters", { method: "POST", body });
        const answer = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; letter?: { id: string } };
        if (!res.ok || !answer.letter) return setError(answer.error ?? "解约函上传失败，请重试");
        letterId = answer.letter.id;
      }
      const result = await action({ reason, letterId });
      if (!result.ok) return setError(result.fieldErrors?.reason ?? result.error);
      setDone(result.message ?? `${label}成功`);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div>
        <label htmlFor={`${id}-reason`} className="label">
          解约原因<span className="text-red-700">*</span>
        </label>
        <textarea id={`${id}-reason`} name="reason" className="input" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div>
        <label htmlFor={`${id}-file`} className="label">
          解约函 / 退函（可选）
        </label>
        <input id={`${id}-file`} ref={file} name="file" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" className="block w-full text-sm" />
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {done && !error && (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      )}
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? "处理中…" : label}
      </button>
    </form>
  );
}
