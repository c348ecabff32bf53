import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { signatureFromProfile, signatureOnAgreement } from "@/lib/agreement/unit-section";
import { requireRole } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { pageParams, param, type SearchParams } from "@/lib/http/params";
import { inviteVerdict } from "@/lib/workflow/capabilities";
import { DEFAULT_POLICY } from "@/lib/workflow/guards";
import { policySettings } from "@/lib/workflow/policy";
import { SUPPLEMENTARY_KEYS, type InvitationInput } from "@/lib/workflow/schemas";
import { InvitationForm } from "./invitation-form";

export const metadata: Metadata = { title: "发出签约邀请" };

/** 发出签约邀请; ?from=<invitation> resends a withdrawn, declined or lapsed one with its values. */
export default async function NewInvitationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("EMPLOYER");
  const { from } = pageParams(await searchParams, { from: param.optionalId });
  const [employer, settings, previous] = await Promise.all([
    prisma.employer.findUniqueOrThrow({ where: { id: actor.employerId ?? "" } }),
    policySettings(prisma),
    from ? prisma.agreement.findFirst({ where: { id: from, employerId: actor.employerId ?? "", invitedAt: { not: null } }, include: { student: true } }) : null,
  ]);
  const verdict = inviteVerdict(actor, { id: employer.id, status: employer.status, sealId: employer.sealId }, new Date(), { ...DEFAULT_POLICY, invitationsEnabled: settings.invitationsEnabled });
  const terms = (previous?.supplementaryTerms ?? {}) as Record<string, string | null>;
  const defaults = Object.fromEntries(
    Object.entries({
      studentNo: previous?.student.studentNo ?? "",
      studentName: previous?.student.name ?? "",
      ...signatureFromProfile(employer),
      ...(previous ? signatureOnAgreement(previous) : {}),
      ...Object.fromEntries(SUPPLEMENTARY_KEYS.map((k) => [k, terms[k] ?? ""])),
    }).map(([k, v]) => [k, v ?? ""]),
  ) as InvitationInput;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{previous ? "重新发送签约邀请" : "发出签约邀请"}</h1>
        <p className="text-sm text-slate-600">毕业生须在 {settings.invitationAnswerDays} 日内应约或拒绝，逾期邀请失效。毕业生应约后协议直接提交学院审核。</p>
      </div>
      {verdict.allowed ? <InvitationForm defaults={defaults} /> : <Alert tone="warn">{verdict.reason}。</Alert>}
      <Link href="/employer/invitations" className="btn-secondary">
        返回签约邀请
      </Link>
    </div>
  );
}
