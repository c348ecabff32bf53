// bcrypt for thousands of new accounts at once (a whole class's import): bcryptjs is pure
// JavaScript and synchronous work, so the hashes are made in worker threads, one per core
// (at most 2 here), in batches, and the server's event loop keeps answering meanwhile.
import { cpus } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

// the worker loads bcryptjs itself: resolved here, from the app's node_modules
function bcryptPath(): string {
  try {
    return createRequire(path.join(process.cwd(), "package.json")).resolve("bcryptjs");
  } catch {
    return "bcryptjs";
  }
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcrypt);
parentPort.on("message", ({ id, secrets, cost }) => {
  try {
    parentPort.postMessage({ id, hashes: secrets.map((s) => bcrypt.hashSync(s, cost)) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

const BATCH = 200;

/** Hashes every secret with bcrypt at `cost`; `onProgress(done)` after each batch. Order is kept. */
export async function hashMany(secrets: string[], cost: number, onProgress?: (done: number) => void): Promise<string[]> {
  if (secrets.length === 0) return [];
  const threads = Math.max(1, Math.min(2, cpus().length, Math.ceil(secrets.length / BATCH)));
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { eval: true, workerData: { bcrypt: bcryptPath() } }));
  const out: string[] = new Array(secrets.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= secrets.length) return resolve();
              const start = next;
              next += BATCH;
              worker.postMessage({ id: start, secrets: secrets.slice(start, start + BATCH), cost });
            };
            worker.on("message", (m: { id: number; hashes?: string[]; error?: string }) => {
              if (m.error || !m.hashes) return reject(new Error(m.error ?? "hash worker failed"));
              m.hashes.forEach((h, i) => (out[m.id + i] = h));
              done += m.hashes.length;
              onProgress?.(done);
              send();
            });
            worker.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
