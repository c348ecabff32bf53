// The parts of Apache ECharts the statistics pages draw with, and nothing else (ECharts'
// modular build): bar, pie and line charts, their grid, tooltip and legend, on the SVG
// renderer. A chart type used by a page must be registered here.
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const init = echarts.init;
