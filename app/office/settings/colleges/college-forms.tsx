"use client";

import { FormField, TextInput } from "@/components/units/form-field";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { collegeSchema, majorSchema } from "@/lib/settings/schemas";
import { saveCollegeAction, saveMajorAction } from "../actions";

export function CollegeForm({ college }: { college?: { id: string; code: string; name: string } }) {
  const { form, onSubmit, message, pending } = useActionForm(collegeSchema, saveCollegeAction, college ?? {}, { resetOnSuccess: !college });
  const e = form.formState.errors;
  const p = college?.id ?? "new";
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      <FormMessage message={message} />
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
        <FormField id={`c-code-${p}`} label="学院代码" required error={e.code}>
          <TextInput id={`c-code-${p}`} registration={form.register("code")} invalid={!!e.code} />
        </FormField>
        <FormField id={`c-name-${p}`} label="学院名称" required error={e.name}>
          <TextInput id={`c-name-${p}`} registration={form.register("name")} invalid={!!e.name} />
        </FormField>
        <button className={college ? "btn-secondary" : "btn-primary"} disabled={pending}>
          {college ? "保存" : "新增学院"}
        </button>
      </div>
    </form>
  );
}

export function MajorForm({ collegeId, major }: { collegeId: string; major?: { id: string; code: string; name: string } }) {
  const { form, onSubmit, message, pending } = useActionForm(majorSchema, saveMajorAction, { collegeId, ...(major ?? {}) }, { resetOnSuccess: !major });
  const e = form.formState.errors;
  const p = major?.id ?? `new-${collegeId}`;
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      <FormMessage message={message} />
      <input type="hidden" {...form.register("collegeId")} />
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
        <FormField id={`m-code-${p}`} label="专业代码" required error={e.code}>
          <TextInput id={`m-code-${p}`} registration={form.register("code")} invalid={!!e.code} />
        </FormField>
        <FormField id={`m-name-${p}`} label="专业名称" required error={e.name}>
          <TextInput id={`m-name-${p}`} registration={form.register("name")} invalid={!!e.name} />
        </FormField>
        <button className="btn-secondary" disabled={pending}>
          {major ? "保存" : "新增专业"}
        </button>
      </div>
    </form>
  );
}
