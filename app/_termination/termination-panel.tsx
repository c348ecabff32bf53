// 解约 of one agreement, for each role that takes part (#14): where the request stands, its
// reason and 解约函, what this person may do now (from capabilitiesOf and nothing else), the
// 解约 history, and — once cancelled — the agreement that replaced it (old → new).
import Link from "next/link";
import { ActionButton } from "@/components/agreement/action-button";
import { TerminationRequestForm } from "@/components/termination/termination-request-form";
import { Alert } from "@/components/ui/alert";
import type { Actor } from "@/lib/auth/roles";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { formatBytes } from "@/lib/http/limits";
import { formatDateTime } from "@/lib/format";
import { lettersOf, MAX_LETTER_BYTES } from "@/lib/termination/letters";
import { successorOf, terminationEvents } from "@/lib/termination/queries";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { policyFor } from "@/lib/workflow/policy";
import type { AgreementDetail } from "@/lib/workflow/queries";
import { TERMINABLE_STATUSES, TERMINATION_STATUS_LABELS } from "@/lib/workflow/states";
import { TRANSITIONS, type WorkflowAction } from "@/lib/workflow/transitions";
import {
  agreeTerminationAction,
  approveTerminationAction,
  forwardTerminationAction,
  refuseTerminationAction,
  rejectTerminationAction,
  requestTerminationAction,
  startTerminationAction,
  withdrawTerminationAction,
} from "./actions";

const PARTY: Record<string, string> = { STUDENT: "毕业生", EMPLOYER: "用人单位" };

export async function TerminationPanel({ actor, agreement, detailHref }: { actor: Actor; agreement: AgreementDetail; detailHref?: string }) {
  const now = new Date();
  const [policy, letters, successor] = await Promise.all([
    policyFor(prisma, { id: agreement.studentId, graduationYear: agreement.graduationYear }),
    lettersOf(agreement.id),
    agreement.status === "CANCELLED" ? successorOf(agreement) : null,
  ]);
  const caps = capabilitiesOf(actor, agreement, now, policy);
  const a = caps.actions;
  const ref = { agreementId: agreement.id, version: agreement.version };
  const pending = agreement.terminationStatus;
  const events = terminationEvents(agreement.events);
  const letter = letters.find((l) => l.id === agreement.terminationLetterId);
  const own = actor.role === "STUDENT" || actor.role === "EMPLOYER" ? a[actor.role === "STUDENT" ? "requestTermination" : "startTermination"] : null;
  const terminable = (TERMINABLE_STATUSES as readonly string[]).includes(agreement.status);
  const hint = `PDF、JPG 或 PNG，不超过 ${formatBytes(MAX_LETTER_BYTES)}；仅协议双方、学院和就业处可见。`;

  return (
    <section className="card space-y-4" aria-labelledby="termination-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="termination-title" className="text-lg font-semibold">
          解约
        </h2>
        {detailHref && (
          <Link href={detailHref} className="text-sm text-brand-700 underline">
            查看协议
          </Link>
        )}
      </div>

      {agreement.status === "CANCELLED" && (
        <Alert tone="warn">
          本协议已于 {formatDateTime(agreement.cancelledAt)} 解约，原协议书（协议书号 {agreement.agreementNo ?? "—"}）已作废，各方持有的打印件在“协议验证”中显示为已失效。
          {successor && actor.role !== "EMPLOYER" && (
            <>
              {" "}
              新协议：{agreement.agreementNo} → <strong>{successor.agreementNo ?? "（尚未提交）"}</strong>（{successor.employer.name}）。
            </>
          )}
        </Alert>
      )}

      {pending ? (
        <div className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p>
            <strong>解约办理中：{TERMINATION_STATUS_LABELS[pending]}</strong>
            {pending === "AWAITING_PARTY" && agreement.terminationAnswerBy && <>（答复期限：{formatDateTime(agreement.terminationAnswerBy)}，逾期视为不同意）</>}
          </p>
          <p>
            发起方：{agreement.terminationBy ? PARTY[agreement.terminationBy] : "—"}，申请时间：{formatDateTime(agreement.terminationRequestedAt)}
          </p>
          <p>解约原因：{agreement.terminationReason}</p>
          {letter && (
            <p>
              解约函：
              <a className="underline" href={`/api/termination-letters/${letter.id}`} target="_blank" rel="noreferrer">
                {letter.fileName}
              </a>
              （{formatBytes(letter.size)}）
            </p>
          )}
        </div>
      ) : (
        terminable && <p className="text-sm text-slate-600">本协议目前没有进行中的解约申请。</p>
      )}

      <div className="flex flex-wrap gap-2">
        {a.agreeTermination.allowed && (
          <ActionButton label="同意解约" action={agreeTerminationAction.bind(null, ref)} confirmText="确定同意解除本就业协议吗？同意后将提交学院审核。" />
        )}
        {a.refuseTermination.allowed && (
          <ActionButton label="不同意解约" tone="danger" reasonLabel="不同意的理由（对方将看到）" action={refuseTerminationAction.bind(null, ref)} />
        )}
        {a.withdrawTermination.allowed && (
          <ActionButton label="撤回解约申请" tone="secondary" action={withdrawTerminationAction.bind(null, ref)} confirmText="确定撤回解约申请吗？协议将继续有效。" />
        )}
        {a.approveTermination.allowed && (
          <ActionButton label="同意解约" action={approveTerminationAction.bind(null, ref)} confirmText="确定同意解约吗？协议将作废，毕业生可重新签约。" />
        )}
        {a.forwardTermination.allowed && (
          <ActionButton label="同意解约（报就业处审核）" action={forwardTerminationAction.bind(null, ref)} confirmText="确定同意解约并报就业处审核吗？" />
        )}
        {a.rejectTermination.allowed && (
          <ActionButton label="不同意解约" tone="danger" reasonLabel="不同意的理由（双方将看到）" action={rejectTerminationAction.bind(null, ref)} />
        )}
      </div>

      {own?.allowed && (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <h3 className="font-semibold">{actor.role === "STUDENT" ? "申请解约" : "发起解约"}</h3>
          <p className="text-sm text-slate-600">
            {actor.role === "STUDENT" ? "用人单位" : "毕业生"}须在就业处规定的期限内答复；双方同意后由学院审核{policy.terminationOfficeReview ? "、就业处复审" : ""}
            ，通过后本协议作废。本届每名毕业生可解约 {policy.terminationsAllowed} 次，已解约 {policy.terminationsUsed} 次。
          </p>
          <TerminationRequestForm
            label={actor.role === "STUDENT" ? "申请解约" : "发起解约"}
            action={(actor.role === "STUDENT" ? requestTerminationAction : startTerminationAction).bind(null, ref)}
            maxBytes={MAX_LETTER_BYTES}
            hint={hint}
          />
        </div>
      )}
      {own && !own.allowed && terminable && !pending && <Alert tone="warn">{own.reason}。</Alert>}

      {events.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold">解约记录</h3>
          <ol className="space-y-1 text-sm">
            {[...events].reverse().map((e) => (
              <li key={e.id} className="flex flex-col border-l-2 border-slate-200 pl-3 sm:flex-row sm:gap-3">
                <time className="shrink-0 text-slate-500">{formatDateTime(e.createdAt)}</time>
                <span>
                  {ROLE_LABELS[e.actorRole]} {e.actorName}：{TRANSITIONS[e.action as WorkflowAction]?.label ?? e.action}
                  {e.reason ? <span className="text-red-700">（{e.reason}）</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
