import type { ActorRole, AgreementStatus } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/workflow/states";
import { TRANSITIONS, type WorkflowAction } from "@/lib/workflow/transitions";

type Event = { id: string; action: string; actorRole: ActorRole; actorName: string; toStatus: AgreementStatus; reason: string | null; createdAt: Date };

/** 办理记录: the audit trail as people read it. */
export function EventHistory({ events }: { events: Event[] }) {
  if (events.length === 0) return null;
  return (
    <section className="card">
      <h2 className="mb-3 text-base font-semibold">办理记录</h2>
      <ol className="space-y-2 text-sm">
        {[...events].reverse().map((e) => (
          <li key={e.id} className="flex flex-col gap-0.5 border-l-2 border-slate-200 pl-3 sm:flex-row sm:gap-3">
            <time className="shrink-0 text-slate-500">{formatDateTime(e.createdAt)}</time>
            <span>
              {ROLE_LABELS[e.actorRole]} {e.actorName}：{TRANSITIONS[e.action as WorkflowAction]?.label ?? e.action} → {STATUS_LABELS[e.toStatus]}
              {e.reason ? <span className="text-red-700">（原因：{e.reason}）</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
