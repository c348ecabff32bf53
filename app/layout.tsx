import type { Metadata, Viewport } from "next";
import "./globals.css";
import { schoolName, siteName } from "@/lib/settings/school";

// The browser's title says whose system this is: "待签约信息 · 东北理工大学就业协议书网上签约".
export async function generateMetadata(): Promise<Metadata> {
  const site = siteName(await schoolName());
  return {
    title: { default: site, template: `%s · ${site}` },
    description: "高校毕业生就业协议书网上签约系统",
    applicationName: site,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
