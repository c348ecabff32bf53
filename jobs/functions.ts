// The Inngest functions of 网签. They call the same lib services as everything else:
// the auto-confirmation goes through the transition table (autoConfirmOne → runTransition),
// the sweep and the reminder are lib's set-based statements, the mailer drains the outbox.
import { remindDueSoon } from "@/lib/notifications/due-soon";
import { drainOutbox } from "@/lib/notifications/outbox";
import { prisma } from "@/lib/db/client";
import { resumeImportJobs, runImportJob } from "@/lib/imports/jobs";
import { autoConfirmDue, autoConfirmOne, TRANSITIONS } from "@/lib/workflow";
import { EVENTS, inngest, type EmployerSignedData } from "@/lib/jobs/client";

export const SWEEP_CRON = "*/15 * * * *";

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

/** 2. The safety net: every overdue agreement, in one set-based pass (lost events, restarts, downtime). */
export const autoConfirmSweep = inngest.createFunction(
  { id: "auto-confirm-sweep", name: "到期协议自动确认（定时扫描）", triggers: [{ cron: SWEEP_CRON }] },
  async ({ step }) =>
    step.run("confirm-overdue", async () => {
      const { confirmed } = await autoConfirmDue();
      return { confirmed };
    }),
);

/** 3. One reminder per signing, within 24 hours of its auto-confirmation. */
export const dueSoonReminders = inngest.createFunction(
  { id: "auto-confirm-reminders", name: "即将自动确认提醒", triggers: [{ cron: SWEEP_CRON }] },
  async ({ step }) => step.run("remind-due-soon", () => remindDueSoon()),
);

/** 4. The e-mail outbox: sent through SMTP when configured, else kept for the office to read. */
export const sendOutboxEmails = inngest.createFunction(
  { id: "send-outbox-emails", name: "发送邮件通知", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => step.run("drain-outbox", () => drainOutbox()),
);

/** 5. An uploaded import (生源信息导入), read, checked and written in the background. */
export const runImport = inngest.createFunction(
  { id: "run-import", name: "导入生源信息", triggers: [{ event: EVENTS.importRequested }], retries: 2 },
  async ({ event, step }) => step.run("import", async () => ({ status: await runImportJob((event.data as { jobId: string }).jobId) })),
);

/** 6. Imports whose runner died, or that nobody started. */
export const resumeImports = inngest.createFunction(
  { id: "resume-imports", name: "继续中断的导入", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => step.run("resume-imports", () => resumeImportJobs()),
);

export const functions = [autoConfirmAfterSigning, autoConfirmSweep, dueSoonReminders, sendOutboxEmails, runImport, resumeImports];
