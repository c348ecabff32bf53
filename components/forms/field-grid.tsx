"use client";

import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { FormField } from "@/components/units/form-field";

export type GridField<T> = {
  name: Path<T> & string;
  label: string;
  required?: boolean;
  /** spans the whole row */
  wide?: boolean;
  multiline?: boolean;
  inputMode?: "tel" | "email" | "numeric";
};

/** Labelled text inputs laid out as a grid, from a field list (the manual's forms). */
export function FieldGrid<T extends FieldValues>({
  fields,
  register,
  errors,
  columns = 2,
  inputClassName = "input",
}: {
  fields: GridField<T>[];
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  columns?: 2 | 3;
  inputClassName?: string;
}) {
  const wide = columns === 3 ? "sm:col-span-3" : "sm:col-span-2";
  return (
    <>
      {fields.map((f) => {
        const error = errors[f.name] as { message?: string } | undefined;
        return (
          <div key={f.name} className={f.wide ? wide : undefined}>
            <FormField id={f.name} label={f.label} required={f.required} error={error}>
              {f.multiline ? (
                <textarea id={f.name} rows={2} className={inputClassName} {...register(f.name)} aria-invalid={!!error || undefined} />
              ) : (
                <input id={f.name} className={inputClassName} inputMode={f.inputMode} {...register(f.name)} aria-invalid={!!error || undefined} />
              )}
            </FormField>
          </div>
        );
      })}
    </>
  );
}
