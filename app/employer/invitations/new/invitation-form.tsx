"use client";

import { useRouter } from "next/navigation";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { UNIT_OPINION_FIELDS, UNIT_SECTION_COLUMNS, UNIT_SECTION_FIELDS } from "@/lib/agreement/unit-section";
import { UNIT_NATURES } from "@/lib/reference/unit-nature";
import { invitationSchema, SUPPLEMENTARY_FIELDS, SUPPLEMENTARY_KEYS, type InvitationInput } from "@/lib/workflow/schemas";
import { inviteAction } from "@/app/_termination/invitation-actions";

const WHO: GridField<InvitationInput>[] = [
  { name: "studentNo", label: "学号", required: true, inputMode: "numeric" },
  { name: "studentName", label: "姓名", required: true },
];
// the 用人单位情况及意见 as when signing (lib/agreement/unit-section.ts); 单位性质 below
const UNIT: GridField<InvitationInput>[] = [
  ...UNIT_SECTION_COLUMNS.filter((c) => c !== "unitNatureCode").map((c) => ({ name: c, label: UNIT_SECTION_FIELDS[c].label, ...UNIT_SECTION_FIELDS[c].form })),
  ...(Object.keys(UNIT_OPINION_FIELDS) as (keyof typeof UNIT_OPINION_FIELDS)[]).map((c) => ({ name: c, ...UNIT_OPINION_FIELDS[c].form })),
];
const TERMS: GridField<InvitationInput>[] = SUPPLEMENTARY_KEYS.map((k) => ({ name: k, label: SUPPLEMENTARY_FIELDS[k].label, required: SUPPLEMENTARY_FIELDS[k].required, wide: k === "serviceTerm", multiline: k === "serviceTerm" }));

/** 发出签约邀请: the graduate (学号 + 姓名), the unit's section, the 补充条款. */
export function InvitationForm({ defaults }: { defaults: InvitationInput }) {
  const router = useRouter();
  const { form, onSubmit, message, pending } = useActionForm(invitationSchema, (values) => inviteAction(values), defaults, {
    onSuccess: () => router.push("/employer/invitations?sent=1"),
  });
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset className="card space-y-3">
        <legend className="px-1 text-lg font-semibold">邀请的毕业生</legend>
        <p className="text-sm text-slate-600">学号和姓名须与学校的生源信息一致；不一致或该生尚不能签约时，系统不会显示其任何信息。</p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FieldGrid fields={WHO} register={register} errors={errors} />
        </div>
      </fieldset>
      <fieldset className="card space-y-3">
        <legend className="px-1 text-lg font-semibold">用人单位情况及意见</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FieldGrid fields={UNIT} register={register} errors={errors} />
          <fieldset className="sm:col-span-2">
            <legend className="label">
              单位性质<span className="text-red-700">*</span>
            </legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {UNIT_NATURES.map((n) => (
                <label key={n.code} className="flex min-h-10 items-center gap-2 rounded border border-slate-200 px-2 text-sm">
                  <input type="radio" value={n.code} {...register("unitNatureCode")} className="h-4 w-4" />
                  {n.label}
                </label>
              ))}
            </div>
            {errors.unitNatureCode && <p className="field-error">{errors.unitNatureCode.message}</p>}
          </fieldset>
        </div>
      </fieldset>
      <fieldset className="card space-y-3">
        <legend className="px-1 text-lg font-semibold">补充条款</legend>
        <p className="text-sm text-slate-600">将打印在协议书的“备注/其他约定”栏内。</p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FieldGrid fields={TERMS} register={register} errors={errors} />
        </div>
      </fieldset>
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "处理中…" : "发出签约邀请"}
      </button>
    </form>
  );
}
