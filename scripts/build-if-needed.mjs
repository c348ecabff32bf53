// `next build` only when the sources changed since the last build in that dist dir:
// `npm start` and the e2e suite both call this, so a fresh clone builds once.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** A fingerprint of everything `next build` reads. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(root, full)}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
    }
  };
  for (const dir of ["app", "components", "lib", "jobs", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["next.config.js", "package.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts", "tsconfig.json"]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(`${file}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

export function run(command, args, env, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} 退出码 ${code}`))));
  });
}

/** Builds into env.NEXT_DIST_DIR (default .next) unless that build is of the current sources. */
export async function buildIfNeeded(env, log = console.log) {
  const distDir = env.NEXT_DIST_DIR || ".next";
  const stamp = path.join(root, distDir, "wangqian-source");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
  if (built) return false;
  log("构建应用 (next build)…");
  await run(path.join(root, "node_modules", ".bin", "next"), ["build"], env);
  writeFileSync(stamp, fingerprint);
  return true;
}
