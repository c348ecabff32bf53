import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { getSettings } from "@/lib/settings/service";
import { countByStatus } from "@/lib/workflow/queries";
import { RegistrationStatus } from "./_parts/registration-status";
import { unitNoticeSections } from "./_parts/unit-notice";

export const metadata: Metadata = { title: "签约须知" };

export default async function EmployerNoticePage() {
  const actor = await requireRole("EMPLOYER");
  const [settings, pending] = await Promise.all([getSettings(), countByStatus(actor, "PENDING_EMPLOYER")]);
  const [notice] = unitNoticeSections(settings);
  return (
    <div className="space-y-4">
      <RegistrationStatus actor={actor} />
      <section className="card space-y-3">
        <h1 className="text-xl font-bold">{notice.title}</h1>
        <div className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{notice.text}</div>
      </section>
      <div className="flex flex-wrap gap-2">
        <Link href="/employer/pending" className="btn-primary">
          办理待签约信息{pending ? `（${pending}）` : ""}
        </Link>
        <Link href="/employer/signed" className="btn-secondary">
          查看已签
        </Link>
      </div>
    </div>
  );
}
