"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormField, TextInput } from "@/components/units/form-field";
import { studentAgreementSchema, type StudentAgreementInput } from "@/lib/workflow/browser-schemas";
import { saveDraftAction, submitAction } from "./actions";
import { EmployerPicker } from "./employer-picker";

type Props = {
  agreementRef: { agreementId: string; version: number } | null;
  /** only a saved draft can be submitted */
  canSubmit: boolean;
  employer: { id: string; name: string } | null;
  /** the unit may not be changed (returned by the 学院, not by the unit) */
  employerLocked: boolean;
  defaults: { studentPhone: string; studentEmail: string; studentOpinion: string };
  /** 手机号/电子邮箱 come from the imported 生源信息 (a new agreement) */
  contactPrefilled?: boolean;
};

/** 填写/编辑就业协议: 选择签约单位 + 手机号, 电子邮箱, 本人意见; 确定 saves, 正式提交 sends. */
export function AgreementForm({ agreementRef, canSubmit, employer: initialEmployer, employerLocked, defaults, contactPrefilled = false }: Props) {
  const router = useRouter();
  const [employer, setEmployer] = useState(initialEmployer);
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<StudentAgreementInput>({
    resolver: zodResolver(studentAgreementSchema),
    defaultValues: { ...defaults, employerId: initialEmployer?.id ?? "" },
  });

  const save = handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const result = await saveDraftAction(values, agreementRef);
      if (!result.ok) {
        for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
          setError(field as keyof StudentAgreementInput, { message: text });
        }
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setMessage({ tone: "success", text: "签约信息已保存。核对无误后请点击“正式提交”。" });
      reset(values); // what is saved is the new baseline: 正式提交 becomes available
      router.refresh();
    }),
    () => setMessage(undefined), // a field is wrong: its own message says so, not a stale “已保存”
  );

  const submit = () => {
    if (!agreementRef) return;
    if (!window.confirm(`提交后将无法更换签约单位（除非单位退回）。确定提交给“${employer?.name ?? ""}”吗？`)) return;
    startTransition(async () => {
      const result = await submitAction(agreementRef);
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      setMessage({ tone: "success", text: "已正式提交，请关注用人单位的签约情况。" });
      router.refresh();
    });
  };

  return (
    <form onSubmit={save} noValidate className="space-y-4">
      <section>
        <h3 className="mb-2 font-semibold">选择签约单位</h3>
        <FormField id="employerId" label="单位名称" required error={errors.employerId}>
          <div className="flex flex-wrap gap-2">
            <input
              id="employerId-name"
              className="input min-w-0 flex-1 bg-slate-50"
              readOnly
              value={employer?.name ?? ""}
              placeholder="点击“选择单位”"
              aria-label="已选签约单位"
              onClick={() => !employerLocked && setPicking(true)}
            />
            <input type="hidden" id="employerId" {...register("employerId")} />
            <button type="button" className="btn-secondary" onClick={() => setPicking(true)} disabled={employerLocked}>
              选择单位
            </button>
          </div>
        </FormField>
        {employerLocked && <p className="mt-1 text-xs text-slate-500">已提交过的协议经学院退回后仍与原单位签约，不能更换签约单位。</p>}
        {picking && (
          <EmployerPicker
            onClose={() => setPicking(false)}
            onPick={(row) => {
              setEmployer(row);
              setValue("employerId", row.id, { shouldDirty: true, shouldValidate: true });
            }}
          />
        )}
      </section>
      <section>
        <h3 className="mb-2 font-semibold">填写其他信息</h3>
        {contactPrefilled && <p className="mb-3 text-sm text-slate-600">手机号、电子邮箱已按学院导入的生源信息填好，如有变化请直接修改。</p>}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField id="studentPhone" label="手机号" required error={errors.studentPhone}>
            <TextInput id="studentPhone" registration={register("studentPhone")} invalid={!!errors.studentPhone} inputMode="tel" autoComplete="tel" />
          </FormField>
          <FormField id="studentEmail" label="电子邮箱" required error={errors.studentEmail}>
            <TextInput id="studentEmail" registration={register("studentEmail")} invalid={!!errors.studentEmail} type="email" inputMode="email" autoComplete="email" />
          </FormField>
          <div className="sm:col-span-2">
            <FormField id="studentOpinion" label="本人意见" required error={errors.studentOpinion}>
              <textarea id="studentOpinion" rows={2} className="input" {...register("studentOpinion")} aria-invalid={!!errors.studentOpinion || undefined} />
            </FormField>
          </div>
        </div>
      </section>
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "field-error" : "text-sm text-emerald-700"}>
          {message.text}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "处理中…" : "确定"}
        </button>
        <button
          type="button"
          className="btn-primary bg-emerald-700 hover:bg-emerald-800"
          onClick={submit}
          disabled={pending || !canSubmit || isDirty}
          title={!canSubmit || isDirty ? "请先点击“确定”保存签约信息" : undefined}
        >
          正式提交
        </button>
      </div>
      {(!canSubmit || isDirty) && <p className="text-xs text-slate-500">“正式提交”在保存（点击“确定”）后启用。</p>}
    </form>
  );
}
