import type { Metadata } from "next";
import Link from "next/link";
import { NoticeDialog } from "@/components/agreement/notice-dialog";
import { Pager } from "@/components/office/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { getSettings } from "@/lib/settings/service";
import { listAgreements, scopeOf } from "@/lib/workflow/queries";
import { RegistrationStatus } from "../_parts/registration-status";
import { unitNoticeSections } from "../_parts/unit-notice";
import { PendingTable } from "./pending-table";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "待签约信息" };

export default async function PendingPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requireRole("EMPLOYER");
  const { q, page } = pageParams(await searchParams, { q: param.text(), page: param.page });
  const [list, settings] = await Promise.all([
    listAgreements(scopeOf(actor), {
      q,
      status: "PENDING_EMPLOYER",
      page,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    }),
    getSettings(),
  ]);
  return (
    <div className="space-y-4">
      <RegistrationStatus actor={actor} />
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-xl font-bold">待签约信息</h1>
          <div className="flex flex-wrap items-center gap-3">
            {/* the manual: read the 签约须知 first — on the first visit it opens by itself */}
            <NoticeDialog openLabel="签约须知" sections={unitNoticeSections(settings)} />
            <Link prefetch={false} href="/employer/signed" className="btn-secondary">
              查看已签
            </Link>
          </div>
        </div>
        <p className="text-sm text-slate-600">学生提交的签约信息。点击“办理”核对并签约，或勾选多名学生后“批量签约”（使用单位信息中的默认内容）。</p>
      </div>
      <SearchForm action="/employer/pending" q={q} placeholder="按姓名或学号查询" />
      {list.total === 0 ? (
        <EmptyState title={q ? "没有符合条件的待签约信息" : "暂无待签约信息"}>学生正式提交签约信息后会出现在这里。</EmptyState>
      ) : (
        <>
          <PendingTable
            total={list.total}
            rows={list.rows.map((r) => ({
              id: r.id,
              version: r.version,
              name: r.student.name,
              studentNo: r.student.studentNo,
              major: r.student.major.name,
              submittedAt: formatDateTime(r.submittedAt),
            }))}
          />
          <Pager basePath="/employer/pending" params={{ q }} page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
