import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/agreement/action-button";
import { StatusBadge } from "@/components/agreement/status-badge";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { pageParams, param, type SearchParams } from "@/lib/http/params";
import { listInvitations } from "@/lib/termination/queries";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { supplementaryText } from "@/lib/workflow/schemas";
import { withdrawInvitationAction } from "@/app/_termination/invitation-actions";

export const metadata: Metadata = { title: "签约邀请" };

export default async function EmployerInvitationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("EMPLOYER");
  const { sent } = pageParams(await searchParams, { sent: param.oneOf(["1"]) });
  const rows = await listInvitations(actor);
  const now = new Date();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-xl font-bold">签约邀请</h1>
          <p className="text-sm text-slate-600">向毕业生发出签约邀请；毕业生答复前可撤回后修改重发。</p>
        </div>
        <Link href="/employer/invitations/new" className="btn-primary">
          ＋ 发出签约邀请
        </Link>
      </div>
      {sent && <Alert tone="success">签约邀请已发出，等待毕业生答复。</Alert>}
      {rows.length === 0 ? (
        <EmptyState title="暂无签约邀请">点击“发出签约邀请”，输入毕业生的学号和姓名即可邀请。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => {
            const caps = capabilitiesOf(actor, { ...r, printRecords: [] }, now).actions;
            return (
            <li key={r.id} className="card space-y-2" data-invitation={r.student.studentNo}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  {r.student.name} <span className="text-sm text-slate-500">{r.student.studentNo}</span>
                </span>
                <StatusBadge status={r.status} />
              </div>
              <p className="text-xs text-slate-500">
                发出于 {formatDateTime(r.invitedAt)}
                {r.status === "INVITED" && <> · 答复期限 {formatDateTime(r.invitationAnswerBy)}</>}
                {r.agreementNo && <> · 协议书号 {r.agreementNo}</>}
              </p>
              <p className="whitespace-pre-line text-sm text-slate-700">{supplementaryText(r.supplementaryTerms)}</p>
              {r.status === "INVITATION_DECLINED" && r.invitationDeclineReason && <p className="text-sm text-red-700">拒绝理由：{r.invitationDeclineReason}</p>}
              <div className="flex flex-wrap gap-2">
                {caps.withdrawInvitation.allowed && (
                  <ActionButton label="撤回邀请" tone="secondary" action={withdrawInvitationAction.bind(null, { agreementId: r.id, version: r.version })} confirmText="确定撤回该签约邀请吗？撤回后可修改重新发送。" />
                )}
                {(r.status === "INVITATION_WITHDRAWN" || r.status === "INVITATION_DECLINED" || r.status === "INVITATION_LAPSED") && (
                  <Link href={`/employer/invitations/new?from=${r.id}`} className="btn-secondary">
                    修改后重新发送
                  </Link>
                )}
                {!["INVITED", "INVITATION_WITHDRAWN", "INVITATION_DECLINED", "INVITATION_LAPSED"].includes(r.status) && (
                  <Link href={`/employer/signed/${r.id}`} className="btn-secondary">
                    查看协议
                  </Link>
                )}
              </div>
            </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
