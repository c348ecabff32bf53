// Serves a throw-away in-memory PGlite on a free port and prints `READY <url>`; stops on
// SIGTERM or when stdin closes. Tests use it to run the real migration runner against the
// embedded database in a separate process (PGlite needs ESM loading jest's VM lacks).
import { startEmbeddedPostgres } from "./embedded-pg.mjs";

const server = await startEmbeddedPostgres({ dataDir: null });
process.stdout.write(`READY ${server.url}\n`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
