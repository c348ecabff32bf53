"use client";

import { useRouter } from "next/navigation";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { UNIT_FORM_COLUMNS, UNIT_OPINION_FIELDS, UNIT_SECTION_FIELDS } from "@/lib/agreement/unit-section";
import { invitationSchema, SUPPLEMENTARY_FIELDS, SUPPLEMENTARY_KEYS, type InvitationInput } from "@/lib/workflow/schemas";
import { inviteAction } from "@/app/_termination/invitation-actions";

const WHO: GridField<InvitationInput>[] = [
  { name: "studentNo", label: "学号", required: true, inputMode: "numeric" },
  { name: "studentName", label: "姓名", required: true },
];
// the 用人单位情况及意见 as when signing (lib/agreement/unit-section.ts), without the approved
// 单位名称, 统一社会信用代码 and 单位性质: the invitation is sent under them
const UNIT: GridField<InvitationInput>[] = [
  ...UNIT_FORM_COLUMNS.map((c) => ({ name: c, label: UNIT_SECTION_FIELDS[c].label, ...UNIT_SECTION_FIELDS[c].form })),
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
        <p className="text-sm text-slate-600">单位名称、统一社会信用代码、单位性质按就业处审核通过的单位信息填写，不能在此修改。</p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FieldGrid fields={UNIT} register={register} errors={errors} />
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
