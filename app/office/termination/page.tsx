import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/guard";
import { pageParams, type SearchParams } from "@/lib/http/params";
import { TERMINATION_REVIEW_PARAMS, TerminationReviewList } from "@/app/_termination/termination-review";

export const metadata: Metadata = { title: "解约审核" };

export default async function TerminationListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("OFFICE");
  return <TerminationReviewList actor={actor} basePath="/office/termination" params={pageParams(await searchParams, TERMINATION_REVIEW_PARAMS)} />;
}
