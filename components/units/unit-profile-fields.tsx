"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { UnitProfileInput } from "@/lib/employers/schemas";
import { PROFILE_LABELS } from "@/lib/agreement/unit-section";
import { provinces } from "@/lib/reference/regions";
import { UNIT_NATURES } from "@/lib/reference/unit-nature";
import { FormField, TextInput } from "./form-field";

type Props<T extends UnitProfileInput> = {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
};

/** 用人单位情况: the fields of the manual's form, used by 用人单位注册 and 单位信息. */
export function UnitProfileFields<T extends UnitProfileInput>({ register: reg, errors: errs }: Props<T>) {
  // The generic form type always contains these keys; narrowing once keeps the JSX readable.
  const register = reg as unknown as UseFormRegister<UnitProfileInput>;
  const errors = errs as FieldErrors<UnitProfileInput>;
  const text = (name: keyof UnitProfileInput, label: string, required = false, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FormField id={name} label={label} required={required} error={errors[name]}>
      <TextInput id={name} registration={register(name)} invalid={!!errors[name]} {...extra} />
    </FormField>
  );
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">{text("name", PROFILE_LABELS.name, true)}</div>
      {text("department", PROFILE_LABELS.department)}
      <FormField id="natureCode" label={PROFILE_LABELS.natureCode} required error={errors.natureCode}>
        <select id="natureCode" className="input" {...register("natureCode")} aria-invalid={!!errors.natureCode || undefined}>
          <option value="">请选择</option>
          {UNIT_NATURES.map((n) => (
            <option key={n.code} value={n.code}>
              {n.label}
            </option>
          ))}
        </select>
      </FormField>
      {text("contactName", PROFILE_LABELS.contactName, true)}
      {text("contactPhone", PROFILE_LABELS.contactPhone, true, { inputMode: "tel", placeholder: "手机号或 0451-86412345" })}
      {text("email", PROFILE_LABELS.email, true, { type: "email", inputMode: "email" })}
      <FormField id="provinceCode" label="单位所在省份" required error={errors.provinceCode}>
        <select id="provinceCode" className="input" {...register("provinceCode")} aria-invalid={!!errors.provinceCode || undefined}>
          <option value="">请选择</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </FormField>
      <div className="sm:col-span-2">{text("address", PROFILE_LABELS.address, true)}</div>
      {text("postalCode", PROFILE_LABELS.postalCode, true, { inputMode: "numeric", maxLength: 6 })}
      {text("reportTitle", PROFILE_LABELS.reportTitle)}
      {text("partyOrgReceiver", PROFILE_LABELS.partyOrgReceiver)}
      {text("settleCity", PROFILE_LABELS.settleCity)}
      <div className="sm:col-span-2">{text("archiveAddress", PROFILE_LABELS.archiveAddress)}</div>
      <div className="sm:col-span-2">
        <FormField id="defaultOpinion" label="用人单位意见（签约时的默认意见）" error={errors.defaultOpinion}>
          <textarea id="defaultOpinion" rows={2} className="input" {...register("defaultOpinion")} placeholder="例如：同意接收" />
        </FormField>
      </div>
    </div>
  );
}
