"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { InitialPasswordNotice } from "@/components/auth/initial-password";
import { FormField, TextInput } from "@/components/units/form-field";
import { employerStaffSchema, type EmployerStaffInput } from "@/lib/employers/schemas";
import { addStaffAction } from "./actions";

export function StaffForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [issued, setIssued] = useState<{ username: string; initialPassword: string }>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<EmployerStaffInput>({ resolver: zodResolver(employerStaffSchema) });

  const onSubmit = handleSubmit((values) => {
    setMessage(undefined);
    startTransition(async () => {
      const result = await addStaffAction(values);
      if (result.ok) {
        reset();
        setIssued(result.data);
        return setMessage({ ok: true, text: result.message ?? "已添加" });
      }
      setMessage({ ok: false, text: result.error });
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<EmployerStaffInput>, { message: text });
    });
  });

  const field = (name: keyof EmployerStaffInput, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FormField id={`staff-${name}`} label={label} required error={errors[name]}>
      <TextInput id={`staff-${name}`} registration={register(name)} invalid={!!errors[name]} {...props} />
    </FormField>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      {issued && <InitialPasswordNotice username={issued.username} password={issued.initialPassword} />}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {field("username", "登录账号（电子邮箱）", { autoComplete: "off", type: "email" })}
        {field("name", "姓名")}
        {field("phone", "联系电话", { inputMode: "tel" })}
        {field("email", "电子邮箱", { type: "email" })}
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "添加中…" : "添加经办人账号（生成初始密码）"}
      </button>
    </form>
  );
}
