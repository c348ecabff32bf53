import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/office/pager";
import { requireRole } from "@/lib/auth/guard";
import { CHANGE_PENDING_LABEL, EMPLOYER_STATUS_LABELS, listEmployersForReview } from "@/lib/employers/queries";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { provinceName } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { formatDateTime } from "@/lib/format";
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
        <a className="btn-secondary" href={`/api/export/employers?${new URLSearchParams({ status: status === "CHANGE" ? "APPROVED" : status, q: sp.q ?? "" })}`}>
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
      {list.rows.length === 0 ? (
        <p className="card text-center text-slate-500">没有符合条件的用人单位。</p>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((e) => (
            <li key={e.id} className="card">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link href={`/office/employers/${e.id}`} className="break-words font-semibold text-brand-700 underline">
                    {e.name}
                  </Link>
                  <p className="mt-1 break-all text-sm text-slate-600">{e.orgCode}</p>
                </div>
                <span className="flex flex-wrap gap-1">
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">{EMPLOYER_STATUS_LABELS[e.status]}</span>
                  {e.status === "APPROVED" && e.changeRequestedAt && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{CHANGE_PENDING_LABEL}</span>}
                </span>
              </div>
              <p className="mt-2 text-sm text-slate-600">
                {unitNatureLabel(e.natureCode) ?? e.natureCode} · {provinceName(e.provinceCode) ?? ""} · 联系人 {e.contactName} {e.contactPhone}
              </p>
              <p className="mt-1 text-xs text-slate-500">注册于 {formatDateTime(e.createdAt)}</p>
              {e.status === "REJECTED" && e.rejectReason && <p className="mt-1 text-sm text-red-700">不通过原因：{e.rejectReason}</p>}
              {e.status === "APPROVED" && e.changeRequestedAt && e.proposedName && <p className="mt-1 break-words text-sm text-amber-900">申请变更为：{e.proposedName}</p>}
            </li>
          ))}
        </ul>
      )}
      <Pager basePath="/office/employers" params={{ status: status || "all", q: sp.q }} page={list.page} pages={list.pages} total={list.total} />
    </div>
  );
}
