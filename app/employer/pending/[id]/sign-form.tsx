"use client";

import { useRouter } from "next/navigation";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { UNIT_IDENTITY_COLUMNS, UNIT_OPINION_FIELDS, UNIT_SECTION_COLUMNS, UNIT_SECTION_FIELDS, type UnitIdentityColumn } from "@/lib/agreement/unit-section";
import { employerSignSchema, type EmployerSignInput } from "@/lib/workflow/schemas";
import { signAction } from "../../actions";

const isIdentity = (c: string): c is UnitIdentityColumn => (UNIT_IDENTITY_COLUMNS as readonly string[]).includes(c);

// The manual's 用人单位情况及意见, in its order (the list: lib/agreement/unit-section.ts); the
// approved 单位名称, 统一社会信用代码 and 单位性质 are shown above, not typed; 就业报到证抬头 only
// where the office's setting keeps it on the form (as the sheet and the PDF).
const fieldsOf = (showReportTitle: boolean): GridField<EmployerSignInput>[] => [
  ...UNIT_SECTION_COLUMNS.flatMap((c) => (isIdentity(c) || (!showReportTitle && c === "unitReportTitle") ? [] : [{ name: c, label: UNIT_SECTION_FIELDS[c].label, ...UNIT_SECTION_FIELDS[c].form }])),
  ...(Object.keys(UNIT_OPINION_FIELDS) as (keyof typeof UNIT_OPINION_FIELDS)[]).map((c) => ({ name: c, ...UNIT_OPINION_FIELDS[c].form })),
];

/** 办理: check and correct the 用人单位情况 section, add the opinions, 确定签约. */
export function SignForm({
  agreementRef,
  defaults,
  identity,
  showReportTitle,
}: {
  agreementRef: { agreementId: string; version: number };
  defaults: EmployerSignInput;
  /** the approved identity the unit signs under, as shown: label → value */
  identity: { label: string; value: string }[];
  showReportTitle: boolean;
}) {
  const router = useRouter();
  const { form, onSubmit, message, pending } = useActionForm(employerSignSchema, (values) => signAction(agreementRef, values), defaults, {
    onSuccess: () => router.push("/employer/signed?signed=1"),
  });
  const {
    register,
    formState: { errors },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm">
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {identity.map((i) => (
            <div key={i.label} className="min-w-0">
              <dt className="text-slate-600">{i.label}</dt>
              <dd className="break-all font-medium">{i.value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-600">以上为就业处审核通过的单位信息，签约时不能修改；如需变更，请在“单位信息”中修改并提交就业处审核。</p>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FieldGrid fields={fieldsOf(showReportTitle)} register={register} errors={errors} />
      </div>
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "处理中…" : "✔ 确定签约"}
      </button>
    </form>
  );
}
