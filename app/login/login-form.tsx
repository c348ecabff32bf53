"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { loginAction } from "./actions";
import { loginSchema, type LoginInput } from "./schema";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [serverError, setServerError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });

  const onSubmit = handleSubmit((values) => {
    setServerError(undefined);
    startTransition(async () => {
      const result = await loginAction(values, callbackUrl);
      if (result?.error) setServerError(result.error);
    });
  });

  return (
    <form id="login-form" onSubmit={onSubmit} className="space-y-4" noValidate>
      {serverError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {serverError}
        </p>
      )}
      <div>
        <label htmlFor="username" className="label">
          学号 / 账号
        </label>
        <input id="username" autoComplete="username" className="input" {...register("username")} aria-invalid={!!errors.username} />
        {errors.username && <p className="field-error">{errors.username.message}</p>}
      </div>
      <div>
        <label htmlFor="password" className="label">
          密码
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className="input"
          {...register("password")}
          aria-invalid={!!errors.password}
        />
        {errors.password && <p className="field-error">{errors.password.message}</p>}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "登录中…" : "登录"}
      </button>
    </form>
  );
}
