"use client";

import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

/** One labelled input with its error, as every form of the office/unit pages lays it out. */
export function FormField({
  id,
  label,
  required,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: FieldError | { message?: string };
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
        {required && <span className="text-red-700">*</span>}
      </label>
      {children}
      {hint && !error?.message && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error?.message && (
        <p className="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      )}
    </div>
  );
}

export function TextInput({
  id,
  registration,
  invalid,
  ...rest
}: { id: string; registration: UseFormRegisterReturn; invalid?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      id={id}
      className="input"
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
      {...rest}
      {...registration}
    />
  );
}
