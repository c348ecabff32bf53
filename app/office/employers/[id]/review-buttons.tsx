"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { employerRejectSchema } from "@/lib/employers/schemas";
import { approveEmployerAction, rejectEmployerAction } from "../actions";

type RejectInput = z.input<typeof employerRejectSchema>;

export function ReviewButtons({ employerId, status }: { employerId: string; status: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RejectInput>({ resolver: zodResolver(employerRejectSchema), defaultValues: { employerId, reason: "" } });

  const done = (result: { ok: boolean; error?: string; message?: string }) => {
    setMessage({ ok: result.ok, text: (result.ok ? result.message : result.error) ?? "" });
    if (result.ok) {
      setRejecting(false);
      router.refresh();
    }
  };
  const approve = () => startTransition(async () => done(await approveEmployerAction({ employerId })));
  const reject = handleSubmit((values) => startTransition(async () => done(await rejectEmployerAction(values))));

  return (
    <div className="space-y-3">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {status !== "APPROVED" && (
          <button type="button" className="btn-primary" disabled={pending} onClick={approve}>
            审核通过
          </button>
        )}
        {status !== "REJECTED" && !rejecting && (
          <button type="button" className="btn-danger" disabled={pending} onClick={() => setRejecting(true)}>
            审核不通过
          </button>
        )}
      </div>
      {rejecting && (
        <form onSubmit={reject} className="space-y-2" noValidate>
          <label htmlFor="reason" className="label">
            不通过原因<span className="text-red-700">*</span>
          </label>
          <textarea id="reason" rows={3} className="input" {...register("reason")} aria-invalid={!!errors.reason || undefined} />
          {errors.reason && <p className="field-error">{errors.reason.message}</p>}
          <div className="flex gap-2">
            <button type="submit" className="btn-danger" disabled={pending}>
              确认不通过
            </button>
            <button type="button" className="btn-secondary" onClick={() => setRejecting(false)}>
              取消
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
