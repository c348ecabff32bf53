"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * One Apache ECharts chart, loaded in the browser only (dynamic import, so the library is
 * in no server bundle and only on pages that draw). A click on a bar/slice/point opens the
 * drill-down list of that item when `links` gives one.
 */
export function EChart({ option, label, height = 280, links }: { option: Record<string, unknown>; label: string; height?: number; links?: (string | null)[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    import("echarts").then((echarts) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
      chart.setOption({ animation: false, textStyle: { fontFamily: "Noto Sans SC, sans-serif" }, ...option });
      chart.on("click", (params) => {
        const href = links?.[params.dataIndex];
        if (href) router.push(href);
      });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    }).catch((error) => console.error("图表加载失败", error));
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [option, links, router]);
  return <div ref={ref} role="img" aria-label={label} style={{ height }} className="w-full min-w-0" />;
}
