"use client";

import { hydrate } from "echarts/ssr/client/index";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

// ECharts' SSR client adds its listener to the <svg> and gives no way to remove it: each
// drawn picture is made clickable once (a re-render with new `links` but the same picture
// must not add a second listener, or one click would navigate twice).
const clickable = new WeakSet<Element>();

/**
 * A chart drawn on the server (lib/statistics/chart-svg.ts), made clickable with ECharts' SSR
 * client (a few KiB, not the library): a click on a bar, slice or point opens the drill-down
 * list of that item when `links` gives one.
 */
export function EChartClicks({ svg, links, className }: { svg: string; links?: (string | null)[]; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const latestLinks = useRef(links);
  const router = useRouter();
  useEffect(() => {
    latestLinks.current = links;
  }, [links]);
  const hasLinks = !!links?.some(Boolean);
  useEffect(() => {
    const el = ref.current;
    const picture = el?.querySelector("svg");
    if (!el || !picture || !hasLinks || clickable.has(picture)) return;
    clickable.add(picture);
    hydrate(el, {
      on: {
        click: (params) => {
          const href = params.ssrType === "chart" && params.dataIndex !== undefined ? latestLinks.current?.[params.dataIndex] : null;
          if (href) router.push(href);
        },
      },
    });
  }, [svg, hasLinks, router]);
  // the SVG is ECharts' output from the page's own figures, its text escaped by ECharts
  return <div ref={ref} className={`[&>svg]:h-auto [&>svg]:w-full ${hasLinks ? "[&_[ecmeta_data_index]]:cursor-pointer" : ""} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: svg }} />;
}
