// Noto Serif SC from @fontsource, loaded by Chromium from file:// (no network). Chromium
// embeds only the glyphs used, as subset CID TrueType fonts, so the PDF stays small and
// its Chinese text searchable. Only the unicode-range chunks a document needs are read.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

function packageDir(name: string): string {
  // process.cwd() is the app root under `next start`, tsx scripts and jest alike.
  const dir = path.join(process.cwd(), "node_modules", name);
  if (!existsSync(dir)) throw new Error(`字体包 ${name} 未安装（npm ci）`);
  return dir;
}

let cached: string | null = null;

/** @font-face rules for the weights the template uses, with absolute file:// URLs. */
export function fontFaceCss(): string {
  if (cached) return cached;
  const dir = packageDir("@fontsource/noto-serif-sc");
  const filesUrl = pathToFileURL(path.join(dir, "files")).href;
  cached = ["400", "700"]
    .map((weight) =>
      readFileSync(path.join(dir, `${weight}.css`), "utf8")
        .replace(/url\(\.\/files\//g, `url(${filesUrl}/`)
        // woff2 only: Chromium reads it, and the fallback would only be fetched on failure
        .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ""),
    )
    .join("\n");
  return cached;
}
