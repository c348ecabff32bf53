import Link from "next/link";
import { Pager } from "@/components/office/pager";
import type { listDrilldown, Figure } from "@/lib/statistics/drilldown";
import { figureLabel, figureParam } from "@/lib/statistics/drilldown";
import { filterToParams } from "@/lib/statistics/filters";
import { ExportButton } from "./export-button";
import { formatDateTime } from "@/lib/format";

type Page = Awaited<ReturnType<typeof listDrilldown>>;

const DAY = (d: Date | null) => (d ? formatDateTime(d) : "—");

/** The list behind one figure of 查询统计, with the same filter, and its export. */
export function DrilldownView({ page, figure, basePath, backPath, filterText }: { page: Page; figure: Figure; basePath: string; backPath: string; filterText: string }) {
  const params = { ...filterToParams(page.filter), figure: figureParam(figure) };
  return (
    <div className="space-y-4">
      <Link href={`${backPath}?${new URLSearchParams(filterToParams(page.filter))}`} className="text-sm text-brand-700 underline">
        ← 返回查询统计
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-xl font-bold">{figureLabel(figure)}</h1>
          <p className="text-sm text-slate-600">
            {filterText} · 共 {page.total.toLocaleString("zh-CN")} {page.subject === "student" ? "人" : "份"}
          </p>
        </div>
        <ExportButton href={`/api/export/drilldown?${new URLSearchParams(params)}`} rows={page.total} />
      </div>
      {page.rows.length === 0 ? (
        <p className="card text-center text-slate-500">没有符合条件的记录。</p>
      ) : (
        <ul className="space-y-2">
          {page.rows.map((r) => (
            <li key={r.agreementId ?? r.id} className="card py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">
                  {r.name}
                  <span className="ml-2 text-sm font-normal text-slate-500">{r.studentNo}</span>
                </span>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">{r.status}</span>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {r.college} · {r.major} · {r.education} · 生源地 {r.originProvince}
              </p>
              {r.agreementId && (
                <p className="text-sm text-slate-600">
                  {r.agreementNo ? `协议书号 ${r.agreementNo} · ` : ""}
                  {r.employer ?? "—"}
                  {r.nature ? ` · ${r.nature}` : ""}
                  {r.unitProvince ? ` · ${r.unitProvince}` : ""}
                </p>
              )}
              {r.agreementId && (
                <p className="text-xs text-slate-500">
                  提交 {DAY(r.submittedAt)} · 单位签约 {DAY(r.employerSignedAt)} · 备案 {DAY(r.filedAt)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager basePath={basePath} params={params} page={page.page} pages={page.pages} total={page.total} />
    </div>
  );
}
