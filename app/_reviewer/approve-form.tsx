"use client";

import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { approveAction } from "./actions";
import { counselorApproveSchema, type CounselorApproveInput } from "@/lib/workflow/browser-schemas";

const FIELDS: GridField<CounselorApproveInput>[] = [
  { name: "schoolContact", label: "学校联系人", required: true },
  { name: "schoolPhone", label: "联系电话", required: true, inputMode: "tel" },
  { name: "schoolPostalCode", label: "邮政编码", required: true, inputMode: "numeric" },
  { name: "schoolMailAddress", label: "协议书邮寄地址", required: true, wide: true },
  { name: "collegeOpinion", label: "学院意见", required: true, wide: true, multiline: true },
  { name: "schoolOpinion", label: "学校毕业生主管部门意见", wide: true, multiline: true },
];

/** 学校意见 at 网上签约审核; prefilled from this reviewer's last approval; 通过. */
export function ApproveForm({ agreementRef, defaults }: { agreementRef: { agreementId: string; version: number }; defaults: CounselorApproveInput }) {
  const { form, onSubmit, message, pending } = useActionForm(counselorApproveSchema, (values) => approveAction(agreementRef, values), defaults);
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <FieldGrid fields={FIELDS} register={register} errors={errors} columns={3} inputClassName="input bg-sky-50" />
      </div>
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "处理中…" : "通过"}
      </button>
    </form>
  );
}
