// Next.js calls register() once when a server process starts. Without an Inngest server
// (WQ_IN_PROCESS_JOBS=1, which `npm start` sets unless INNGEST_EVENT_KEY or INNGEST_DEV is
// given), the scheduled jobs run here on a timer. Never during `next build`, never on the edge.
export async function register() {
  // The import must sit inside this exact check: it is how the edge bundle leaves the
  // Node-only job code (pg, nodemailer) out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    // production without APP_URL: links in e-mails and the QR code follow each request's Host
    const { publicUrlWarning } = await import("./lib/http/public-url");
    const warning = publicUrlWarning();
    if (warning) console.warn(warning);
    if (process.env.WQ_IN_PROCESS_JOBS !== "1") return;
    const { startInProcessJobs } = await import("./jobs/in-process");
    startInProcessJobs();
  }
}
