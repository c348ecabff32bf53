import type { Metadata } from "next";
import { loadAgreementOr404 } from "@/components/agreement/load-or-404";
import { ReviewDetail } from "@/app/_reviewer/review-detail";
import { requireRole } from "@/lib/auth/guard";
import { pageId } from "@/lib/http/params";

export const metadata: Metadata = { title: "查看/处理" };

export default async function ReviewDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("COUNSELOR");
  const id = pageId((await params).id);
  return <ReviewDetail actor={actor} agreement={await loadAgreementOr404(actor, id)} />;
}
