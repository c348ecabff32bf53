// Where the Chromium that renders the agreement comes from: an env var, else puppeteer's
// own download cache (the optional `puppeteer` package fills it where its download works),
// else the usual system paths, else the Chromium shipped inside the npm package
// @sparticuz/chromium (Linux x64; unpacked to the temp directory on first use), so that
// `npm install` alone is enough to print. WQ_CHROMIUM=npm uses the npm one directly.
// None found → a clear zh-CN error.
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

/** The Chromium inside @sparticuz/chromium, unpacked on first call (a second or two). */
async function fromNpmPackage(): Promise<string> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new AppError("UNAVAILABLE", `${CHROMIUM_NOT_FOUND_MESSAGE}（npm 自带的 Chromium 只适用于 Linux x64）`);
  }
  // loaded only when needed: the package's archives are 60 MB
  const { default: chromium } = await import("@sparticuz/chromium");
  return chromium.executablePath();
}

export type ChromiumSource = { executablePath: string; from: "env" | "system" | "npm" };

/** The renderer's Chromium: as resolveChromiumPath, then the npm-shipped one. */
export async function chromiumForPdf(): Promise<ChromiumSource> {
  if (process.env.WQ_CHROMIUM === "npm") return { executablePath: await fromNpmPackage(), from: "npm" };
  try {
    const fromEnv = Boolean(process.env.CHROMIUM_PATH || process.env.PUPPETEER_EXECUTABLE_PATH);
    return { executablePath: resolveChromiumPath(), from: fromEnv ? "env" : "system" };
  } catch (error) {
    // a wrong CHROMIUM_PATH stays an error; "nothing installed" falls back to npm
    if (process.env.CHROMIUM_PATH || process.env.PUPPETEER_EXECUTABLE_PATH) throw error;
    return { executablePath: await fromNpmPackage(), from: "npm" };
  }
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
