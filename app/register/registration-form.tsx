"use client";

import { PASSWORD_RULE } from "@/lib/auth/password-rule";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { FormField, TextInput } from "@/components/units/form-field";
import { UnitProfileFields } from "@/components/units/unit-profile-fields";
import { employerRegistrationSchema, type EmployerRegistrationInput } from "@/lib/employers/schemas";
import { registerEmployerAction } from "./actions";

export function RegistrationForm() {
  const [serverError, setServerError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EmployerRegistrationInput>({ resolver: zodResolver(employerRegistrationSchema) });

  const onSubmit = handleSubmit((values) => {
    setServerError(undefined);
    startTransition(async () => {
      const result = await registerEmployerAction(values);
      if (result.ok) return setDone(result.message);
      setServerError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        setError(field as Path<EmployerRegistrationInput>, { message });
      }
    });
  });

  if (done) {
    return (
      <div role="status" className="space-y-4">
        <p className="rounded-md bg-green-50 px-3 py-3 text-green-800">{done}</p>
        <Link href="/login" className="btn-primary">
          去登录
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {serverError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {serverError}
        </p>
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">用人单位情况</legend>
        <FormField id="orgCode" label="统一社会信用代码" required error={errors.orgCode} hint="18位，营业执照或法人证书上的代码">
          <TextInput id="orgCode" registration={register("orgCode")} invalid={!!errors.orgCode} maxLength={20} autoCapitalize="characters" />
        </FormField>
        <UnitProfileFields register={register} errors={errors} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">登录账号</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField id="username" label="登录账号（电子邮箱）" required error={errors.username} hint="以后用它登录，如单位招聘邮箱；不区分大小写">
            <TextInput id="username" type="email" registration={register("username")} invalid={!!errors.username} autoComplete="username" />
          </FormField>
          <FormField id="staffName" label="经办人姓名" required error={errors.staffName}>
            <TextInput id="staffName" registration={register("staffName")} invalid={!!errors.staffName} />
          </FormField>
          <FormField id="staffPhone" label="经办人电话" required error={errors.staffPhone}>
            <TextInput id="staffPhone" registration={register("staffPhone")} invalid={!!errors.staffPhone} inputMode="tel" />
          </FormField>
          <div className="hidden sm:block" />
          <FormField id="password" label="密码" required error={errors.password} hint={PASSWORD_RULE}>
            <TextInput id="password" type="password" registration={register("password")} invalid={!!errors.password} autoComplete="new-password" />
          </FormField>
          <FormField id="confirmPassword" label="确认密码" required error={errors.confirmPassword}>
            <TextInput
              id="confirmPassword"
              type="password"
              registration={register("confirmPassword")}
              invalid={!!errors.confirmPassword}
              autoComplete="new-password"
            />
          </FormField>
        </div>
      </fieldset>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "提交中…" : "提交注册"}
      </button>
    </form>
  );
}
