// 查询统计's charts drawn on the server (lib/statistics/chart-svg.ts): a real SVG with a
// viewBox, data-index marks for the SSR client's clicks, a unit's name as text (never markup),
// and the same option and size answered from memory.
import { chartSvg } from "@/lib/statistics/chart-svg";

const bars = (names: string[], values: number[]) => ({
  xAxis: { type: "value" },
  yAxis: { type: "category", data: names },
  series: [{ type: "bar", data: values, label: { show: true, position: "right" } }],
});

it("draws an SVG that scales (viewBox), one mark per bar for the clicks, the page's font", () => {
  const svg = chartSvg(bars(["已提交", "已签约"], [5, 7]), 340, 200);
  expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 340 200"/);
  expect(svg.match(/ecmeta_data_index="0"/g)?.length).toBeGreaterThanOrEqual(1);
  expect(svg).toContain('ecmeta_data_index="1"');
  expect(svg).toContain(">已签约</text>");
  expect(svg).toContain("font-family:inherit");
});

it("a unit's name is text: markup in it is escaped", () => {
  const svg = chartSvg(bars(['<script>alert(1)</script>"&\'', "<img src=x onerror=alert(2)>"], [1, 2]), 340, 200);
  expect(svg).not.toContain("<script");
  expect(svg).not.toContain("<img");
  expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});

it("the same option and size are drawn once; another size is drawn again", () => {
  const option = bars(["甲", "乙"], [3, 4]);
  const first = chartSvg(option, 600, 280);
  expect(chartSvg(structuredClone(option), 600, 280)).toBe(first);
  const phone = chartSvg(option, 340, 280);
  expect(phone).not.toBe(first);
  expect(phone).toMatch(/viewBox="0 0 340 280"/);
});

it("pie and line charts (the other two types the dashboard uses) are drawn too", () => {
  const pie = chartSvg({ series: [{ type: "pie", radius: ["35%", "65%"], data: [{ name: "国有企业", value: 3 }, { name: "私营企业", value: 5 }], label: { formatter: "{b} {d}%" } }] }, 600, 280);
  expect(pie).toContain("国有企业 37.5%");
  const line = chartSvg({ legend: { top: 0 }, xAxis: { type: "category", data: ["12-01", "12-02"] }, yAxis: { type: "value" }, series: [{ name: "提交", type: "line", data: [1, 4] }] }, 1100, 300);
  expect(line).toContain(">提交</text>");
  expect(line).toMatch(/<path d="M[^"]+L/);
});
