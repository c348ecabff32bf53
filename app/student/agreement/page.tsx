import { AgreementOnScreen } from "@/components/agreement/agreement-on-screen";
import type { Metadata } from "next";
import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { policyFor } from "@/lib/workflow/policy";
import { ActionButton } from "@/components/agreement/action-button";
import { EventHistory } from "@/components/agreement/event-history";
import { NoticeDialog } from "@/components/agreement/notice-dialog";
import { StatusBadge } from "@/components/agreement/status-badge";
import { Timeline } from "@/components/agreement/timeline";
import { SourceInfoFields } from "@/components/student/source-info-fields";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { asSentence } from "@/lib/text";
import { getOwnSourceInfo } from "@/lib/students/profile";
import { capabilitiesOf, startVerdict } from "@/lib/workflow/capabilities";
import { getSettings } from "@/lib/settings/service";
import { getStudentAgreement } from "@/lib/workflow/queries";
import { PrintPanel } from "@/components/agreement/print-panel";
import { printPanelProps } from "@/lib/printing/panel";
import { ScanList } from "@/components/agreement/scan-list";
import { FileUploadForm } from "@/components/uploads/file-upload-form";
import { MAX_SCAN_BYTES, scansOf } from "@/lib/printing/scans";
import { paperFormSettings } from "@/lib/settings/paperless";
import { AgreementForm } from "./agreement-form";
import { confirmAction } from "./actions";

export const metadata: Metadata = { title: "我的签约" };

