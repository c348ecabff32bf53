// Where the Chromium that renders the agreement comes from: an env var, else puppeteer's
// own download cache, else the usual system paths. None found → a clear zh-CN error.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { AppError } from "@/lib/errors";

export const CHROMIUM_NOT_FOUND_MESSAGE =
  "服务器上未找到 Chromium 浏览器，暂时无法生成就业协议书 PDF。请管理员安装 chromium（Debian：apt-get install chromium），或用环境变量 CHROMIUM_PATH 指定浏览器程序的路径。";

const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Binaries inside puppeteer's cache (`npx puppeteer browsers install chrome` puts them there). */
function fromPuppeteerCache(): string | null {
  const root = process.env.PUPPETEER_CACHE_DIR ?? path.join(homedir(), ".cache", "puppeteer");
  const layouts: [string, string[]][] = [
    ["chrome-headless-shell", ["chrome-headless-shell-linux64/chrome-headless-shell", "chrome-headless-shell-mac-x64/chrome-headless-shell", "chrome-headless-shell-mac-arm64/chrome-headless-shell"]],
    ["chrome", ["chrome-linux64/chrome", "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing", "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing"]],
  ];
  for (const [product, binaries] of layouts) {
    const dir = path.join(root, product);
    if (!existsSync(dir)) continue;
    // newest version first (directory names are "<platform>-<version>")
    const versions = readdirSync(dir).sort().reverse();
    for (const version of versions) {
      for (const binary of binaries) {
        const candidate = path.join(dir, version, binary);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return null;
}

export function resolveChromiumPath(): string {
  for (const name of ["CHROMIUM_PATH", "PUPPETEER_EXECUTABLE_PATH"] as const) {
    const value = process.env[name];
    if (value) {
      if (existsSync(value)) return value;
      throw new AppError("UNAVAILABLE", `环境变量 ${name} 指向的浏览器程序不存在：${value}。${CHROMIUM_NOT_FOUND_MESSAGE}`);
    }
  }
  const cached = fromPuppeteerCache();
  if (cached) return cached;
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  throw new AppError("UNAVAILABLE", CHROMIUM_NOT_FOUND_MESSAGE);
}

export const CHROMIUM_ARGS = [
  "--no-sandbox", // the server often runs as root in a container
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--mute-audio",
  "--font-render-hinting=none",
];
