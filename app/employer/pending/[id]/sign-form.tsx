"use client";

import { useRouter } from "next/navigation";
import { FieldGrid, type GridField } from "@/components/forms/field-grid";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { UNIT_NATURES } from "@/lib/reference/unit-nature";
import { employerSignSchema, type EmployerSignInput } from "@/lib/workflow/schemas";
import { signAction } from "../../actions";

// The manual's 用人单位情况及意见, in its order.
const FIELDS: GridField<EmployerSignInput>[] = [
  { name: "unitName", label: "单位名称", required: true, wide: true },
  { name: "unitOrgCode", label: "统一社会信用代码", required: true },
  { name: "unitDepartment", label: "单位隶属部门" },
  { name: "unitContactName", label: "联系人", required: true },
  { name: "unitContactPhone", label: "联系电话", required: true, inputMode: "tel" },
  { name: "unitEmail", label: "电子邮箱", required: true, inputMode: "email" },
  { name: "unitPostalCode", label: "邮政编码", required: true, inputMode: "numeric" },
  { name: "unitAddress", label: "通讯地址", required: true, wide: true },
  { name: "unitReportTitle", label: "就业报到证抬头", wide: true },
  { name: "unitPartyOrgReceiver", label: "组织关系接收单位", wide: true },
  { name: "unitArchiveAddress", label: "档案转寄详细地址", wide: true },
  { name: "unitSettleCity", label: "落户城市(详细地址)", wide: true },
  { name: "employerOpinion", label: "用人单位意见", required: true, wide: true, multiline: true },
  { name: "authorityOpinion", label: "主管部门意见（可不填）", wide: true, multiline: true },
];

/** 办理: check and correct the 用人单位情况 section, add the opinions, 确定签约. */
export function SignForm({ agreementRef, defaults }: { agreementRef: { agreementId: string; version: number }; defaults: EmployerSignInput }) {
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
        <FieldGrid fields={FIELDS} register={register} errors={errors} />
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
