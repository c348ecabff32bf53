"use client";

// When even the root layout fails: its own <html>, the title bar of the shell, zh-CN.
import "./globals.css";
import { ErrorScreen } from "@/components/shell/error-screens";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <head>
        <title>页面暂时无法显示 · 网上签约</title>
      </head>
      <body className="min-h-screen font-sans">
        <header className="bg-brand-700 text-white">
          <div className="mx-auto max-w-6xl px-4 py-3 text-base font-bold sm:text-lg">就业协议书网上签约</div>
        </header>
        <main>
          <ErrorScreen digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
