"use client";

import { useState } from "react";
import { ActionResultMessage, useSaveAction } from "@/components/units/use-action-form";
import type { TerminationSettings } from "@/lib/termination/schemas";
import { grantTerminationExceptionAction, saveTerminationSettingsAction } from "./actions";

const SWITCHES: { key: keyof TerminationSettings; label: string }[] = [
  { key: "studentSigningEnabled", label: "开放学生发起签约（学生填写协议并提交给单位）" },
  { key: "invitationsEnabled", label: "开放用人单位签约邀请" },
  { key: "unitsMayStartTermination", label: "允许用人单位发起解约" },
  { key: "terminationOfficeReview", label: "解约经学院审核后，再由就业处复审" },
];
const NUMBERS: { key: keyof TerminationSettings; label: string; min: number; max: number }[] = [
  { key: "terminationAnswerDays", label: "解约答复期限（天，逾期视为不同意）", min: 1, max: 30 },
  { key: "terminationsPerYear", label: "每名毕业生每届可解约次数", min: 0, max: 5 },
  { key: "invitationAnswerDays", label: "签约邀请答复期限（天，逾期失效）", min: 1, max: 30 },
];

export function TerminationSettingsForm({ defaults }: { defaults: TerminationSettings }) {
  const [values, setValues] = useState(defaults);
  const { result, pending, run } = useSaveAction(saveTerminationSettingsAction);
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    run(values);
  };
  return (
    <form onSubmit={save} className="space-y-3">
      {SWITCHES.map((s) => (
        <label key={s.key} className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name={s.key} className="h-4 w-4" checked={values[s.key] as boolean} onChange={(e) => setValues({ ...values, [s.key]: e.target.checked })} />
          {s.label}
        </label>
      ))}
      <div className="grid gap-3 sm:grid-cols-3">
        {NUMBERS.map((n) => (
          <div key={n.key}>
            <label htmlFor={`ts-${n.key}`} className="label">
              {n.label}
            </label>
            <input
              id={`ts-${n.key}`}
              name={n.key}
              type="number"
              inputMode="numeric"
              min={n.min}
              max={n.max}
              className="input"
              value={String(values[n.key])}
              onChange={(e) => setValues({ ...values, [n.key]: e.target.value as unknown as number })}
            />
          </div>
        ))}
      </div>
      <ActionResultMessage result={result} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "保存中…" : "保存设置"}
      </button>
    </form>
  );
}

export function ExceptionForm() {
  const [studentNo, setStudentNo] = useState("");
  const [reason, setReason] = useState("");
  const { result, pending, run } = useSaveAction(grantTerminationExceptionAction);
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    run({ studentNo, reason }, () => {
      setStudentNo("");
      setReason("");
    });
  };
  return (
    <form onSubmit={save} className="grid gap-3 sm:grid-cols-3">
      <div>
        <label htmlFor="ex-no" className="label">
          学号<span className="text-red-700">*</span>
        </label>
        <input id="ex-no" name="studentNo" className="input" value={studentNo} onChange={(e) => setStudentNo(e.target.value)} maxLength={20} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="ex-reason" className="label">
          例外原因<span className="text-red-700">*</span>
        </label>
        <input id="ex-reason" name="reason" className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
      </div>
      <div className="sm:col-span-3 space-y-2">
        <ActionResultMessage result={result} />
        <button type="submit" className="btn-secondary" disabled={pending}>
          {pending ? "处理中…" : "增加一次解约机会"}
        </button>
      </div>
    </form>
  );
}
