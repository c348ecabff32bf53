import type { Metadata } from "next";
import { AgreementBrowser, BROWSER_PARAMS } from "@/components/agreement/agreement-browser";
import { pageParams, type SearchParams } from "@/lib/http/params";
import { requireRole } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "网上签约审核" };

export default async function ReviewListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("COUNSELOR");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">网上签约审核</h1>
      <AgreementBrowser actor={actor} basePath="/counselor/review" params={pageParams(await searchParams, BROWSER_PARAMS)} />
    </div>
  );
}
