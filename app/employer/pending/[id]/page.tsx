import { AgreementOnScreen } from "@/components/agreement/agreement-on-screen";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/agreement/action-button";
import { StatusBadge } from "@/components/agreement/status-badge";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/guard";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { loadAgreementOr404 } from "@/components/agreement/load-or-404";
import { returnAction } from "../../actions";
import type { EmployerSignInput } from "@/lib/workflow/schemas";
import { signatureFromProfile, signatureOnAgreement, UNIT_IDENTITY_COLUMNS, UNIT_SECTION_FIELDS } from "@/lib/agreement/unit-section";
import { unitNatureLabel } from "@/lib/reference";
import { SignForm } from "./sign-form";
import { pageId } from "@/lib/http/params";
import { paperFormSettings } from "@/lib/settings/paperless";

export const metadata: Metadata = { title: "办理签约" };

export default async function HandlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("EMPLOYER");
  const id = pageId((await params).id);
  const agreement = await loadAgreementOr404(actor, id);
  const caps = capabilitiesOf(actor, agreement);
  const ref = { agreementId: agreement.id, version: agreement.version };
  // Prefill: what this unit entered last time (after 拿回重签), else the unit's profile.
  const defaults = Object.fromEntries(
    Object.entries({ ...signatureFromProfile(agreement.employer), ...signatureOnAgreement(agreement) }).map(([k, v]) => [k, v ?? ""]),
  ) as EmployerSignInput;
  // signed under the identity the office approved (a change waits for its review)
  const identity = UNIT_IDENTITY_COLUMNS.map((c) => {
    const value = agreement.employer[UNIT_SECTION_FIELDS[c].profile];
    return { label: UNIT_SECTION_FIELDS[c].label, value: c === "unitNatureCode" ? (unitNatureLabel(value) ?? value) : value };
  });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          办理签约：{agreement.student.name}（{agreement.student.studentNo}）
        </h1>
        <StatusBadge status={agreement.status} autoConfirmAt={agreement.autoConfirmAt} />
      </div>
      <AgreementOnScreen agreement={agreement} />
      {caps.actions.sign.allowed ? (
        <section className="card space-y-4">
          <h2 className="text-lg font-semibold">用人单位情况及意见</h2>
          <p className="text-sm text-slate-600">首次与学生签约时请核对以下单位信息，发现问题可直接修改；填写用人单位意见，主管部门意见可不填。</p>
          <SignForm agreementRef={ref} defaults={defaults} identity={identity} showReportTitle={(await paperFormSettings()).showReportTitle} />
          <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
            {caps.actions.returnByEmployer.allowed && (
              <ActionButton label="◀ 退回/拒绝签约" tone="danger" reasonLabel="退回原因（学生将看到）" action={returnAction.bind(null, ref)} redirectTo="/employer/pending" />
            )}
            <Link href="/employer/pending" className="btn-secondary">
              ✕ 返回
            </Link>
          </div>
        </section>
      ) : (
        <Alert tone="warn">
          {caps.actions.sign.reason}。<Link href={`/employer/signed/${agreement.id}`} className="underline">查看已签约信息</Link>
        </Alert>
      )}
    </div>
  );
}
