"use client";

import { useState } from "react";
import { InitialPasswordNotice } from "@/components/auth/initial-password";
import { FormField, TextInput } from "@/components/units/form-field";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { staffAccountSchema } from "@/lib/settings/schemas";
import { createStaffAction } from "../actions";

export function StaffAccountForm({ colleges }: { colleges: { id: string; name: string }[] }) {
  const [issued, setIssued] = useState<{ username: string; initialPassword: string }>();
  const { form, onSubmit, message, pending } = useActionForm(staffAccountSchema, createStaffAction, { role: "COUNSELOR" }, {
    resetOnSuccess: true,
    onSuccess: (data) => setIssued(data as { username: string; initialPassword: string }),
  });
  const e = form.formState.errors;
  const role = form.watch("role");
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage message={message} />
      {issued && <InitialPasswordNotice username={issued.username} password={issued.initialPassword} />}
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
      </div>
      <p className="text-sm text-slate-600">系统为新账号生成随机初始密码（只显示一次），本人首次登录后须修改。</p>
      <button className="btn-primary" disabled={pending}>
        {pending ? "创建中…" : "创建账号"}
      </button>
    </form>
  );
}
