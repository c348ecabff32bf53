// The Inngest functions of 网签: one per signing (the exact-time auto-confirmation, through
// the transition table: autoConfirmOne → runTransition), and one cron function per job of
// ./list.ts (the sweep every minute, the reminders, the mailer, the resumption of imports) — the same list the
// in-process timer runs.
import { prisma } from "@/lib/db/client";
import { runImportJob } from "@/lib/imports/jobs";
import { EVENTS, inngest, type EmployerSignedData } from "@/lib/queue/client";
import { autoConfirmOne, TRANSITIONS } from "@/lib/workflow";
import { cronOf, JOBS, type Job } from "./list";

/** The run of one signing ends early if the student confirms, the unit takes it back, or it is returned. */
const sameAgreement = "async.data.agreementId == event.data.agreementId";

/**
 * 1. One signing → one wait. Sleeps until the agreement's autoConfirmAt (employerSignedAt +
 * settings.autoConfirmDays, as stored when signing), then confirms — only if the agreement is
 * still at the version this signing produced. A take-back, confirmation or return cancels the
 * run (cancelOn); a re-sign changes the version, so an old run that still wakes is a no-op.
 */
export const autoConfirmAfterSigning = inngest.createFunction(
  {
    id: "auto-confirm-after-signing",
    name: "用人单位签约后到期自动确认",
    triggers: [{ event: EVENTS.employerSigned }],
    cancelOn: [
      { event: EVENTS.employerTookBack, if: sameAgreement },
      { event: EVENTS.studentConfirmed, if: sameAgreement },
      { event: EVENTS.returned, if: sameAgreement },
    ],
  },
  async ({ event, step }) => {
    const { agreementId, version } = event.data as EmployerSignedData;
    // The database, not the event, says when: it is the value the guard checks.
    const dueAt = await step.run("load-signing", async () => {
      const a = await prisma.agreement.findUnique({ where: { id: agreementId }, select: { status: true, version: true, autoConfirmAt: true } });
      if (!a || a.version !== version || !TRANSITIONS.autoConfirm.from.includes(a.status) || !a.autoConfirmAt) return null;
      return a.autoConfirmAt.toISOString();
    });
    if (!dueAt) return { outcome: "skipped", reason: "moved-on" } as const;
    await step.sleepUntil("wait-until-auto-confirm-time", new Date(dueAt));
    return step.run("auto-confirm", async () => {
      const result = await autoConfirmOne(agreementId, version);
      // woken before our clock says it is due: fail this attempt so Inngest retries later
      if (result.outcome === "skipped" && result.reason === "not-due") throw new Error(`agreement ${agreementId} is not due yet`);
      return result;
    });
  },
);

/** 2. The jobs of ./list.ts, each on its cron. */
function cronFunction(job: Job) {
  return inngest.createFunction({ id: job.id, name: job.name, triggers: [{ cron: cronOf(job) }] }, async ({ step }) => step.run(job.id, () => job.run()));
}

export const cronFunctions = JOBS.map(cronFunction);

/** 3. An uploaded import (生源信息导入), read, checked and written in the background. */
export const runImport = inngest.createFunction(
  { id: "run-import", name: "导入生源信息", triggers: [{ event: EVENTS.importRequested }], retries: 2 },
  async ({ event, step }) => step.run("import", async () => ({ status: await runImportJob((event.data as { jobId: string }).jobId) })),
);

export const functions = [autoConfirmAfterSigning, runImport, ...cronFunctions];
