"use client";
// One file upload to a route handler (multipart): 印章 PNG, 回传件, /verify's PDF. Checks the
// size in the browser first (the server checks again), shows progress and the zh-CN answer,
// and refreshes the page on success.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";

export type UploadAnswer = { ok?: boolean; error?: string; fieldErrors?: Record<string, string> } & Record<string, unknown>;

export function FileUploadForm({
  endpoint,
  field,
  accept,
  label,
  hint,
  maxBytes,
  fields = {},
  submitLabel = "上传",
  successText,
  refresh = true,
  onAnswer,
  children,
}: {
  endpoint: string;
  field: string;
  accept: string;
  label: string;
  hint?: string;
  maxBytes: number;
  fields?: Record<string, string>;
  submitLabel?: string;
  successText?: string;
  refresh?: boolean;
  /** shown under the form: e.g. the verification result */
  onAnswer?: (answer: UploadAnswer) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) return setError("请先选择文件");
    if (file.size > maxBytes) {
      return setError(`文件 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过上限 ${maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`}，请压缩后重新选择`);
    }
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set(field, file);
    setBusy(true);
    try {
      const response = await fetch(endpoint, { method: "POST", body });
      const answer = ((await response.json().catch(() => null)) ?? {}) as UploadAnswer;
      onAnswer?.(answer);
      if (!response.ok) {
        setError(answer.fieldErrors?.[field] ?? answer.error ?? "上传失败，请稍后重试");
        return;
      }
      if (successText) setDone(successText);
      if (input.current) input.current.value = "";
      if (refresh) router.refresh();
    } catch {
      setError("网络异常，上传未完成，请稍后重试");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        name={field}
        type="file"
        accept={accept}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2"
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-green-800">
          {done}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? "正在上传…" : submitLabel}
      </button>
    </form>
  );
}
