import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { getAgreementForActor, getStudentAgreement } from "@/lib/workflow/queries";
import { TerminationPanel } from "@/app/_termination/termination-panel";

export const metadata: Metadata = { title: "解约" };

/** 解约 of the student's agreement: 申请解约, answer a unit's 发起解约, follow the review. */
export default async function StudentTerminationPage() {
  const actor = await requireRole("STUDENT");
  const live = await getStudentAgreement(actor.userId);
  // no live agreement: the last cancelled one (its 解约 record, and the way to a new signing)
  const agreement =
    live ??
    (await prisma.agreement
      .findFirst({ where: { student: { userId: actor.userId }, status: "CANCELLED" }, orderBy: { cancelledAt: "desc" }, select: { id: true } })
      .then((c) => (c ? getAgreementForActor(actor, c.id) : null)));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">解约</h1>
        <p className="text-sm text-slate-600">协议待学院审核、审核通过或已备案后，如需解除就业协议，可在此申请解约；用人单位发起的解约也在此答复。</p>
      </div>
      {agreement ? (
        <>
          <p className="text-sm">
            签约单位：{agreement.employer.name}　协议书号：{agreement.agreementNo ?? "—"}
          </p>
          <TerminationPanel actor={actor} agreement={agreement} detailHref="/student/agreement" />
          {!live && (
            <p className="text-sm">
              <Link href="/student/agreement" className="btn-primary">
                重新签约
              </Link>
            </p>
          )}
        </>
      ) : (
        <EmptyState title="您还没有可以解约的就业协议">
          <Link href="/student/agreement" className="underline">
            前往我的签约
          </Link>
        </EmptyState>
      )}
    </div>
  );
}
