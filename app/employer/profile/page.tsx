import type { Metadata } from "next";
import { AccountRowActions } from "@/components/auth/account-row-actions";
import { isUnitAdministrator } from "@/lib/auth/account-admin";
import { requireRole } from "@/lib/auth/guard";
import { CHANGE_PENDING_LABEL, EMPLOYER_STATUS_LABELS } from "@/lib/employers/queries";
import { getOwnEmployer, pendingIdentityChange, profileIdentityShown } from "@/lib/employers/profile";
import { asSentence } from "@/lib/text";
import { MAX_SEAL_BYTES, MIN_SEAL_PX } from "@/lib/seals/png";
import { unitSeals } from "@/lib/seals/service";
import { UnitSealStatus } from "@/components/seals/seal-status";
import { FileUploadForm } from "@/components/uploads/file-upload-form";
import { resetStaffPasswordAction, setStaffActiveAction } from "./actions";
import { ProfileForm } from "./profile-form";
import { StaffForm } from "./staff-form";

export const metadata: Metadata = { title: "单位信息" };

export default async function EmployerProfilePage() {
  const actor = await requireRole("EMPLOYER");
  const [employer, admin] = await Promise.all([getOwnEmployer(actor), isUnitAdministrator(actor)]);
  const change = employer.status === "APPROVED" ? pendingIdentityChange(employer) : null;
  const statusText = change ? CHANGE_PENDING_LABEL : EMPLOYER_STATUS_LABELS[employer.status];
  const shown = profileIdentityShown(employer);
  const seals = await unitSeals(employer.id);
  return (
    <div className="space-y-6">
      <div className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-lg font-bold">单位信息</h1>
          <span className="rounded-full bg-slate-100 px-3 py-1 text-sm">审核状态：{statusText}</span>
        </div>
        <p className="mt-1 break-all text-sm text-slate-600">统一社会信用代码：{employer.orgCode}</p>
        {change && (
          <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            单位名称、统一社会信用代码或单位性质的变更正在等待就业处审核。审核通过前，毕业生仍按“{employer.name}”查找本单位，签约仍使用已审核的信息。
          </p>
        )}
        {employer.status === "APPROVED" && !change && employer.changeRejectReason && (
          <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">上次单位信息变更未通过审核：{employer.changeRejectReason}</p>
        )}
        {employer.status === "PENDING" && (
          <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">本单位正在等待就业处审核，审核通过后方可办理网上签约。</p>
        )}
        {employer.status === "REJECTED" && (
          <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            审核未通过：{employer.rejectReason ? asSentence(employer.rejectReason) : "—。"}修改单位信息并保存后将重新提交审核。
          </p>
        )}
        <p className="mt-3 text-sm text-slate-600">
          以下信息是签约时“用人单位情况及意见”的默认值，签约时仍可逐份修改（单位名称、统一社会信用代码、单位性质除外）。
          {employer.status === "APPROVED" ? "审核通过后，变更单位名称、统一社会信用代码或单位性质须经就业处审核。" : ""}
        </p>
        <div className="mt-4">
          <ProfileForm
            defaults={{
              name: shown.name,
              orgCode: shown.orgCode,
              department: employer.department ?? "",
              contactName: employer.contactName,
              contactPhone: employer.contactPhone,
              email: employer.email,
              address: employer.address,
              postalCode: employer.postalCode,
              natureCode: shown.natureCode as never,
              provinceCode: employer.provinceCode,
              reportTitle: employer.reportTitle ?? "",
              partyOrgReceiver: employer.partyOrgReceiver ?? "",
              archiveAddress: employer.archiveAddress ?? "",
              settleCity: employer.settleCity ?? "",
              defaultOpinion: employer.defaultOpinion ?? "",
            }}
          />
        </div>
      </div>
      <section className="card space-y-3" aria-labelledby="seal-title">
        <h2 id="seal-title" className="text-base font-semibold">
          电子印章
        </h2>
        <p className="text-sm text-slate-600">
          实行电子协议的届别，单位“确定签约”时在协议书的“用人单位（盖章）”栏加盖此印章，无需打印、盖章、邮寄。
          {employer.status === "APPROVED" ? "更换印章须经就业处重新审核，审核通过前继续使用原印章。" : "印章随单位注册信息一并由就业处审核。"}
        </p>
        <UnitSealStatus seals={seals} />
        <FileUploadForm
          endpoint="/api/seals"
          field="seal"
          fields={{ kind: "UNIT" }}
          accept="image/png"
          maxBytes={MAX_SEAL_BYTES}
          label={seals.current ? "上传新的印章图片" : "上传印章图片"}
          hint={`PNG 格式、透明背景，圆形印章居中，至少 ${MIN_SEAL_PX}×${MIN_SEAL_PX} 像素，不超过 ${MAX_SEAL_BYTES / 1024} KB。`}
          successText="已上传，等待就业处审核"
        />
      </section>
      <div className="card">
        <h2 className="text-base font-semibold">经办人账号</h2>
        <p className="mt-1 text-sm text-slate-600">
          {admin ? "您是本单位的管理员账号（首个注册的经办人），可以添加、停用经办人和重置其密码。" : "添加、停用经办人和重置密码由本单位的管理员账号（首个注册的经办人）办理。"}
        </p>
        <ul className="mt-3 divide-y divide-slate-100">
          {employer.staff.map((s, i) => (
            <li key={s.id} className="space-y-2 py-2 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">
                  {s.name}
                  <span className="ml-2 break-all text-slate-500">{s.username}</span>
                  {i === 0 && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">管理员</span>}
                  {!s.active && <span className="ml-2 text-red-700">已停用</span>}
                </span>
                <span className="text-slate-500">{s.phone ?? ""}</span>
              </div>
              {admin && s.id !== actor.userId && (
                <AccountRowActions userId={s.id} active={s.active} reset={resetStaffPasswordAction} setActive={setStaffActiveAction} />
              )}
            </li>
          ))}
        </ul>
        {admin && (
          <>
            <h3 className="mt-6 text-sm font-semibold">添加经办人</h3>
            <div className="mt-3">
              <StaffForm />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
