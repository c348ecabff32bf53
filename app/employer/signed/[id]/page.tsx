import { AgreementOnScreen } from "@/components/agreement/agreement-on-screen";
import type { Metadata } from "next";
import Link from "next/link";
import { TERMINABLE_STATUSES } from "@/lib/workflow/states";
import { ActionButton } from "@/components/agreement/action-button";
import { EventHistory } from "@/components/agreement/event-history";
import { loadAgreementOr404 } from "@/components/agreement/load-or-404";
import { StatusBadge } from "@/components/agreement/status-badge";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { PrintPanel } from "@/components/agreement/print-panel";
import { printPanelProps } from "@/lib/printing/panel";
import { takeBackAction } from "../../actions";
import { pageId } from "@/lib/http/params";

export const metadata: Metadata = { title: "查看已签" };

export default async function SignedDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("EMPLOYER");
  const id = pageId((await params).id);
  const agreement = await loadAgreementOr404(actor, id);
  const caps = capabilitiesOf(actor, agreement);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          {agreement.student.name}（{agreement.student.studentNo}）的就业协议
        </h1>
        <StatusBadge status={agreement.status} autoConfirmAt={agreement.autoConfirmAt} />
      </div>
      {caps.actions.sign.allowed && (
        <Alert>
          该协议待签约。<Link href={`/employer/pending/${agreement.id}`} className="underline">去办理</Link>
        </Alert>
      )}
      {caps.actions.takeBack.allowed && (
        <section className="card space-y-2">
          <p className="text-sm text-slate-700">
            学生尚未复核确认（将于 {formatDateTime(agreement.autoConfirmAt)} 自动确认）。如单位信息有误，可拿回后重新签约。
          </p>
          <ActionButton label="拿回重签" tone="secondary" action={takeBackAction.bind(null, { agreementId: agreement.id, version: agreement.version })} confirmText="拿回后该协议回到“待签约信息”，需要重新签约。确定拿回吗？" redirectTo={`/employer/pending/${agreement.id}`} />
        </section>
      )}
      {((TERMINABLE_STATUSES as readonly string[]).includes(agreement.status) || agreement.status === "CANCELLED") && (
        <Alert tone={agreement.terminationStatus || agreement.status === "CANCELLED" ? "warn" : "info"}>
          {agreement.status === "CANCELLED" ? "该协议已解约。" : agreement.terminationStatus ? "该协议有进行中的解约申请。" : "如需解除该协议，可发起解约。"}
          <Link href={`/employer/termination/${agreement.id}`} className="underline">
            解约
          </Link>
        </Alert>
      )}
      <AgreementOnScreen agreement={agreement} />
      {/* 电子协议: the unit downloads the same signed original as the other parties */}
      {agreement.signingMode === "ELECTRONIC" && <PrintPanel {...printPanelProps(caps, agreement)} />}
      {/* the read gives a unit its own dealings only (lib/workflow/unit-view.ts) */}
      <EventHistory events={agreement.events} />
    </div>
  );
}
