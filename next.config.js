// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const limits = require("./lib/http/limits.json");
const securityHeaders = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      // Next.js injects inline bootstrap scripts; React dev tooling needs eval in development only.
      `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several builds may share one checkout (CI, benchmarks, a second instance).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native/wasm or large CJS).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "puppeteer-core", "@sparticuz/chromium", "node-forge", "@signpdf/signpdf", "@signpdf/placeholder-pdf-lib", "@signpdf/utils", "pdf-lib", "exceljs", "pg", "@prisma/prisma-schema-wasm"],
  // ECharts' modular build (lib/statistics/chart-svg.ts draws 查询统计's charts on the server)
  // is ES modules only: compiled with ours, also by next/jest for the tests
  transpilePackages: ["echarts", "zrender"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 (无权访问)
    authInterrupts: true,
    // no server action takes a file: uploads go to their route handler (lib/http/limits.json)
    serverActions: { bodySizeLimit: limits.serverActionBytes },
    // proxy.ts buffers the bodies of the requests it sees: never more than an action may send
    proxyClientMaxBodySize: limits.serverActionBytes + 1024,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
