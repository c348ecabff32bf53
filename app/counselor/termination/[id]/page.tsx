import type { Metadata } from "next";
import { loadAgreementOr404 } from "@/components/agreement/load-or-404";
import { requireRole } from "@/lib/auth/guard";
import { pageId } from "@/lib/http/params";
import { TerminationReviewDetail } from "@/app/_termination/termination-review";

export const metadata: Metadata = { title: "解约审核" };

export default async function TerminationDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("COUNSELOR");
  const agreement = await loadAgreementOr404(actor, pageId((await params).id));
  return <TerminationReviewDetail actor={actor} agreement={agreement} basePath="/counselor/termination" reviewPath="/counselor/review" />;
}
