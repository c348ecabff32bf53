"use client";

import { FormField, TextInput } from "@/components/units/form-field";
import { FormMessage, useActionForm } from "@/components/units/use-action-form";
import { noticesSchema, numbersSchema, termsSchema } from "@/lib/settings/schemas";
import { publishTermsAction, saveNoticesAction, saveNumbersAction } from "./actions";

export function NoticesForm({ defaults }: { defaults: { schoolName: string; signingNotice: string; breachNotice: string } }) {
  const { form, onSubmit, message, pending } = useActionForm(noticesSchema, saveNoticesAction, defaults);
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage message={message} />
      <FormField id="schoolName" label="学校名称" required error={e.schoolName}>
        <TextInput id="schoolName" registration={form.register("schoolName")} invalid={!!e.schoolName} />
      </FormField>
      <FormField id="signingNotice" label="签约须知" required error={e.signingNotice}>
        <textarea id="signingNotice" rows={10} className="input" {...form.register("signingNotice")} />
      </FormField>
      <FormField id="breachNotice" label="违约说明" required error={e.breachNotice}>
        <textarea id="breachNotice" rows={8} className="input" {...form.register("breachNotice")} />
      </FormField>
      <button className="btn-primary" disabled={pending}>
        {pending ? "保存中…" : "保存"}
      </button>
    </form>
  );
}

export function NumbersForm({ defaults }: { defaults: { autoConfirmDays: number; copiesPerPrint: number } }) {
  const { form, onSubmit, message, pending } = useActionForm(numbersSchema, saveNumbersAction, defaults);
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage message={message} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField id="autoConfirmDays" label="学生未复核时自动确认的天数（1–30）" required error={e.autoConfirmDays}>
          <TextInput id="autoConfirmDays" type="number" min={1} max={30} registration={form.register("autoConfirmDays")} invalid={!!e.autoConfirmDays} />
        </FormField>
        <FormField id="copiesPerPrint" label="每次打印份数（1–5）" required error={e.copiesPerPrint}>
          <TextInput id="copiesPerPrint" type="number" min={1} max={5} registration={form.register("copiesPerPrint")} invalid={!!e.copiesPerPrint} />
        </FormField>
      </div>
      <button className="btn-primary" disabled={pending}>
        {pending ? "保存中…" : "保存"}
      </button>
    </form>
  );
}

export function TermsForm({ current }: { current: string }) {
  const { form, onSubmit, message, pending } = useActionForm(termsSchema, publishTermsAction, { content: current });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage message={message} />
      <FormField id="content" label="协议条款（修改后发布为新版本，已提交的协议仍按原版本打印）" required error={e.content}>
        <textarea id="content" rows={14} className="input font-serif" {...form.register("content")} />
      </FormField>
      <button className="btn-primary" disabled={pending}>
        {pending ? "发布中…" : "发布为新版本"}
      </button>
    </form>
  );
}
