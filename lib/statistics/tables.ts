// The tables of 查询统计, declared once: the page shows each under its chart, the export
// writes each as a sheet of the same name, with the same column labels (lib/export/columns.ts).
import type { ExportColumn } from "@/lib/export/columns";
import { provinceName } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { FUNNEL, type CollegeBacklog, type Dashboard, type DistributionRow, type EmployerBacklog, type RateRow, type TrendPoint } from "./dashboard";
import { TREND_ACTIONS, type TrendAction } from "./sql";

export type StatsTable<R> = { sheet: string; columns: ExportColumn<R>[]; rows: R[] };

export type FunnelRow = (typeof FUNNEL)[number] & { value: number; share: number };

const rateColumns = (first: string): ExportColumn<RateRow>[] => [
  { header: first, type: "text", width: 26, value: (r) => r.name },
  { header: "毕业生", type: "number", value: (r) => r.graduates },
  { header: "已签约", type: "number", value: (r) => r.signed },
  { header: "签约率", type: "percent", value: (r) => r.rate },
];

const distributionColumns = (first: string, label: (v: string) => string): ExportColumn<DistributionRow>[] => [
  { header: first, type: "text", width: 26, value: (r) => label(r.value) },
  { header: "人数", type: "number", value: (r) => r.count },
];

const provinceLabel = (v: string) => provinceName(v) ?? v;
const TREND_KEYS = Object.keys(TREND_ACTIONS) as TrendAction[];

export function dashboardTables(d: Dashboard) {
  const funnel: FunnelRow[] = FUNNEL.map((s) => ({ ...s, value: d.funnel[s.key], share: d.funnel.graduates ? d.funnel[s.key] / d.funnel.graduates : 0 }));
  return {
    funnel: {
      sheet: "办理进度",
      rows: funnel,
      columns: [
        { header: "状态", type: "text", width: 26, value: (r) => r.label },
        { header: "人数", type: "number", value: (r) => r.value },
        { header: "占毕业生", type: "percent", value: (r) => r.share },
      ],
    } satisfies StatsTable<FunnelRow>,
    byCollege: { sheet: "签约率-学院", rows: d.byCollege, columns: rateColumns("学院") } satisfies StatsTable<RateRow>,
    byMajor: { sheet: "签约率-专业", rows: d.byMajor, columns: rateColumns("专业") } satisfies StatsTable<RateRow>,
    byNature: { sheet: "单位性质", rows: d.byNature, columns: distributionColumns("单位性质", (v) => unitNatureLabel(v) ?? v) } satisfies StatsTable<DistributionRow>,
    byOriginProvince: { sheet: "生源地", rows: d.byOriginProvince, columns: distributionColumns("省份", provinceLabel) } satisfies StatsTable<DistributionRow>,
    byUnitProvince: { sheet: "单位所在省", rows: d.byUnitProvince, columns: distributionColumns("省份", provinceLabel) } satisfies StatsTable<DistributionRow>,
    trend: {
      sheet: "每日趋势",
      rows: d.trend,
      columns: [{ header: "日期", type: "date", value: (p) => p.day }, ...TREND_KEYS.map((a): ExportColumn<TrendPoint> => ({ header: TREND_ACTIONS[a].label, type: "number", value: (p) => p[a] }))],
    } satisfies StatsTable<TrendPoint>,
    employerBacklog: {
      sheet: "积压-单位",
      rows: d.employerBacklog,
      columns: [
        { header: "单位", type: "text", width: 26, value: (b) => b.name },
        { header: "份数", type: "number", value: (b) => b.count },
        { header: "最早等待自", type: "datetime", value: (b) => b.oldest },
      ],
    } satisfies StatsTable<EmployerBacklog>,
    collegeBacklog: {
      sheet: "积压-学院审核",
      rows: d.collegeBacklog,
      columns: [
        { header: "学院", type: "text", width: 26, value: (b) => b.name },
        { header: "辅导员", type: "text", width: 16, value: (b) => b.counselors },
        { header: "份数", type: "number", value: (b) => b.count },
        { header: "最早等待自", type: "datetime", value: (b) => b.oldest },
      ],
    } satisfies StatsTable<CollegeBacklog>,
  };
}
