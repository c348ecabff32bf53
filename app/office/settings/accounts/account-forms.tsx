"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormField, TextInput } from "@/components/units/form-field";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { staffAccountSchema } from "@/lib/settings/schemas";
import { createStaffAction, resetStaffPasswordAction, setStaffActiveAction } from "../actions";

export function StaffAccountForm({ colleges }: { colleges: { id: string; name: string }[] }) {
  const { form, onSubmit, message, pending } = useActionForm(staffAccountSchema, createStaffAction, { role: "COUNSELOR" }, { resetOnSuccess: true });
  const e = form.formState.errors;
  const role = form.watch("role");
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage message={message} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField id="role" label="身份" required error={e.role}>
          <select id="role" className="input" {...form.register("role")}>
            <option value="COUNSELOR">辅导员/协理员</option>
            <option value="OFFICE">就业处</option>
          </select>
        </FormField>
        {role === "COUNSELOR" && (
          <FormField id="collegeId" label="所属学院" required error={e.collegeId}>
            <select id="collegeId" className="input" {...form.register("collegeId")}>
              <option value="">请选择</option>
              {colleges.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </FormField>
        )}
        <FormField id="username" label="工号（登录账号）" required error={e.username}>
          <TextInput id="username" registration={form.register("username")} invalid={!!e.username} autoComplete="off" />
        </FormField>
        <FormField id="name" label="姓名" required error={e.name}>
          <TextInput id="name" registration={form.register("name")} invalid={!!e.name} />
        </FormField>
        <FormField id="phone" label="联系电话" error={e.phone}>
          <TextInput id="phone" registration={form.register("phone")} invalid={!!e.phone} inputMode="tel" />
        </FormField>
        <FormField id="email" label="电子邮箱" error={e.email}>
          <TextInput id="email" type="email" registration={form.register("email")} invalid={!!e.email} />
        </FormField>
        <FormField id="password" label="初始密码" required error={e.password} hint="至少8位，包含字母和数字">
          <TextInput id="password" type="password" registration={form.register("password")} invalid={!!e.password} autoComplete="new-password" />
        </FormField>
      </div>
      <button className="btn-primary" disabled={pending}>
        {pending ? "创建中…" : "创建账号"}
      </button>
    </form>
  );
}

export function AccountRowActions({ userId, active }: { userId: string; active: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const call = (fn: () => Promise<{ ok: boolean; error?: string; message?: string; fieldErrors?: Record<string, string> }>) =>
    startTransition(async () => {
      const r = await fn();
      setMessage({ ok: r.ok, text: (r.ok ? r.message : (r.fieldErrors && Object.values(r.fieldErrors)[0]) ?? r.error) ?? "" });
      if (r.ok) {
        setResetting(false);
        setPassword("");
        router.refresh();
      }
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => call(() => setStaffActiveAction({ userId, active: !active }))}>
          {active ? "停用" : "启用"}
        </button>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => setResetting((v) => !v)}>
          重置密码
        </button>
      </div>
      {resetting && (
        <div className="flex flex-col gap-2 sm:flex-row">
          <label className="sr-only" htmlFor={`pw-${userId}`}>
            新密码
          </label>
          <input id={`pw-${userId}`} type="password" className="input" placeholder="新密码（至少8位，含字母和数字）" value={password} onChange={(e) => setPassword(e.target.value)} />
          <button type="button" className="btn-primary shrink-0" disabled={pending} onClick={() => call(() => resetStaffPasswordAction({ userId, password }))}>
            确认重置
          </button>
        </div>
      )}
      <FormMessage message={message} />
    </div>
  );
}
