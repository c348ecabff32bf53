"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useStepUp } from "@/components/auth/step-up";
import type { ActionResult } from "@/lib/action-result";

/** react-hook-form on the shared zod schema + one server action; server field errors land on their fields. */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: (input: unknown) => Promise<ActionResult<unknown>>,
  defaultValues?: DefaultValues<z.input<S>>,
  options: { resetOnSuccess?: boolean; /** instead of refreshing the page; gets the action's data */ onSuccess?: (data: unknown) => void } = {},
) {
  type In = z.input<S>;
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const stepUp = useStepUp();
  const form = useForm<In>({ resolver: zodResolver(schema as never) as unknown as Resolver<In>, defaultValues });
  const onSubmit = form.handleSubmit((values) => {
    setMessage(undefined);
    startTransition(async () => {
      const result = await stepUp(() => action(values));
      if (result.ok) {
        setMessage({ ok: true, text: result.message ?? "已保存" });
        if (options.resetOnSuccess) form.reset();
        if (options.onSuccess) options.onSuccess(result.data);
        else router.refresh();
        return;
      }
      setMessage({ ok: false, text: result.error });
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<In>, { message: text });
    });
  });
  return { form, onSubmit, message, pending };
}

export function FormMessage({ message }: { message?: { ok: boolean; text: string } }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
      {message.text}
    </p>
  );
}

/**
 * One server action behind a small form whose fields are plain state (a switch, a select):
 * its result to show, whether it is running, and the page refreshed after a success
 * (`onSaved` first, e.g. to empty the fields).
 */
export function useSaveAction<I>(action: (input: I) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const run = (input: I, onSaved?: () => void) =>
    start(async () => {
      const r = await action(input);
      setResult(r);
      if (!r.ok) return;
      onSaved?.();
      router.refresh();
    });
  return { result, pending, run };
}

/** What useSaveAction's action answered: its message, or the error with the fields' own messages. */
export function ActionResultMessage({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  const fields = !result.ok && result.fieldErrors ? Object.values(result.fieldErrors).join("；") : "";
  return <FormMessage message={{ ok: result.ok, text: result.ok ? (result.message ?? "已保存") : `${result.error}${fields ? `：${fields}` : ""}` }} />;
}
