// Imports as background jobs: the upload is stored (ImportJob.file) and answered at once;
// a runner — in the server process, or Inngest — claims the job, reads, checks and writes it
// (lib/students/import.ts) and keeps its phase and progress in the row, so the import page
// shows a progress bar that survives a reload and, at the end, the report. A runner that
// died is noticed by its stale heartbeat and the job is run again (writing is one
// transaction and keyed by 学号, so a second run does the same, never twice the same).
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { seal, unseal } from "@/lib/auth/sealed";
import { importStudents, type ImportMode, type ImportPhase, type ImportReport, type InitialCredential, type RowError } from "@/lib/students/import";

export type ImportKind = "students";
export type ImportStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/** A running job that has not said anything for this long is taken to have died. */
export const STALE_AFTER_MS = 120_000;
const HEARTBEAT_MS = 15_000;
const MAX_ATTEMPTS = 3;
/** How long a finished job stays on the import page, and its file for 只导入正确的行. */
export const KEEP_MS = 24 * 3600_000;
/** Bad rows the page lists; the XLSX report has them all. */
export const PREVIEW_ERRORS = 100;

export const PHASE_LABELS: Record<ImportPhase, string> = {
  read: "正在读取文件",
  check: "正在校验",
  hash: "正在生成登录账号",
  write: "正在写入",
};

export type ImportSummary = Omit<ImportReport, "errors" | "credentials">;

/** What the sealed credentials of a job are for (lib/auth/sealed.ts). */
const CREDENTIALS = "import-credentials";

export type ImportJobView = {
  id: string;
  fileName: string;
  mode: ImportMode;
  status: ImportStatus;
  phase: ImportPhase | null;
  done: number;
  total: number;
  createdAt: string;
  finishedAt: string | null;
  summary: ImportSummary | null;
  errorCount: number;
  errors: RowError[];
  /** a zh-CN sentence when the job failed */
  error: string | null;
  /** the file had bad rows and nothing was written: 只导入正确的行 may run it again */
  canImportGoodRows: boolean;
  /** new accounts' initial passwords wait in the report, for one download */
  credentialsPending: number;
};

function mayImport(actor: Actor): void {
  if (actor.role !== "OFFICE" && !(actor.role === "COUNSELOR" && actor.collegeId)) throw new AppError("FORBIDDEN");
}

/** Stores an upload as a queued job of this person; the caller starts it (jobs/imports.ts). */
export async function createImportJob(actor: Actor, input: { kind: ImportKind; fileName: string; file: Buffer; mode: ImportMode }): Promise<string> {
  mayImport(actor);
  if (input.file.length === 0) throw new AppError("INVALID_INPUT", "请选择要导入的文件", { file: "请选择要导入的文件" });
  const job = await prisma.importJob.create({
    data: {
      kind: input.kind,
      actorId: actor.userId,
      actorRole: actor.role,
      collegeId: actor.role === "COUNSELOR" ? actor.collegeId : null,
      fileName: input.fileName.slice(0, 200) || "导入文件",
      file: new Uint8Array(input.file),
      mode: input.mode,
    },
    select: { id: true },
  });
  return job.id;
}

type JobRow = NonNullable<Awaited<ReturnType<typeof prisma.importJob.findUnique>>>;

function viewOf(job: JobRow): ImportJobView {
  const summary = (job.summary as ImportSummary | null) ?? null;
  const errors = ((job.rowErrors as RowError[] | null) ?? []);
  return {
    id: job.id,
    fileName: job.fileName,
    mode: job.mode as ImportMode,
    status: job.status as ImportStatus,
    phase: (job.phase as ImportPhase | null) ?? null,
    done: job.done,
    total: job.total,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    summary,
    errorCount: errors.length,
    errors: errors.slice(0, PREVIEW_ERRORS),
    error: job.error,
    canImportGoodRows: job.status === "DONE" && job.file !== null && !!summary && !summary.written && summary.valid > 0 && errors.length > 0 && summary.unchanged === 0,
    credentialsPending: job.credentials ? (summary?.created ?? 0) : 0,
  };
}

/** One job of this person (nobody else's: another person's id is simply not found). */
export async function importJobFor(actor: Actor, id: string): Promise<ImportJobView> {
  mayImport(actor);
  const job = await prisma.importJob.findUnique({ where: { id } });
  if (!job || job.actorId !== actor.userId) throw new AppError("NOT_FOUND", "未找到该导入任务");
  return viewOf(job);
}

/**
 * Every bad row of one job of this person, for the XLSX report — and, the first time only,
 * the new accounts' initial passwords: they are erased as they are handed out.
 */
export async function importJobErrors(actor: Actor, id: string): Promise<{ view: ImportJobView; errors: RowError[]; credentials: InitialCredential[] }> {
  const view = await importJobFor(actor, id);
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id }, select: { rowErrors: true } });
  // taken and erased in one statement: two downloads at once cannot both get them
  const [taken] = await prisma.$queryRaw<{ credentials: Uint8Array | null }[]>`
    UPDATE "ImportJob" j SET credentials = NULL FROM (SELECT id, credentials FROM "ImportJob" WHERE id = ${id}::uuid FOR UPDATE) old
    WHERE j.id = old.id AND old.credentials IS NOT NULL RETURNING old.credentials`;
  const credentials = taken?.credentials ? unseal<InitialCredential[]>(CREDENTIALS, taken.credentials) : [];
  return { view, errors: (job.rowErrors as RowError[] | null) ?? [], credentials };
}

