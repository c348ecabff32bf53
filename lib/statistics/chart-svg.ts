// 查询统计's charts drawn on the server as SVG: Apache ECharts' server-side rendering, with
// the chart types the pages use and nothing else (its modular build). The browser gets a
// finished picture in the HTML — no chart library to download and run on a phone — and only
// ECharts' small SSR client (components/statistics/echart-clicks.tsx) for the clicks that
// open a drill-down list. The figures are the page's own (the tables under each chart show
// the same); the same option and size give the same picture, so pictures are remembered per
// process (a bounded map) while the statistics summary stays the same.
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartOption = Record<string, unknown>;

const REMEMBERED = 500;
const pictures = new Map<string, string>();

/**
 * The chart as an SVG string `width` × `height` (a viewBox: it scales to its box). Text is
 * escaped by ECharts (a unit's name is data, never markup); the text inherits the page's font.
 */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const key = JSON.stringify([width, height, option]);
  const known = pictures.get(key);
  if (known !== undefined) {
    pictures.delete(key); // most recently used last
    pictures.set(key, known);
    return known;
  }
  const chart = echarts.init(null, undefined, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: "inherit" }, ...option });
    svg = chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
  pictures.set(key, svg);
  if (pictures.size > REMEMBERED) pictures.delete(pictures.keys().next().value!);
  return svg;
}