export default async function MyAgreementPage() {
  const actor = await requireRole("STUDENT");
  const [info, agreement, settings, invitations, policy] = await Promise.all([
    getOwnSourceInfo(actor),
    getStudentAgreement(actor.userId),
    getSettings(),
    prisma.agreement.count({ where: { student: { userId: actor.userId }, status: "INVITED" } }),
    prisma.student.findUnique({ where: { userId: actor.userId }, select: { id: true, graduationYear: true } }).then((s) => (s ? policyFor(prisma, s) : undefined)),
  ]);
  if (!info) {
    return <Alert tone="warn">尚未找到您的生源信息，请联系所在学院辅导员/协理员。</Alert>;
  }
  const status = agreement?.status ?? null;
  const ref = agreement ? { agreementId: agreement.id, version: agreement.version } : null;
  // every button and notice below comes from here
  const caps = agreement ? capabilitiesOf(actor, agreement, new Date(), policy) : null;
  const start = caps ? caps.actions.saveDraft : startVerdict(actor, { sourceStatus: info.status }, new Date(), policy);
  const electronic = agreement?.signingMode === "ELECTRONIC";
  const paperDone = agreement && !electronic && (status === "APPROVED" || status === "FILED");
  const [scans, paper] = paperDone ? await Promise.all([scansOf(agreement.id), paperFormSettings()]) : [[], null];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">我的签约</h1>
        <NoticeDialog
          openLabel="查看签约须知与违约说明"
          sections={[
            { title: "签约须知", text: settings.signingNotice },
            { title: "违约说明", text: settings.breachNotice },
          ]}
        />
      </div>

      <section className="card space-y-4">
        <Timeline status={status} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span>
            当前状态：<StatusBadge status={status} autoConfirmAt={agreement?.autoConfirmAt} />
          </span>
          {agreement?.agreementNo && <span>协议书号：{agreement.agreementNo}</span>}
          {agreement && <span>签约单位：{agreement.employer.name}</span>}
        </div>
        {status === "RETURNED" && agreement?.returnReason && (
          <Alert tone="error">
            {agreement.returnedByRole === "EMPLOYER" ? "用人单位退回/拒绝签约" : "学院退回"}，原因：{asSentence(agreement.returnReason)}
            {agreement.returnedByRole === "EMPLOYER" ? "您可以修改信息后重新提交，或选择其他单位。" : "请按要求修改后重新提交。"}
          </Alert>
        )}
        {status === "PENDING_EMPLOYER" && <Alert>已提交给用人单位，请时常关注单位的审核情况。提交后不能更换签约单位，除非单位退回。</Alert>}
        {status === "PENDING_COLLEGE_REVIEW" && <Alert>已确认，等待学院审核。审核通过后即可打印就业协议书。</Alert>}
        {status === "FILED" && <Alert tone="success">就业协议已在学院备案，网上签约办理完成。</Alert>}
      </section>

      {invitations > 0 && (
        <Alert>
          您有 {invitations} 个待答复的签约邀请，<Link prefetch={false} href="/student/invitations" className="underline">查看并应约或拒绝</Link>。
        </Alert>
      )}
      {agreement && (agreement.terminationStatus || caps?.actions.requestTermination.allowed) && (
        <Alert tone={agreement.terminationStatus ? "warn" : "info"}>
          {agreement.terminationStatus ? "本协议有进行中的解约申请。" : "如需解除本协议，可申请解约。"}
          <Link prefetch={false} href="/student/termination" className="underline">
            前往解约
          </Link>
        </Alert>
      )}
      {agreement?.previousAgreementNo && <Alert>您的原就业协议（协议书号 {agreement.previousAgreementNo}）已解约，本协议为新签协议。</Alert>}

      {!agreement && !start.allowed && <Alert tone="warn">{start.reason}。</Alert>}

      {start.allowed && (
        // the manual: read the notice and the steps first, then 填写/编辑就业协议书 opens the form
        // (a saved draft or a returned agreement opens with it)
        <details id="agreement-editor" open={!!agreement} className="card">
          <summary className="btn-primary w-full cursor-pointer list-none sm:w-auto [&::-webkit-details-marker]:hidden">
            <h2 className="text-base font-semibold">填写/编辑就业协议书</h2>
          </summary>
          <div className="mt-4 space-y-4">
            <div>
              <h3 className="mb-1 font-semibold">确认基本信息</h3>
              <p className="mb-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">如以下信息有误，请联系学院对生源信息进行修改。</p>
              <SourceInfoFields fields={info.fields} />
            </div>
            <AgreementForm
              agreementRef={ref}
              canSubmit={caps?.actions.submit.allowed ?? false}
              employer={agreement ? { id: agreement.employerId, name: agreement.employer.name } : null}
              employerLocked={caps ? !caps.changeEmployer : false}
              contactPrefilled={!agreement && !!(info.contact.phone || info.contact.email)}
              // a new agreement starts from the contact data imported with the 生源信息 (the student may change them)
              defaults={{
                studentPhone: agreement?.studentPhone ?? info.contact.phone,
                studentEmail: agreement?.studentEmail ?? info.contact.email,
                studentOpinion: agreement?.studentOpinion ?? "同意",
              }}
            />
          </div>
        </details>
      )}

      {agreement && status === "PENDING_STUDENT_CONFIRM" && (
        <section className="card space-y-3 border-amber-300">
          <h2 className="text-lg font-semibold">复核确认</h2>
          <p className="text-sm text-slate-700">
            用人单位已于 {formatDateTime(agreement.employerSignedAt)} 确定签约。请仔细核对单位填写的信息，无误后点击“确定签约信息”；如有问题请及时与用人单位沟通。
          </p>
          <Alert tone="warn">
            若未复核确认，系统将于 <strong>{formatDateTime(agreement.autoConfirmAt)}</strong>（单位签约 {settings.autoConfirmDays} 日后）自动确认。
          </Alert>
          {caps?.actions.confirm.allowed ? (
            <ActionButton label="确定签约信息" action={confirmAction.bind(null, ref)} confirmText="确认单位填写的信息无误吗？确认后将提交学院审核。" />
          ) : (
            caps?.awaitingAutoConfirm && !caps.actions.confirm.allowed && <Alert>{caps.actions.confirm.reason}。</Alert>
          )}
        </section>
      )}

      {agreement && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">就业协议书</h2>
          <AgreementOnScreen agreement={agreement} />
        </section>
      )}

      {agreement && electronic && status === "APPROVED" && !agreement.attestedAt && (
        <Alert>本协议为电子协议：学院已审核通过，等待学校毕业生就业主管部门鉴证；鉴证后即可下载带数字签名的协议书原件，无需打印、盖章、邮寄。</Alert>
      )}

      {agreement && caps && <PrintPanel {...printPanelProps(caps, agreement)} />}

      {agreement && paperDone && (
        <>
          {status === "APPROVED" && (
            <section className="card space-y-3" aria-labelledby="scan-upload-title">
              <h2 id="scan-upload-title" className="text-lg font-semibold">
                回传：上传盖章后的就业协议书
              </h2>
              <p className="text-sm text-slate-600">
                学院、学校、用人单位盖章完成后，请将协议书（正面即可，可多次上传）扫描或拍照上传，辅导员/协理员据此办理备案。
                {paper?.requireScanForFiling ? "就业处要求：上传回传件后方可备案。" : ""}
              </p>
              <FileUploadForm
                endpoint={`/api/agreements/${agreement.id}/scans`}
                field="file"
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                maxBytes={MAX_SCAN_BYTES}
                label="扫描件或照片"
                hint={`PDF、JPG 或 PNG，不超过 ${MAX_SCAN_BYTES / 1024 / 1024} MB。手机可直接拍照上传，请保证四角完整、印章清晰。`}
                submitLabel="上传回传件"
                successText="已上传回传件"
              />
            </section>
          )}
          <ScanList scans={scans} agreementId={agreement.id} required={paper?.requireScanForFiling} />
        </>
      )}

      {agreement && <EventHistory events={agreement.events} />}
    </div>
  );
}
