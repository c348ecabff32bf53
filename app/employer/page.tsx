import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { getSettings } from "@/lib/settings/service";
import { countByStatus } from "@/lib/workflow/queries";

export const metadata: Metadata = { title: "签约须知" };

export default async function EmployerNoticePage() {
  const actor = await requireRole("EMPLOYER");
  const [settings, pending] = await Promise.all([getSettings(), countByStatus(actor, "PENDING_EMPLOYER")]);
  return (
    <div className="space-y-4">
      <section className="card space-y-3">
        <h1 className="text-xl font-bold">签约须知</h1>
        <div className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{settings.signingNotice}</div>
        <p className="text-sm text-slate-700">
          单位确定签约后，学生须在 {settings.autoConfirmDays} 日内复核确认，逾期系统自动确认。学生确认前如发现单位信息有误，可在“已签约信息”中“拿回重签”。
        </p>
      </section>
      <Link href="/employer/pending" className="btn-primary">
        办理待签约信息{pending ? `（${pending}）` : ""}
      </Link>
    </div>
  );
}
