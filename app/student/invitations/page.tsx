import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/agreement/action-button";
import { StatusBadge } from "@/components/agreement/status-badge";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { unitNatureLabel } from "@/lib/reference";
import { listInvitations } from "@/lib/termination/queries";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { policyFor } from "@/lib/workflow/policy";
import { getStudentAgreement } from "@/lib/workflow/queries";
import { supplementaryText } from "@/lib/workflow/schemas";
import { UNIT_SECTION_COLUMNS, UNIT_SECTION_FIELDS } from "@/lib/agreement/unit-section";
import { declineInvitationAction } from "@/app/_termination/invitation-actions";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "签约邀请" };

/** 我的签约 › 签约邀请: what each unit filled, 应约 or 拒绝. */
export default async function StudentInvitationsPage() {
  const actor = await requireRole("STUDENT");
  const [rows, live, student] = await Promise.all([
    listInvitations(actor),
    getStudentAgreement(actor.userId),
    prisma.student.findUnique({ where: { userId: actor.userId }, select: { id: true, graduationYear: true, user: { select: { email: true, phone: true } } } }),
  ]);
  const policy = student ? await policyFor(prisma, student) : undefined;
  const now = new Date();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">签约邀请</h1>
        <p className="text-sm text-slate-600">用人单位可向您发出签约邀请。应约即完成提交和复核确认，协议直接提交学院审核；应约后其他单位的邀请自动失效。</p>
      </div>
      {live && rows.some((r) => r.status === "INVITED") && (
        <Alert tone="warn">
          您已有一份进行中的就业协议（{live.employer.name}），不能应约；如需改签，请先办理<Link href="/student/termination" className="underline">解约</Link>。
        </Alert>
      )}
      {rows.length === 0 ? (
        <EmptyState title="暂无签约邀请">用人单位发出邀请后会在此显示，并通过站内消息和邮件通知您。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => {
            const caps = capabilitiesOf(actor, { ...r, printRecords: [] }, now, policy).actions;
            const ref = { agreementId: r.id, version: r.version };
            return (
              <li key={r.id} className="card space-y-3" data-invitation={r.employer.name}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">{r.unitName ?? r.employer.name}</h2>
                  <StatusBadge status={r.status} />
                </div>
                <p className="text-xs text-slate-500">
                  邀请时间 {formatDateTime(r.invitedAt)}
                  {r.status === "INVITED" && <> · 请于 {formatDateTime(r.invitationAnswerBy)} 前答复，逾期邀请失效</>}
                </p>
                <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                  {UNIT_SECTION_COLUMNS.map((c) => {
                    const value = c === "unitNatureCode" ? unitNatureLabel(r.unitNatureCode ?? "") : r[c];
                    return value ? (
                      <div key={c} className="flex gap-2">
                        <dt className="shrink-0 text-slate-500">{UNIT_SECTION_FIELDS[c].label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ) : null;
                  })}
                  {r.employerOpinion && (
                    <div className="flex gap-2">
                      <dt className="shrink-0 text-slate-500">用人单位意见</dt>
                      <dd>{r.employerOpinion}</dd>
                    </div>
                  )}
                </dl>
                <div className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                  <p className="font-medium">补充条款</p>
                  <p className="whitespace-pre-line">{supplementaryText(r.supplementaryTerms) || "无"}</p>
                </div>
                {r.status === "INVITATION_DECLINED" && r.invitationDeclineReason && <p className="text-sm text-slate-600">您的拒绝理由：{r.invitationDeclineReason}</p>}
                {caps.acceptInvitation.allowed && !live && (
                  <div className="border-t border-slate-100 pt-3">
                    <h3 className="mb-2 font-semibold">应约</h3>
                    <AcceptForm invitationRef={ref} defaults={{ studentPhone: student?.user.phone ?? "", studentEmail: student?.user.email ?? "", studentOpinion: "同意" }} />
                  </div>
                )}
                {r.status === "INVITED" && !caps.acceptInvitation.allowed && <Alert tone="warn">{caps.acceptInvitation.reason}。</Alert>}
                {caps.declineInvitation.allowed && (
                  <ActionButton label="拒绝邀请" tone="danger" reasonLabel="拒绝理由（单位将看到）" action={declineInvitationAction.bind(null, ref)} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
