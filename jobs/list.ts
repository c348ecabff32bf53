// THE scheduled jobs of 网签, in one list: the in-process timer (./in-process.ts, the default
// of `npm start`) runs each one every `everyMinutes`, and each becomes an Inngest cron function
// with the same schedule (./functions.ts). They call lib services; all are set-based and safe
// to run twice or on several instances at once.
import { clearExpiredThrottles } from "@/lib/auth/throttle";
import { resumeImportJobs } from "@/lib/imports/jobs";
import { remindDueSoon } from "@/lib/notifications/due-soon";
import { drainOutbox } from "@/lib/notifications/outbox";
import { autoConfirmDue } from "@/lib/workflow/actions/auto-confirm-due";
import { lapseInvitationsDue } from "@/lib/workflow/actions/invitations";
import { lapseTerminationsDue } from "@/lib/workflow/actions/termination";

export type Job = {
  /** the Inngest function id */
  id: string;
  /** zh-CN, for logs and the Inngest dashboard */
  name: string;
  everyMinutes: number;
  run: () => Promise<unknown>;
};

export const JOBS: readonly Job[] = [
  // the 7-day rule (lib/workflow/seven-day-rule.ts): until this has run, an overdue agreement
  // shows as 已到期，系统确认中 — so it runs every minute
  { id: "auto-confirm-sweep", name: "到期协议自动确认", everyMinutes: 1, run: async () => ({ confirmed: (await autoConfirmDue()).confirmed }) },
  { id: "auto-confirm-reminders", name: "即将自动确认提醒", everyMinutes: 1, run: () => remindDueSoon() },
  { id: "send-outbox-emails", name: "发送邮件通知", everyMinutes: 1, run: () => drainOutbox() },
  // 解约 and 签约邀请 (#14): an unanswered request counts as refused, an unanswered invitation lapses
  { id: "lapse-terminations", name: "解约申请逾期处理", everyMinutes: 1, run: () => lapseTerminationsDue() },
  { id: "lapse-invitations", name: "签约邀请逾期失效", everyMinutes: 1, run: () => lapseInvitationsDue() },
  // uploaded imports nobody started, or whose runner died
  { id: "resume-imports", name: "继续中断的导入", everyMinutes: 1, run: () => resumeImportJobs() },
  // sign-in and upload counts that ran out over an hour ago (lib/auth/throttle.ts)
  { id: "clear-expired-throttles", name: "清理过期的登录限制记录", everyMinutes: 15, run: () => clearExpiredThrottles() },
];

/** A job's schedule as cron (every n minutes). */
export function cronOf(job: Pick<Job, "everyMinutes">): string {
  return job.everyMinutes === 1 ? "* * * * *" : `*/${job.everyMinutes} * * * *`;
}
