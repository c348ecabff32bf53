import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DrilldownView } from "@/components/statistics/drilldown-view";
import { requireRole } from "@/lib/auth/guard";
import { describeFilter } from "@/lib/statistics/describe";
import { listDrilldown, parseFigure } from "@/lib/statistics/drilldown";
import { pageStatsFilter } from "@/lib/statistics/filters";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "统计明细" };

export default async function OfficeDrilldown({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("OFFICE");
  const sp = await searchParams;
  const { figure: rawFigure, page: pageNo } = pageParams(sp, { figure: param.text(80), page: param.page });
  const figure = parseFigure(rawFigure);
  if (!figure) notFound();
  const page = await listDrilldown(actor, pageStatsFilter(sp), figure, pageNo);
  return <DrilldownView page={page} figure={figure} basePath="/office/statistics" backPath="/office" filterText={await describeFilter(page.filter)} />;
}
