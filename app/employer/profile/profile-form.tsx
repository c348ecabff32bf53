"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { UnitProfileFields } from "@/components/units/unit-profile-fields";
import { FormField, TextInput } from "@/components/units/form-field";
import { PROFILE_LABELS } from "@/lib/agreement/unit-section";
import { unitProfileUpdateSchema, type UnitProfileUpdateInput } from "@/lib/employers/schemas";
import { updateProfileAction } from "./actions";

export function ProfileForm({ defaults }: { defaults: UnitProfileUpdateInput }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<UnitProfileUpdateInput>({ resolver: zodResolver(unitProfileUpdateSchema), defaultValues: defaults });

  const onSubmit = handleSubmit((values) => {
    setMessage(undefined);
    startTransition(async () => {
      const result = await updateProfileAction(values);
      if (result.ok) return setMessage({ ok: true, text: result.message ?? "已保存" });
      setMessage({ ok: false, text: result.error });
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<UnitProfileUpdateInput>, { message: text });
    });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      <FormField id="orgCode" label={PROFILE_LABELS.orgCode} required error={errors.orgCode}>
        <TextInput id="orgCode" registration={register("orgCode")} invalid={!!errors.orgCode} maxLength={18} autoCapitalize="characters" />
      </FormField>
      <UnitProfileFields register={register} errors={errors} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "保存中…" : "保存单位信息"}
      </button>
    </form>
  );
}
