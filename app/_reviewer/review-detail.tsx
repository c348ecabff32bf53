import { AgreementOnScreen } from "@/components/agreement/agreement-on-screen";
import type { Actor } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { lastApprovalDefaults } from "@/lib/workflow";
import type { AgreementDetail } from "@/lib/workflow/queries";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { Alert } from "@/components/ui/alert";
import { printPanelProps } from "@/lib/printing/panel";
import { ActionButton } from "@/components/agreement/action-button";
import { EventHistory } from "@/components/agreement/event-history";
import { PrintPanel } from "@/components/agreement/print-panel";
import { StatusBadge } from "@/components/agreement/status-badge";
import { attestAction, fileAction, returnByCollegeAction } from "./actions";
import { ScanList } from "@/components/agreement/scan-list";
import { scansOf } from "@/lib/printing/scans";
import { paperFormSettings } from "@/lib/settings/paperless";
import { ApproveForm } from "./approve-form";

/** 查看/处理 for counselors (own 学院) and the office (any): review, return, file. */
export async function ReviewDetail({ actor, agreement }: { actor: Actor; agreement: AgreementDetail }) {
  const caps = capabilitiesOf(actor, agreement);
  const { approve, attest, file, returnByCollege } = caps.actions;
  const electronic = agreement.signingMode === "ELECTRONIC";
  const [scans, paper] = electronic ? [[], null] : await Promise.all([scansOf(agreement.id), paperFormSettings()]);
  const ref = { agreementId: agreement.id, version: agreement.version };
  const last = approve.allowed ? await lastApprovalDefaults(actor) : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          {agreement.student.name}（{agreement.student.studentNo}）· {agreement.student.college.name}
        </h1>
        <StatusBadge status={agreement.status} autoConfirmAt={agreement.autoConfirmAt} />
      </div>
      <p className="text-sm text-slate-600">
        协议书号 {agreement.agreementNo ?? "—"} · 用人单位 {agreement.employer.name}
        {agreement.studentConfirmedAt && ` · ${agreement.autoConfirmed ? "系统自动确认" : "学生确认"}于 ${formatDateTime(agreement.studentConfirmedAt)}`}
      </p>
      {agreement.status === "FILED" && <Alert tone="success">已于 {formatDateTime(agreement.filedAt)} 备案。</Alert>}
      <p className="text-sm">
        签约方式：<strong>{electronic ? "电子协议" : "纸质打印盖章"}</strong>
        {electronic && agreement.attestedAt ? `（已于 ${formatDateTime(agreement.attestedAt)} 鉴证，电子原件生效）` : ""}
        {electronic && !agreement.attestedAt && agreement.status === "APPROVED" ? "（待学校就业主管部门鉴证）" : ""}
      </p>
      <AgreementOnScreen agreement={agreement} />
      {approve.allowed && (
        <section className="card space-y-3">
          <h2 className="text-lg font-semibold">学校意见</h2>
          <p className="text-sm text-slate-600">蓝色输入框均为必填项；已带出您上一次审核时填写的学校联系人、联系电话、邮政编码和协议书邮寄地址。</p>
          <ApproveForm
            agreementRef={ref}
            defaults={{
              schoolContact: last?.schoolContact ?? "",
              schoolPhone: last?.schoolPhone ?? "",
              schoolPostalCode: last?.schoolPostalCode ?? "",
              schoolMailAddress: last?.schoolMailAddress ?? "",
              collegeOpinion: "同意",
              schoolOpinion: "",
            }}
          />
        </section>
      )}
      {!electronic && (agreement.status === "APPROVED" || agreement.status === "FILED") && <ScanList scans={scans} agreementId={agreement.id} required={paper?.requireScanForFiling} />}
      {(file.allowed || returnByCollege.allowed || attest.allowed) && (
        <section className="card flex flex-wrap gap-2">
          {attest.allowed && (
            <ActionButton
              label="鉴证"
              action={attestAction.bind(null, ref)}
              confirmText="鉴证后将加盖学校毕业生就业主管部门鉴证章，电子协议原件即生效。确认鉴证吗？"
              successText="已鉴证，电子协议原件已生效"
            />
          )}
          {file.allowed && (
            <ActionButton
              label="备案"
              action={fileAction.bind(null, ref)}
              confirmText={electronic ? "确认将该电子协议备案吗？" : "确认已收到盖章后的就业协议书并备案吗？"}
              successText="已备案"
            />
          )}
          {returnByCollege.allowed && (
            <ActionButton label="退回" tone="danger" reasonLabel="退回原因（学生将看到）" action={returnByCollegeAction.bind(null, ref)} />
          )}
        </section>
      )}
      <PrintPanel {...printPanelProps(caps, agreement)} />
      <EventHistory events={agreement.events} />
    </div>
  );
}
