import type { Metadata } from "next";
import { DashboardView } from "@/components/statistics/dashboard-view";
import { requireRole } from "@/lib/auth/guard";
import { getDashboard } from "@/lib/statistics/dashboard";
import { pageStatsFilter } from "@/lib/statistics/filters";
import { statsFilterOptions } from "@/lib/statistics/options";
import { refreshStatisticsAction } from "./actions";

export const metadata: Metadata = { title: "查询统计" };

export default async function CounselorDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("COUNSELOR");
  const filter = pageStatsFilter(await searchParams);
  const [data, options] = await Promise.all([getDashboard(actor, filter), statsFilterOptions(actor, filter)]);
  return <DashboardView data={data} options={options} basePath="/counselor/statistics" listPath="/counselor/statistics/list" lockCollege refreshAction={refreshStatisticsAction} />;
}
