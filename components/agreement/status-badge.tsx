import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/workflow/states";
import { AWAITING_AUTO_CONFIRM_LABEL, isAwaitingAutoConfirm } from "@/lib/workflow/seven-day-rule";

const TONE: Record<AgreementStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  PENDING_EMPLOYER: "bg-amber-100 text-amber-800",
  RETURNED: "bg-red-100 text-red-800",
  PENDING_STUDENT_CONFIRM: "bg-amber-100 text-amber-800",
  PENDING_COLLEGE_REVIEW: "bg-sky-100 text-sky-800",
  APPROVED: "bg-emerald-100 text-emerald-800",
  FILED: "bg-emerald-700 text-white",
  CANCELLED: "bg-slate-200 text-slate-600",
  INVITED: "bg-violet-100 text-violet-800",
  INVITATION_DECLINED: "bg-slate-200 text-slate-600",
  INVITATION_WITHDRAWN: "bg-slate-200 text-slate-600",
  INVITATION_LAPSED: "bg-slate-200 text-slate-600",
};

/** The status as people read it; an overdue one shows as 已到期，系统确认中 until the sweep confirms it. */
export function StatusBadge({ status, autoConfirmAt = null, now = new Date() }: { status: AgreementStatus | null; autoConfirmAt?: Date | null; now?: Date }) {
  if (!status) return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">未开始</span>;
  const awaiting = isAwaitingAutoConfirm({ status, autoConfirmAt }, now);
  return (
    <span className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${awaiting ? TONE.PENDING_COLLEGE_REVIEW : TONE[status]}`}>
      {awaiting ? AWAITING_AUTO_CONFIRM_LABEL : STATUS_LABELS[status]}
    </span>
  );
}
