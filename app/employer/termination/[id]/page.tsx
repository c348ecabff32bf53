import type { Metadata } from "next";
import Link from "next/link";
import { loadAgreementOr404 } from "@/components/agreement/load-or-404";
import { StatusBadge } from "@/components/agreement/status-badge";
import { requireRole } from "@/lib/auth/guard";
import { pageId } from "@/lib/http/params";
import { TerminationPanel } from "@/app/_termination/termination-panel";

export const metadata: Metadata = { title: "解约" };

export default async function EmployerTerminationDetail({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("EMPLOYER");
  const agreement = await loadAgreementOr404(actor, pageId((await params).id));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          解约：{agreement.student.name}（{agreement.student.studentNo}）
        </h1>
        <StatusBadge status={agreement.status} />
      </div>
      <p className="text-sm">协议书号：{agreement.agreementNo ?? "—"}</p>
      <TerminationPanel actor={actor} agreement={agreement} detailHref={`/employer/signed/${agreement.id}`} />
      <Link href="/employer/termination" className="btn-secondary">
        返回解约办理
      </Link>
    </div>
  );
}
