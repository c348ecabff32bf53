"use client";

import { useRouter } from "next/navigation";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { acceptInvitationSchema } from "@/lib/workflow/schemas";
import type { z } from "zod";
import { acceptInvitationAction } from "@/app/_termination/invitation-actions";

type In = z.input<typeof acceptInvitationSchema>;
const FIELDS: GridField<In>[] = [
  { name: "studentPhone", label: "手机号", required: true, inputMode: "tel" },
  { name: "studentEmail", label: "电子邮箱", required: true, inputMode: "email" },
  { name: "studentOpinion", label: "本人意见", required: true, wide: true },
];

/** 应约: the student's 联系方式 and 本人意见, then the agreement goes to the 学院's review. */
export function AcceptForm({ invitationRef, defaults }: { invitationRef: { agreementId: string; version: number }; defaults: In }) {
  const router = useRouter();
  const { form, onSubmit, message, pending } = useActionForm(acceptInvitationSchema, (values) => acceptInvitationAction(invitationRef, values), defaults, {
    onSuccess: () => router.push("/student/agreement"),
  });
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <form
      onSubmit={(e) => {
        if (!window.confirm("确定应约吗？应约即确认以上签约信息，协议将直接提交学院审核，其他单位的邀请将失效。")) {
          e.preventDefault();
          return;
        }
        void onSubmit(e);
      }}
      noValidate
      className="space-y-3"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FieldGrid fields={FIELDS} register={register} errors={errors} />
      </div>
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "处理中…" : "应约"}
      </button>
    </form>
  );
}
