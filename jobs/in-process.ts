// Jobs without an Inngest server (the embedded default of `npm start`): the jobs of ./list.ts
// on a timer inside the server process, one tick a minute (WQ_JOBS_INTERVAL_MS), each job on
// the ticks its schedule names. Started once per process from instrumentation.ts when
// WQ_IN_PROCESS_JOBS=1. The jobs are set-based and concurrency-safe, so two processes doing
// this is harmless.
import { JOBS, type Job } from "./list";

export const DEFAULT_INTERVAL_MS = 60_000;

export type JobResults = Record<string, unknown>;

/** One round: every job due at `tick` (all of them at tick 0); a failing job is logged and does not stop the others. */
export async function runJobsOnce(jobs: readonly Job[] = JOBS, tick = 0): Promise<JobResults> {
  const results: JobResults = {};
  for (const job of jobs) {
    if (tick % job.everyMinutes !== 0) continue;
    try {
      results[job.id] = await job.run();
    } catch (error) {
      results[job.id] = { error: error instanceof Error ? error.message : String(error) };
      console.error(`[jobs] ${job.name}失败:`, error);
    }
  }
  return results;
}

type Runner = { timer: NodeJS.Timeout; first: NodeJS.Timeout; running: boolean; ticks: number; rounds: Promise<unknown>[] };

const state = globalThis as unknown as { wqInProcessJobs?: Runner };

export type InProcessOptions = {
  intervalMs?: number;
  /** the first round, soon after start: catches up on whatever fell due while the server was down */
  firstDelayMs?: number;
  jobs?: readonly Job[];
  onRound?: (results: JobResults) => void;
};

/** Starts the timer (once per process); false when it is already running. */
export function startInProcessJobs(options: InProcessOptions = {}): boolean {
  if (state.wqInProcessJobs) return false;
  const intervalMs = options.intervalMs ?? Number(process.env.WQ_JOBS_INTERVAL_MS ?? DEFAULT_INTERVAL_MS);
  const jobs = options.jobs ?? JOBS;
  const runner: Runner = { running: false, ticks: 0, rounds: [], timer: undefined as unknown as NodeJS.Timeout, first: undefined as unknown as NodeJS.Timeout };
  const tick = () => {
    if (runner.running) return; // a slow round is never overlapped by the next
    runner.running = true;
    const round = runJobsOnce(jobs, runner.ticks++)
      .then((results) => {
        const confirmed = (results["auto-confirm-sweep"] as { confirmed?: number } | undefined)?.confirmed ?? 0;
        if (confirmed > 0) console.log(`[jobs] 系统自动确认 ${confirmed} 份协议`);
        options.onRound?.(results);
      })
      .finally(() => {
        runner.running = false;
      });
    runner.rounds.push(round);
  };
  runner.timer = setInterval(tick, intervalMs);
  runner.timer.unref();
  runner.first = setTimeout(tick, Math.min(options.firstDelayMs ?? 5_000, intervalMs));
  runner.first.unref();
  state.wqInProcessJobs = runner;
  console.log(`[jobs] 内置定时任务已启动（每 ${Math.round(intervalMs / 1000)} 秒：${jobs.map((j) => j.name).join("、")}）`);
  return true;
}

/** Stops the timer; resolves when a round in progress has finished. */
export async function stopInProcessJobs(): Promise<void> {
  const runner = state.wqInProcessJobs;
  if (!runner) return;
  clearInterval(runner.timer);
  clearTimeout(runner.first);
  state.wqInProcessJobs = undefined;
  await Promise.allSettled(runner.rounds);
}
