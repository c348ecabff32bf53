import { chartSvg, type ChartOption } from "@/lib/statistics/chart-svg";
import { EChartClicks } from "./echart-clicks";

/** The widths a chart is drawn at: a phone's card, and a desktop's (wide: a full-width section). */
const PHONE_WIDTH = 340;
const DESKTOP_WIDTH = { card: 520, wide: 1100 };

/**
 * One Apache ECharts chart of 查询统计, drawn on the server: twice, at a phone's width and at
 * a desktop's (CSS shows the one that fits, so the text keeps its size), in the HTML from
 * the first paint. A click on a bar/slice/point opens the drill-down list of that item when
 * `links` gives one.
 */
export function EChart({ option, label, height = 280, links, wide = false }: { option: ChartOption; label: string; height?: number; links?: (string | null)[]; wide?: boolean }) {
  return (
    <div role="img" aria-label={label} className="w-full min-w-0">
      <EChartClicks className="sm:hidden" svg={chartSvg(option, PHONE_WIDTH, height)} links={links} />
      <EChartClicks className="hidden sm:block" svg={chartSvg(option, wide ? DESKTOP_WIDTH.wide : DESKTOP_WIDTH.card, height)} links={links} />
    </div>
  );
}
