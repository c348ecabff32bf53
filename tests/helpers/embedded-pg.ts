import { spawn } from "node:child_process";
import path from "node:path";

/** Starts scripts/embedded-pg-serve.mjs and resolves with its URL and a stop function. */
export function startEmbeddedPg(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(process.cwd(), "scripts", "embedded-pg-serve.mjs")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/READY (\S+)/);
      if (m)
        resolve({
          url: m[1],
          stop: () =>
            new Promise<void>((done) => {
              child.on("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
    });
    child.on("exit", (code) => reject(new Error(`embedded PGlite exited with ${code}`)));
  });
}
