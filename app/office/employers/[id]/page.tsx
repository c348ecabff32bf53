import type { Metadata } from "next";
import Link from "next/link";
import { auditActionLabel } from "@/lib/audit";
import { AccountRowActions } from "@/components/auth/account-row-actions";
import { requireRole } from "@/lib/auth/guard";
import { CHANGE_PENDING_LABEL, EMPLOYER_STATUS_LABELS, getEmployerForOffice } from "@/lib/employers/queries";
import { pendingIdentityChange } from "@/lib/employers/profile";
import { provinceName } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { resetAccountPasswordAction, setAccountActiveAction } from "../../settings/actions";
import { ReviewButtons } from "./review-buttons";
import { formatDateTime } from "@/lib/format";
import { notFoundOnAppError, pageId } from "@/lib/http/params";
import { ActionButton } from "@/components/agreement/action-button";
import { UnitSealStatus } from "@/components/seals/seal-status";
import { unitSeals } from "@/lib/seals/service";
import { reviewIdentityChangeAction, reviewSealAction } from "../actions";

export const metadata: Metadata = { title: "用人单位详情" };

export default async function EmployerDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("OFFICE");
  const id = pageId((await params).id);
  const { employer: e, history, agreementCount } = await getEmployerForOffice(actor, id).catch(notFoundOnAppError);
  const seals = await unitSeals(e.id);
  const change = e.status === "APPROVED" ? pendingIdentityChange(e) : null;
  const changeRows: [string, string, string][] = change
    ? [
        ["单位名称", e.name, change.name],
        ["统一社会信用代码", e.orgCode, change.orgCode],
        ["单位性质", unitNatureLabel(e.natureCode) ?? e.natureCode, unitNatureLabel(change.natureCode) ?? change.natureCode],
      ]
    : [];
  const rows: [string, string | null][] = [
    ["单位名称", e.name],
    ["统一社会信用代码", e.orgCode],
    ["单位隶属部门", e.department],
    ["单位性质", unitNatureLabel(e.natureCode) ?? e.natureCode],
    ["单位所在省份", provinceName(e.provinceCode) ?? e.provinceCode],
    ["联系人", e.contactName],
    ["联系电话", e.contactPhone],
    ["电子邮箱", e.email],
    ["通讯地址", e.address],
    ["邮政编码", e.postalCode],
    ["就业报到证抬头", e.reportTitle],
    ["组织关系接收单位", e.partyOrgReceiver],
    ["档案转寄详细地址", e.archiveAddress],
    ["落户城市(详细地址)", e.settleCity],
    ["用人单位意见（默认）", e.defaultOpinion],
  ];
  return (
    <div className="space-y-4">
      <Link href="/office/employers" className="text-sm text-brand-700 underline">
        ← 返回用人单位列表
      </Link>
      <div className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="break-words text-lg font-bold">{e.name}</h1>
          <span className="rounded-full bg-slate-100 px-3 py-1 text-sm">{EMPLOYER_STATUS_LABELS[e.status]}</span>
        </div>
        {e.status === "REJECTED" && e.rejectReason && <p className="mt-2 text-sm text-red-700">不通过原因：{e.rejectReason}</p>}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label} className="flex gap-3 border-b border-slate-100 pb-2 text-sm">
              <dt className="w-32 shrink-0 text-slate-500">{label}</dt>
              <dd className="min-w-0 break-words">{value || "—"}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-slate-600">该单位共有 {agreementCount} 份协议。</p>
        <div className="mt-4">
          <ReviewButtons employerId={e.id} status={e.status} />
        </div>
      </div>
      {change && (
        <section className="card space-y-3 ring-1 ring-amber-300" aria-labelledby="identity-change-title">
          <h2 id="identity-change-title" className="font-semibold">
            {CHANGE_PENDING_LABEL}
          </h2>
          <p className="text-sm text-slate-600">该单位申请变更以下信息。审核通过前，毕业生仍按原信息查找该单位，单位仍以原信息签约。</p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1 pr-3 font-normal">项目</th>
                  <th className="py-1 pr-3 font-normal">现（已审核）</th>
                  <th className="py-1 font-normal">申请变更为</th>
                </tr>
              </thead>
              <tbody>
                {changeRows.map(([label, now, asked]) => (
                  <tr key={label} className="border-t border-slate-100 align-top">
                    <td className="py-1 pr-3 text-slate-500">{label}</td>
                    <td className="break-all py-1 pr-3">{now}</td>
                    <td className={`break-all py-1 ${now !== asked ? "font-semibold text-amber-900" : ""}`}>{asked}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-wrap gap-2">
            <ActionButton label="变更审核通过" action={reviewIdentityChangeAction.bind(null, e.id, true)} successText="变更已审核通过" confirmText="通过后，该单位以新的单位信息被查找和签约。确定通过吗？" />
            <ActionButton label="变更审核不通过" tone="danger" reasonLabel="不通过原因（单位将看到）" action={reviewIdentityChangeAction.bind(null, e.id, false)} />
          </div>
        </section>
      )}
      <section className="card space-y-3" aria-labelledby="unit-seal-title">
        <h2 id="unit-seal-title" className="font-semibold">
          单位电子印章
        </h2>
        <UnitSealStatus seals={seals} />
        {seals.pending && e.status !== "APPROVED" ? <p className="text-sm text-slate-600">该印章将随单位注册信息一并审核：单位审核通过时，印章同时生效。</p> : null}
        {seals.pending && e.status === "APPROVED" ? (
          <div className="flex flex-wrap gap-2">
            <ActionButton label="印章审核通过" action={reviewSealAction.bind(null, seals.pending.id, true)} successText="印章已审核通过" />
            <ActionButton label="印章审核不通过" tone="danger" reasonLabel="不通过原因（单位将看到）" action={reviewSealAction.bind(null, seals.pending.id, false)} />
          </div>
        ) : null}
        {!seals.current && !seals.pending ? <p className="text-sm text-slate-600">该单位尚未上传电子印章：电子协议届别的签约须先上传。</p> : null}
      </section>
      <div className="card">
        <h2 className="font-semibold">经办人账号</h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {e.staff.map((s, i) => (
            <li key={s.id} className="space-y-2 py-2">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="break-all">
                  {s.name}（{s.username}）{i === 0 && <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs">管理员</span>}
                  {!s.active && <span className="ml-2 text-red-700">已停用</span>}
                </span>
                <span className="text-slate-500">{s.phone}</span>
              </div>
              <AccountRowActions userId={s.id} active={s.active} reset={resetAccountPasswordAction} setActive={setAccountActiveAction} />
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2 className="font-semibold">审核记录</h2>
        {history.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">暂无记录</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm">
            {history.map((h) => (
              <li key={h.id} className="border-l-2 border-slate-200 pl-3">
                <span className="font-medium">{auditActionLabel(h.action)}</span>
                <span className="ml-2 text-slate-500">{formatDateTime(h.createdAt)}</span>
                {typeof h.changes === "object" && h.changes && "reason" in h.changes && (
                  <p className="text-slate-600">原因：{String((h.changes as { reason: unknown }).reason)}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
