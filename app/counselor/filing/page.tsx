import type { Metadata } from "next";
import { ReviewDetail } from "@/app/_reviewer/review-detail";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/auth/guard";
import { capabilitiesOf } from "@/lib/workflow/capabilities";
import { findForFiling } from "@/lib/workflow/queries";
import { filingLookupSchema } from "@/lib/workflow/schemas";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "网上签约备案" };

export default async function FilingPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireRole("COUNSELOR");
  const { q } = pageParams(await searchParams, { q: param.text(40) });
  const parsed = q === undefined ? null : filingLookupSchema.safeParse({ query: q });
  const agreement = parsed?.success ? await findForFiling(actor, parsed.data.query) : null;
  const fileVerdict = agreement ? capabilitiesOf(actor, agreement).actions.file : null;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">网上签约备案</h1>
      <p className="text-sm text-slate-600">
        纸质协议：学生交来盖好章（学院、学校、用人单位）的就业协议书，或上传了盖章后的扫描件/照片（回传）后，输入学号或协议书号查询，核对无误后点击“备案”。电子协议：学校鉴证后即可备案。
      </p>
      <form role="search" action="/counselor/filing" className="flex flex-wrap gap-2">
        <label htmlFor="filing-q" className="label w-full sm:w-auto sm:self-center">
          学号/协议书号
        </label>
        <input id="filing-q" name="q" defaultValue={q} className="input min-w-0 flex-1" placeholder="例如 2022010101 或 2027-000001" maxLength={40} />
        <button type="submit" className="btn-primary">
          查询
        </button>
      </form>
      {parsed && !parsed.success && <Alert tone="error">{parsed.error.issues[0]?.message}</Alert>}
      {parsed?.success && !agreement && <Alert tone="warn">本学院没有学号或协议书号为“{parsed.data.query}”的就业协议。</Alert>}
      {fileVerdict && !fileVerdict.allowed && <Alert tone="warn">{fileVerdict.reason}。</Alert>}
      {agreement && <ReviewDetail actor={actor} agreement={agreement} />}
    </div>
  );
}
