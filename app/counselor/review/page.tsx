import type { Metadata } from "next";
import { AgreementBrowser, type BrowserParams } from "@/components/agreement/agreement-browser";
import { requireRole } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "网上签约审核" };

export default async function ReviewListPage({ searchParams }: { searchParams: Promise<BrowserParams> }) {
  const actor = await requireRole("COUNSELOR");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">网上签约审核</h1>
      <AgreementBrowser actor={actor} basePath="/counselor/review" params={await searchParams} />
    </div>
  );
}
