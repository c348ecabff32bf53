"use client";

import { useRouter } from "next/navigation";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { UNIT_OPINION_FIELDS, UNIT_SECTION_COLUMNS, UNIT_SECTION_FIELDS } from "@/lib/agreement/unit-section";
import { UNIT_NATURES } from "@/lib/reference/unit-nature";
import { employerSignSchema, type EmployerSignInput } from "@/lib/workflow/schemas";
import { signAction } from "../../actions";

// The manual's 用人单位情况及意见, in its order (the list: lib/agreement/unit-section.ts);
// 单位性质 is the row of radio buttons below; 就业报到证抬头 only where the office's setting
// keeps it on the form (as the sheet and the PDF).
const fieldsOf = (showReportTitle: boolean): GridField<EmployerSignInput>[] => [
  ...UNIT_SECTION_COLUMNS.filter((c) => c !== "unitNatureCode" && (showReportTitle || c !== "unitReportTitle")).map((c) => ({ name: c, label: UNIT_SECTION_FIELDS[c].label, ...UNIT_SECTION_FIELDS[c].form })),
  ...(Object.keys(UNIT_OPINION_FIELDS) as (keyof typeof UNIT_OPINION_FIELDS)[]).map((c) => ({ name: c, ...UNIT_OPINION_FIELDS[c].form })),
];

/** 办理: check and correct the 用人单位情况 section, add the opinions, 确定签约. */
export function SignForm({ agreementRef, defaults, showReportTitle }: { agreementRef: { agreementId: string; version: number }; defaults: EmployerSignInput; showReportTitle: boolean }) {
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
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FieldGrid fields={fieldsOf(showReportTitle)} register={register} errors={errors} />
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
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "处理中…" : "✔ 确定签约"}
      </button>
    </form>
  );
}
