"use client";

import { useState, useTransition } from "react";
import { changePasswordAction } from "@/lib/auth/account-actions";

export function PasswordForm({ needsCurrent }: { needsCurrent: boolean }) {
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      setErrors({});
      setMessage(undefined);
      const r = await changePasswordAction(needsCurrent ? values : { ...values, currentPassword: undefined });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        setMessage({ ok: false, text: r.error });
        return;
      }
      setMessage({ ok: true, text: r.message ?? "密码已修改" });
      // a full navigation: the new session cookie is in place
      window.location.assign(r.data?.next ?? "/");
    });

  const field = (name: keyof typeof values, label: string, autoComplete: string) => (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <input
        id={name}
        type="password"
        className="input"
        autoComplete={autoComplete}
        value={values[name]}
        aria-invalid={!!errors[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      />
      {errors[name] && <p className="field-error">{errors[name]}</p>}
    </div>
  );

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      {needsCurrent && field("currentPassword", "当前密码（首次登录请填初始密码）", "current-password")}
      {field("newPassword", "新密码", "new-password")}
      {field("confirmPassword", "再次输入新密码", "new-password")}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "保存中…" : "确定修改"}
      </button>
    </form>
  );
}
