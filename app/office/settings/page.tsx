import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { getSettings, listTermsVersions } from "@/lib/settings/service";
import { NoticesForm, NumbersForm, TermsForm } from "./forms";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "系统设置" };

export default async function SettingsPage() {
  await requireRole("OFFICE");
  const [settings, versions] = await Promise.all([getSettings(), listTermsVersions()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">系统设置</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/office/settings/accounts" className="btn-secondary">
            辅导员与就业处账号
          </Link>
          <Link href="/office/settings/colleges" className="btn-secondary">
            学院与专业
          </Link>
          <Link href="/office/settings/paperless" className="btn-secondary">
            电子协议与印章
          </Link>
        </div>
      </div>
      <section className="card space-y-3" aria-labelledby="s-numbers">
        <h2 id="s-numbers" className="font-semibold">签约规则</h2>
        <NumbersForm defaults={{ autoConfirmDays: settings.autoConfirmDays, copiesPerPrint: settings.copiesPerPrint }} />
      </section>
      <section className="card space-y-3" aria-labelledby="s-notices">
        <h2 id="s-notices" className="font-semibold">签约须知与违约说明</h2>
        <NoticesForm defaults={{ schoolName: settings.schoolName, signingNotice: settings.signingNotice, breachNotice: settings.breachNotice }} />
      </section>
      <section className="card space-y-3" aria-labelledby="s-terms">
        <h2 id="s-terms" className="font-semibold">
          协议条款 {settings.currentTerms ? <span className="text-sm font-normal text-slate-500">（当前第 {settings.currentTerms.version} 版）</span> : null}
        </h2>
        <TermsForm current={settings.currentTerms?.content ?? ""} />
        <h3 className="pt-2 text-sm font-semibold">历史版本</h3>
        {versions.length === 0 ? (
          <p className="text-sm text-slate-500">尚未发布协议条款。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {versions.map((v) => (
              <li key={v.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  第 {v.version} 版{v.id === settings.currentTerms?.id && <span className="ml-2 text-green-700">当前</span>}
                </span>
                <span className="text-slate-500">
                  {formatDateTime(v.createdAt)} · {v.createdBy?.name ?? "—"} · 使用于 {v._count.agreements} 份协议
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
