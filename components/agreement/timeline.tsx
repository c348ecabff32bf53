import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { STEPS, currentStep } from "@/lib/workflow/states";

/** 办理流程: the manual's five steps, with the one the agreement waits for highlighted. */
export function Timeline({ status }: { status: AgreementStatus | null }) {
  const at = currentStep(status);
  return (
    <ol className="grid grid-cols-5 gap-1 text-center text-xs sm:text-sm" aria-label="办理流程">
      {STEPS.map((step, i) => {
        const state = i < at ? "done" : i === at ? "current" : "todo";
        return (
          <li key={step.key} aria-current={state === "current" ? "step" : undefined} className="flex flex-col items-center gap-1">
            <span
              className={`flex h-7 w-7 items-center justify-center rounded-full text-xs font-bold ${
                state === "done" ? "bg-emerald-600 text-white" : state === "current" ? "bg-brand-700 text-white" : "bg-slate-200 text-slate-600"
              }`}
            >
              {state === "done" ? "✓" : i + 1}
            </span>
            <span className={state === "current" ? "font-semibold text-brand-800" : "text-slate-600"}>{step.label}</span>
          </li>
        );
      })}
    </ol>
  );
}