/** The person's latest import of the last 24 hours: what the import page shows after a reload. */
export async function latestImportJob(actor: Actor, kind: ImportKind = "students"): Promise<ImportJobView | null> {
  mayImport(actor);
  const job = await prisma.importJob.findFirst({
    where: { actorId: actor.userId, kind, createdAt: { gt: new Date(Date.now() - KEEP_MS) } },
    orderBy: { createdAt: "desc" },
  });
  return job ? viewOf(job) : null;
}

/** 只导入正确的行: the same stored file once more, writing its good rows. */
export async function requeueGoodRowsOnly(actor: Actor, id: string): Promise<void> {
  const view = await importJobFor(actor, id);
  if (!view.canImportGoodRows) throw new AppError("INVALID_STATE", "该导入任务不能再次导入，请重新上传文件");
  const updated = await prisma.importJob.updateMany({
    where: { id, status: "DONE", file: { not: null } },
    data: { status: "QUEUED", mode: "goodRowsOnly", phase: null, done: 0, total: 0, attempts: 0, finishedAt: null, error: null },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", "该导入任务已在处理中，请刷新页面");
}

/** Takes the job for this runner: only one runner ever holds a job. */
async function claim(id: string): Promise<JobRow | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "ImportJob" SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = now(), "heartbeatAt" = now(), phase = NULL, done = 0, total = 0
    WHERE id = ${id}::uuid AND attempts < ${MAX_ATTEMPTS}
      AND (status = 'QUEUED' OR (status = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})))
    RETURNING id`;
  if (rows.length === 0) return null;
  return prisma.importJob.findUnique({ where: { id } });
}

/** The actor the job runs as: the uploader as they are NOW (deactivated or moved: refused). */
async function actorOfJob(job: JobRow): Promise<Actor> {
  const user = await prisma.user.findUnique({ where: { id: job.actorId } });
  if (!user || !user.active || user.role !== job.actorRole || (job.actorRole === "COUNSELOR" && user.collegeId !== job.collegeId)) {
    throw new AppError("FORBIDDEN", "导入人的账号已停用或权限已变化，本次未导入");
  }
  return { userId: user.id, role: user.role, name: user.name, collegeId: user.collegeId, employerId: user.employerId };
}

/** Runs one job to its end (or does nothing when another runner has it). */
export async function runImportJob(id: string): Promise<ImportStatus | null> {
  const job = await claim(id);
  if (!job) return null;
  const heartbeat = setInterval(() => {
    prisma.importJob.update({ where: { id }, data: { heartbeatAt: new Date() } }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const progress = (p: { phase: ImportPhase; done: number; total: number }) => {
    const now = Date.now();
    if (now - last < 400 && p.done !== p.total) return;
    last = now;
    pending = pending.then(() => prisma.importJob.update({ where: { id }, data: { phase: p.phase, done: p.done, total: p.total, heartbeatAt: new Date() } }).catch(() => undefined));
  };
  try {
    const actor = await actorOfJob(job);
    if (!job.file) throw new AppError("INVALID_STATE", "导入文件已过期，请重新上传");
    const report = await importStudents(actor, Buffer.from(job.file), job.mode as ImportMode, { fileName: job.fileName, onProgress: progress });
    await pending;
    const { errors, credentials, ...summary } = report;
    // the file is kept only while 只导入正确的行 may still need it
    const keepFile = !report.written && report.valid > 0 && errors.length > 0 && report.unchanged === 0;
    await prisma.importJob.update({
      where: { id },
      data: {
        status: "DONE",
        summary,
        rowErrors: errors,
        // the initial passwords wait, sealed, for the importer's one download of the report
        credentials: credentials.length ? seal(CREDENTIALS, credentials) : null,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
        ...(keepFile ? {} : { file: null }),
      },
    });
    return "DONE";
  } catch (error) {
    await pending;
    const message = error instanceof AppError ? error.message : "导入失败：服务暂时不可用，请稍后重新上传";
    if (!(error instanceof AppError)) console.error(`[imports] 导入任务 ${id} 失败:`, error);
    await prisma.importJob.update({ where: { id }, data: { status: "FAILED", error: message, finishedAt: new Date(), file: null } }).catch(() => undefined);
    return "FAILED";
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * The safety net (a timer in the server, or a cron): runs queued jobs nobody started (the
 * process that took the upload stopped) and jobs whose runner died; forgets old files.
 */
export async function resumeImportJobs(): Promise<{ resumed: number }> {
  await prisma.importJob.updateMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) }, file: { not: null } }, data: { file: null } });
  // initial passwords nobody downloaded within a day are not kept (the office resets those accounts)
  await prisma.importJob.updateMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) }, credentials: { not: null } }, data: { credentials: null } });
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ImportJob"
    WHERE attempts < ${MAX_ATTEMPTS} AND (
      (status = 'QUEUED' AND "createdAt" < now() - interval '10 seconds')
      OR (status = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})))
    ORDER BY "createdAt" LIMIT 5`;
  let resumed = 0;
  for (const { id } of due) if (await runImportJob(id)) resumed++;
  // a job that died MAX_ATTEMPTS times is over: say so instead of showing it running forever
  await prisma.importJob.updateMany({
    where: { status: "RUNNING", attempts: { gte: MAX_ATTEMPTS }, heartbeatAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
    data: { status: "FAILED", error: "导入失败：服务暂时不可用，请稍后重新上传", file: null, finishedAt: new Date() },
  });
  return { resumed };
}
