import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listTerminationExceptions, terminationSettings } from "@/lib/termination/settings";
import { ExceptionForm, TerminationSettingsForm } from "./forms";

export const metadata: Metadata = { title: "解约与签约邀请" };

export default async function TerminationSettingsPage() {
  await requireRole("OFFICE");
  const [settings, exceptions] = await Promise.all([terminationSettings(), listTerminationExceptions()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">解约与签约邀请</h1>
        <Link href="/office/settings" className="btn-secondary">
          返回系统设置
        </Link>
      </div>
      <section className="card space-y-3" aria-labelledby="t-settings">
        <h2 id="t-settings" className="font-semibold">
          设置
        </h2>
        <TerminationSettingsForm defaults={settings} />
      </section>
      <section className="card space-y-3" aria-labelledby="t-exceptions">
        <h2 id="t-exceptions" className="font-semibold">
          解约次数例外
        </h2>
        <p className="text-sm text-slate-600">毕业生本届解约次数已达上限、确需再次解约时，可在此为其增加一次解约机会，并写明原因（记入审计日志）。</p>
        <ExceptionForm />
        {exceptions.length === 0 ? (
          <p className="text-sm text-slate-500">暂无例外。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {exceptions.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {e.student.name}（{e.student.studentNo}，{e.student.college.name}）：{e.reason}
                </span>
                <span className="text-slate-500">
                  {e.graduationYear} 届 · {formatDateTime(e.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
