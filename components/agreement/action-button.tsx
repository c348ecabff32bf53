"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { useStepUp } from "@/components/auth/step-up";
import type { ActionResult } from "@/lib/action-result";

type Props = {
  label: string;
  /** a server action, usually bound to the agreement ref: action.bind(null, ref) */
  action: (reason?: string) => Promise<ActionResult<unknown>>;
  /** asks for a reason first (退回/拒绝签约, 退回) */
  reasonLabel?: string;
  /** asks for confirmation first */
  confirmText?: string;
  tone?: "primary" | "secondary" | "danger";
  /** where to go after success; refreshes the page when absent */
  redirectTo?: string;
  successText?: string;
};

/** A workflow button: runs one server action, shows its zh-CN refusal, refreshes on success. */
export function ActionButton({ label, action, reasonLabel, confirmText, tone = "primary", redirectTo, successText }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, startTransition] = useTransition();
  const stepUp = useStepUp();

  const run = (withReason?: string) =>
    startTransition(async () => {
      setError(undefined);
      const result = await stepUp(() => action(withReason));
      if (!result.ok) {
        setError(result.fieldErrors?.reason ?? result.error);
        return;
      }
      dialog.current?.close();
      setDone(successText ?? `${label}成功`);
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    });

  const onClick = () => {
    if (reasonLabel) {
      setError(undefined);
      dialog.current?.showModal();
      return;
    }
    if (confirmText && !window.confirm(confirmText)) return;
    run();
  };

  const className = tone === "danger" ? "btn-danger" : tone === "secondary" ? "btn-secondary" : "btn-primary";
  return (
    <div className="inline-flex flex-col gap-1">
      <button type="button" className={className} onClick={onClick} disabled={pending}>
        {pending ? "处理中…" : label}
      </button>
      {error && !reasonLabel && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {done && !error && <p className="text-sm text-emerald-700" role="status">{done}</p>}
      {reasonLabel && (
        <dialog ref={dialog} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-black/40" aria-labelledby={`${reasonId}-title`}>
          <form
            method="dialog"
            className="space-y-3 p-4"
            onSubmit={(e) => {
              e.preventDefault();
              e.stopPropagation(); // never submit a form this button happens to sit in
              run(reason);
            }}
          >
            <h2 id={`${reasonId}-title`} className="text-base font-semibold">
              {label}
            </h2>
            <label htmlFor={reasonId} className="label">
              {reasonLabel}
              <span className="text-red-700">*</span>
            </label>
            <textarea id={reasonId} className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            {error && (
              <p role="alert" className="field-error">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
                取消
              </button>
              <button type="submit" className={tone === "danger" ? "btn-danger" : "btn-primary"} disabled={pending}>
                {pending ? "处理中…" : `确定${label}`}
              </button>
            </div>
          </form>
        </dialog>
      )}
    </div>
  );
}
