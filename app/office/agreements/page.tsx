import type { Metadata } from "next";
import { AgreementBrowser, BROWSER_PARAMS } from "@/components/agreement/agreement-browser";
import { pageParams, type SearchParams } from "@/lib/http/params";
import { requireRole } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "网上签约管理" };

export default async function OfficeAgreementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("OFFICE");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">网上签约管理</h1>
      <p className="text-sm text-slate-600">就业处可查看全校的就业协议，并可代学院审核、退回和备案。</p>
      <AgreementBrowser actor={actor} basePath="/office/agreements" params={pageParams(await searchParams, BROWSER_PARAMS)} />
    </div>
  );
}
