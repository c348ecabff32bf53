import type { Metadata } from "next";
import Link from "next/link";
import { SealImage } from "@/components/seals/seal-status";
import { FileUploadForm } from "@/components/uploads/file-upload-form";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { MAX_SEAL_BYTES, MIN_SEAL_PX } from "@/lib/seals/png";
import { officeSeals } from "@/lib/seals/service";
import { paperFormSettings, signingModes } from "@/lib/settings/paperless";
import { PaperFormForm, SigningModeForm } from "./forms";

export const metadata: Metadata = { title: "电子协议与印章" };

const SEAL_HINT = `PNG 格式、透明背景，圆形印章居中，至少 ${MIN_SEAL_PX}×${MIN_SEAL_PX} 像素，不超过 ${MAX_SEAL_BYTES / 1024} KB；上传后立即生效，此后通过/鉴证的电子协议加盖新印章，已签署的不变。`;

export default async function PaperlessSettingsPage() {
  await requireRole("OFFICE");
  const [modes, paper, seals] = await Promise.all([signingModes(), paperFormSettings(), officeSeals()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">电子协议与印章</h1>
        <Link href="/office/settings" className="btn-secondary">
          返回系统设置
        </Link>
      </div>

      <section className="card space-y-2" aria-labelledby="p-modes">
        <h2 id="p-modes" className="font-semibold">各届签约方式</h2>
        <p className="text-sm text-slate-600">
          电子协议：单位确定签约、学院通过、学校鉴证时依次加盖各方电子印章，学校数字签名的 PDF 即为原件，三方各自下载，无需打印、盖章、邮寄。
          纸质打印盖章：学院通过后打印一式三份，线下盖章，毕业生上传回传件后备案。设置对此后提交的协议生效。
        </p>
        {modes.length === 0 ? <p className="text-sm text-slate-500">尚无毕业生数据：导入生源信息后可在此设置。</p> : modes.map((m) => <SigningModeForm key={m.graduationYear} {...m} />)}
      </section>

      <section className="card space-y-3" aria-labelledby="p-paper">
        <h2 id="p-paper" className="font-semibold">纸质协议</h2>
        <PaperFormForm defaults={paper} />
      </section>

      <section className="card space-y-3" aria-labelledby="p-school">
        <h2 id="p-school" className="font-semibold">学校毕业生就业主管部门鉴证章</h2>
        {seals.school ? (
          <div className="flex items-end gap-3 text-sm">
            <SealImage url={seals.school.url} label="鉴证章" />
            <span className="text-slate-500">{seals.school.reviewedAt ? `${formatDateTime(seals.school.reviewedAt)} 起使用` : ""}</span>
          </div>
        ) : (
          <p className="text-sm text-amber-800">尚未设置鉴证章：电子协议在设置后才能鉴证。</p>
        )}
        <FileUploadForm endpoint="/api/seals" field="seal" fields={{ kind: "SCHOOL" }} accept="image/png" maxBytes={MAX_SEAL_BYTES} label="上传鉴证章" hint={SEAL_HINT} successText="鉴证章已更新" />
      </section>

      <section className="card space-y-3" aria-labelledby="p-colleges">
        <h2 id="p-colleges" className="font-semibold">学院电子印章</h2>
        {seals.colleges.length === 0 ? <p className="text-sm text-slate-500">尚未设置学院。</p> : null}
        <ul className="divide-y divide-slate-100">
          {seals.colleges.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start gap-4 py-3">
              <div className="w-40 text-sm font-medium">{c.name}</div>
              {c.seal ? <SealImage url={c.seal.url} label={`${c.name}电子印章`} /> : <p className="w-[120px] text-sm text-amber-800">未设置</p>}
              <div className="min-w-[16rem] flex-1">
                <FileUploadForm endpoint="/api/seals" field="seal" fields={{ kind: "COLLEGE", collegeId: c.id }} accept="image/png" maxBytes={MAX_SEAL_BYTES} label={`上传${c.name}印章`} hint={SEAL_HINT} successText="学院印章已更新" />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
