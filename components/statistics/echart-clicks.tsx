"use client";

import { hydrate } from "echarts/ssr/client/index";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * A chart drawn on the server (lib/statistics/chart-svg.ts), made clickable with ECharts' SSR
 * client (a few KiB, not the library): a click on a bar, slice or point opens the drill-down
 * list of that item when `links` gives one.
 */
export function EChartClicks({ svg, links, className }: { svg: string; links?: (string | null)[]; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const el = ref.current;
    if (!el || !links?.some(Boolean)) return;
    hydrate(el, {
      on: {
        click: (params) => {
          const href = params.ssrType === "chart" && params.dataIndex !== undefined ? links[params.dataIndex] : null;
          if (href) router.push(href);
        },
      },
    });
  }, [svg, links, router]);
  // the SVG is ECharts' output from the page's own figures, its text escaped by ECharts
  const clickable = links?.some(Boolean) ? "[&_[ecmeta_data_index]]:cursor-pointer" : "";
  return <div ref={ref} className={`[&>svg]:h-auto [&>svg]:w-full ${clickable} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: svg }} />;
}
