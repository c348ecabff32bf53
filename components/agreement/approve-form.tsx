"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { approveAction } from "@/app/counselor/review/actions";
import { counselorApproveSchema, type CounselorApproveInput } from "@/lib/workflow/schemas";

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
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors },
  } = useForm<CounselorApproveInput>({ resolver: zodResolver(counselorApproveSchema), defaultValues: defaults });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setError(undefined);
      const result = await approveAction(agreementRef, values);
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
          setFieldError(field.replace(/^form\./, "") as keyof CounselorApproveInput, { message });
        }
        return setError(result.error);
      }
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <FieldGrid fields={FIELDS} register={register} errors={errors} columns={3} inputClassName="input bg-sky-50" />
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "处理中…" : "通过"}
      </button>
    </form>
  );
}
