import Link from "next/link";
import { Pager } from "@/components/office/pager";
import type { listDrilldown, Figure } from "@/lib/statistics/drilldown";
import { figureLabel, figureParam } from "@/lib/statistics/drilldown";
import { filterToParams } from "@/lib/statistics/filters";
import { ExportButton } from "./export-button";
import { DataTable } from "@/components/ui/data-table";
import { columnLabels, rowCells } from "@/lib/export/columns";
import { DRILLDOWN_COLUMNS } from "@/lib/statistics/drilldown-columns";

type Page = Awaited<ReturnType<typeof listDrilldown>>;

/** The list behind one figure of 查询统计, with the same filter, and its export. */
export function DrilldownView({ page, figure, basePath, backPath, filterText }: { page: Page; figure: Figure; basePath: string; backPath: string; filterText: string }) {
  const params = { ...filterToParams(page.filter), figure: figureParam(figure) };
  return (
    <div className="space-y-4">
      <Link prefetch={false} href={`${backPath}?${new URLSearchParams(filterToParams(page.filter))}`} className="text-sm text-brand-700 underline">
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
      <DataTable
        head={columnLabels(DRILLDOWN_COLUMNS)}
        label={figureLabel(figure)}
        empty="没有符合条件的记录。"
        rows={page.rows.map((r) => ({ key: r.agreementId ?? r.id, cells: rowCells(DRILLDOWN_COLUMNS, r) }))}
      />
      <Pager basePath={basePath} params={params} page={page.page} pages={page.pages} total={page.total} />
    </div>
  );
}
