import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DrilldownView } from "@/components/statistics/drilldown-view";
import { requireRole } from "@/lib/auth/guard";
import { describeFilter } from "@/lib/statistics/describe";
import { listDrilldown, parseFigure } from "@/lib/statistics/drilldown";
import { parseStatsFilter } from "@/lib/statistics/filters";

export const metadata: Metadata = { title: "统计明细" };

export default async function OfficeDrilldown({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("OFFICE");
  const sp = await searchParams;
  const figure = parseFigure(typeof sp.figure === "string" ? sp.figure : undefined);
  if (!figure) notFound();
  const page = await listDrilldown(actor, parseStatsFilter(sp), figure, Number(sp.page) || 1);
  return <DrilldownView page={page} figure={figure} basePath="/office/statistics" backPath="/office" filterText={await describeFilter(page.filter)} />;
}
