import type { Metadata } from "next";
import Link from "next/link";
import { AgreementList } from "@/components/agreement/agreement-list";
import { Pager } from "@/components/office/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { pageParams, param, type SearchParams } from "@/lib/http/params";
import { listTerminations, TERMINATION_LISTS, type TerminationList } from "@/lib/termination/queries";

export const metadata: Metadata = { title: "解约办理" };

const LISTS = ["review", "open", "cancelled"] as const satisfies readonly TerminationList[];
const LABELS: Record<TerminationList, string> = { ...TERMINATION_LISTS, review: "待我方答复" };

export default async function EmployerTerminationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("EMPLOYER");
  const { f = "review", page } = pageParams(await searchParams, { f: param.oneOf(LISTS), page: param.page });
  const list = await listTerminations(actor, f, { page });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">解约办理</h1>
        <p className="text-sm text-slate-600">毕业生申请的解约请在期限内同意或不同意；如需由单位发起解约，请在“已签约信息”中打开协议后点击“解约”。</p>
      </div>
      <nav aria-label="筛选" className="flex flex-wrap gap-2">
        {LISTS.map((k) => (
          <Link key={k} href={`/employer/termination?f=${k}`} aria-current={k === f ? "page" : undefined} className={k === f ? "btn-primary" : "btn-secondary"}>
            {LABELS[k]}
          </Link>
        ))}
      </nav>
      {list.total === 0 ? (
        <EmptyState title={`暂无${LABELS[f]}的解约`} />
      ) : (
        <>
          <AgreementList rows={list.rows} hrefOf={(r) => `/employer/termination/${r.id}`} />
          <Pager basePath="/employer/termination" params={{ f }} page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
