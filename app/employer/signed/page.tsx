import type { Metadata } from "next";
import { AgreementList } from "@/components/agreement/agreement-list";
import { Pager } from "@/components/office/pager";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { requireRole } from "@/lib/auth/guard";
import { listAgreements, scopeOf } from "@/lib/workflow/queries";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "已签约信息" };

export default async function SignedPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string; signed?: string }> }) {
  const actor = await requireRole("EMPLOYER");
  const { q, page, signed } = pageParams(await searchParams, { q: param.text(), page: param.page, signed: param.oneOf(["1"]) });
  const list = await listAgreements(scopeOf(actor), {
    q,
    status: ["PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"],
    page,
    orderBy: [{ employerSignedAt: "desc" }, { id: "asc" }],
  });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">已签约信息</h1>
        <p className="text-sm text-slate-600">学生复核确认前，如发现单位信息有误，可打开协议后点击“拿回重签”。</p>
      </div>
      {signed && <Alert tone="success">已确定签约，等待学生复核确认。</Alert>}
      <SearchForm action="/employer/signed" q={q} placeholder="按姓名、学号或协议书号查询" />
      {list.total === 0 ? (
        <EmptyState title="暂无已签约信息" />
      ) : (
        <>
          <AgreementList rows={list.rows} hrefOf={(r) => `/employer/signed/${r.id}`} dateLabel="签约时间" dateOf={(r) => r.employerSignedAt} />
          <Pager basePath="/employer/signed" params={{ q }} page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
