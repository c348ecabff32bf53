import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/office/pager";
import { requireRole } from "@/lib/auth/guard";
import { DataTable } from "@/components/ui/data-table";
import { EMPLOYER_COLUMNS } from "@/lib/employers/columns";
import { CHANGE_PENDING_LABEL, listEmployersForReview } from "@/lib/employers/queries";
import { columnLabels, rowCells } from "@/lib/export/columns";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "用人单位审核" };

const TABS: { key: EmployerStatus | "CHANGE" | ""; label: string }[] = [
  { key: "PENDING", label: "待审核" },
  { key: "CHANGE", label: CHANGE_PENDING_LABEL },
  { key: "APPROVED", label: "已通过" },
  { key: "REJECTED", label: "未通过" },
  { key: "", label: "全部" },
];

export default async function OfficeEmployersPage({ searchParams }: { searchParams: Promise<{ status?: string; q?: string; page?: string }> }) {
  const actor = await requireRole("OFFICE");
  const sp = pageParams(await searchParams, { status: param.oneOf(["PENDING", "CHANGE", "APPROVED", "REJECTED", "all"]), q: param.text(), page: param.page });
  const status = (sp.status === "all" ? "" : (sp.status ?? "PENDING")) as EmployerStatus | "CHANGE" | "";
  const list = await listEmployersForReview(actor, { status: status || undefined, q: sp.q, page: sp.page });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">用人单位审核</h1>
        <a className="btn-secondary" href={`/api/export/employers?${new URLSearchParams({ status, q: sp.q ?? "" })}`}>
          导出 Excel
        </a>
      </div>
      <nav className="flex flex-wrap gap-2" aria-label="审核状态">
        {TABS.map((t) => (
          <Link
            key={t.key || "all"}
            href={`/office/employers?status=${t.key || "all"}${sp.q ? `&q=${encodeURIComponent(sp.q)}` : ""}`}
            aria-current={status === t.key ? "page" : undefined}
            className={`rounded-full px-3 py-1.5 text-sm ring-1 ${status === t.key ? "bg-brand-700 text-white ring-brand-700" : "bg-white ring-slate-300"}`}
          >
            {t.label}
            {t.key && <span className="ml-1">({list.byStatus[t.key] ?? 0})</span>}
          </Link>
        ))}
      </nav>
      <form className="flex gap-2" role="search">
        <input type="hidden" name="status" value={status || "all"} />
        <input name="q" defaultValue={sp.q ?? ""} placeholder="单位名称或统一社会信用代码" className="input" aria-label="搜索单位" />
        <button className="btn-primary shrink-0">查询</button>
      </form>
      <DataTable
        head={columnLabels(EMPLOYER_COLUMNS)}
        label="用人单位"
        actions="操作"
        empty="没有符合条件的用人单位。"
        rows={list.rows.map((e) => ({
          key: e.id,
          cells: rowCells(EMPLOYER_COLUMNS, e),
          actions: (
            <Link href={`/office/employers/${e.id}`} className="whitespace-nowrap text-brand-700 underline" aria-label={`查看 ${e.name}`}>
              {e.status === "PENDING" ? "审核" : "查看"}
            </Link>
          ),
        }))}
      />
      <Pager basePath="/office/employers" params={{ status: status || "all", q: sp.q }} page={list.page} pages={list.pages} total={list.total} />
    </div>
  );
}
