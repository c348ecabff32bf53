"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

type Init = typeof import("./echarts-setup").init;

// The library (only the chart types the pages use: ./echarts-setup.ts) is fetched once, in
// the browser, after the page is shown; every chart of a page shares it.
let library: Promise<Init> | null = null;
const loadLibrary = () => (library ??= import("./echarts-setup").then((m) => m.init));

// Charts are drawn one per idle moment of the main thread, not all in one long task: the
// tables under them (the same figures) are on screen and usable at once.
const whenIdle = (f: () => void) => {
  const w = window as Window & { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (w.requestIdleCallback) {
    const id = w.requestIdleCallback(f, { timeout: 1000 });
    return () => w.cancelIdleCallback?.(id);
  }
  const id = setTimeout(f, 1);
  return () => clearTimeout(id);
};

/**
 * One Apache ECharts chart, drawn in the browser only when it comes near the screen (the
 * library is in no server bundle and off the first paint). A click on a bar/slice/point
 * opens the drill-down list of that item when `links` gives one.
 */
export function EChart({ option, label, height = 280, links }: { option: Record<string, unknown>; label: string; height?: number; links?: (string | null)[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let dispose: (() => void) | undefined;
    let cancelIdle: (() => void) | undefined;
    const draw = () => {
      loadLibrary()
        .then((init) => {
          cancelIdle = whenIdle(() => {
            if (disposed) return;
            const chart = init(el, undefined, { renderer: "svg" });
            chart.setOption({ animation: false, textStyle: { fontFamily: "Noto Sans SC, sans-serif" }, ...option });
            chart.on("click", (params) => {
              const href = links?.[params.dataIndex];
              if (href) router.push(href);
            });
            const resize = new ResizeObserver(() => chart.resize());
            resize.observe(el);
            dispose = () => {
              resize.disconnect();
              chart.dispose();
            };
          });
        })
        .catch((error) => console.error("图表加载失败", error));
    };
    const visible = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        visible.disconnect();
        draw();
      },
      { rootMargin: "200px" },
    );
    visible.observe(el);
    return () => {
      disposed = true;
      visible.disconnect();
      cancelIdle?.();
      dispose?.();
    };
  }, [option, links, router]);
  return <div ref={ref} role="img" aria-label={label} style={{ height }} className="w-full min-w-0" />;
}
