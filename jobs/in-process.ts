// Jobs without an Inngest server (the embedded default of `npm start`): the same sweep,
// reminder and outbox sender as the Inngest functions, on a timer inside the server
// process. Started once per process from instrumentation.ts when WQ_IN_PROCESS_JOBS=1.
// The sweep is set-based and concurrency-safe, so two processes doing this is harmless.
import { remindDueSoon } from "@/lib/notifications/due-soon";
import { drainOutbox } from "@/lib/notifications/outbox";
import { resumeImportJobs } from "@/lib/imports/jobs";
import { autoConfirmDue } from "@/lib/workflow/actions/auto-confirm-due";

export const DEFAULT_INTERVAL_MS = 60_000;

type Task = { name: string; run: () => Promise<unknown> };

const TASKS: Task[] = [
  { name: "自动确认", run: () => autoConfirmDue() },
  { name: "到期提醒", run: () => remindDueSoon() },
  { name: "发送邮件", run: () => drainOutbox() },
  { name: "继续导入", run: () => resumeImportJobs() },
];

const state = globalThis as unknown as { wqInProcessJobs?: { timer: NodeJS.Timeout; running: boolean } };

/** One round of every task; a failing task is logged and does not stop the others. */
export async function runJobsOnce(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const task of TASKS) {
    try {
      results[task.name] = await task.run();
    } catch (error) {
      results[task.name] = { error: error instanceof Error ? error.message : String(error) };
      console.error(`[jobs] ${task.name}失败:`, error);
    }
  }
  return results;
}

export function startInProcessJobs(intervalMs = Number(process.env.WQ_JOBS_INTERVAL_MS ?? DEFAULT_INTERVAL_MS)): boolean {
  if (state.wqInProcessJobs) return false;
  const jobs = { running: false, timer: undefined as unknown as NodeJS.Timeout };
  const tick = async () => {
    if (jobs.running) return; // a slow round is never overlapped by the next
    jobs.running = true;
    try {
      const results = await runJobsOnce();
      const confirmed = (results["自动确认"] as { confirmed?: number } | undefined)?.confirmed ?? 0;
      if (confirmed > 0) console.log(`[jobs] 系统自动确认 ${confirmed} 份协议`);
    } finally {
      jobs.running = false;
    }
  };
  jobs.timer = setInterval(tick, intervalMs);
  jobs.timer.unref();
  state.wqInProcessJobs = jobs;
  // the first round soon after start: catches up on whatever fell due while the server was down
  setTimeout(tick, Math.min(5_000, intervalMs)).unref();
  console.log(`[jobs] 内置定时任务已启动（每 ${Math.round(intervalMs / 1000)} 秒：自动确认、到期提醒、邮件发送）`);
  return true;
}

export function stopInProcessJobs(): void {
  if (!state.wqInProcessJobs) return;
  clearInterval(state.wqInProcessJobs.timer);
  state.wqInProcessJobs = undefined;
}
