// Starting an import job right after its upload was stored: through Inngest when it is
// configured, else in this very process (the request answers at once; the job goes on).
// Either way the safety net (resumeImportJobs, on the timer or the cron) runs a job that
// was never started or whose runner died.
import { runImportJob } from "@/lib/imports/jobs";
import { EVENTS, inngest, inngestConfigured } from "@/lib/queue/client";

export async function startImportJob(jobId: string): Promise<void> {
  if (inngestConfigured()) {
    try {
      await inngest.send({ name: EVENTS.importRequested, data: { jobId }, id: `import:${jobId}:${Date.now()}` });
      return;
    } catch (error) {
      console.warn(`[jobs] 发送导入事件失败，改为在本进程内导入: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  void runImportJob(jobId).catch((error) => console.error(`[jobs] 导入任务 ${jobId} 失败:`, error));
}
