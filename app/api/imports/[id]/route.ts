// GET  /api/imports/<id> — the job's status, phase, progress and report (the page polls it).
// POST /api/imports/<id>  { "action": "goodRowsOnly" } — 只导入正确的行 of the stored file.
import { z } from "zod";
import { startImportJob } from "@/lib/imports/start";
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { importJobFor, requeueGoodRowsOnly } from "@/lib/imports/jobs";
import { SMALL_JSON_BODY_BYTES } from "@/lib/http/limits";
import { isId } from "@/lib/http/params";
import { BodyTooLargeError, jsonError, readBodyLimited, refuseCrossOrigin, refuseOversized } from "@/lib/http/request";
import { HTTP_STATUS } from "@/lib/printing/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

function failure(error: unknown): Response {
  if (error instanceof BodyTooLargeError) return jsonError(413, error.message);
  if (error instanceof AppError) return jsonError(error.code === "NOT_FOUND" ? 404 : HTTP_STATUS[error.code], error.message);
  console.error("import job request failed", error);
  return jsonError(503, "服务暂时不可用，请稍后重试");
}

export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  try {
    const actor = await requireActor("OFFICE", "COUNSELOR");
    if (!isId(id)) throw new AppError("NOT_FOUND", "未找到该导入任务");
    return Response.json(await importJobFor(actor, id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return failure(error);
  }
}

const actionSchema = z.object({ action: z.literal("goodRowsOnly") });

export async function POST(request: Request, { params }: Context) {
  const refused = refuseOversized(request, SMALL_JSON_BODY_BYTES) ?? refuseCrossOrigin(request);
  if (refused) return refused;
  const { id } = await params;
  try {
    const actor = await requireActor("OFFICE", "COUNSELOR");
    if (!isId(id)) throw new AppError("NOT_FOUND", "未找到该导入任务");
    let body: unknown = null;
    try {
      body = JSON.parse((await readBodyLimited(request, SMALL_JSON_BODY_BYTES)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
    }
    if (!actionSchema.safeParse(body).success) throw new AppError("INVALID_INPUT", "请求参数不正确");
    await requeueGoodRowsOnly(actor, id);
    await startImportJob(id);
    return Response.json({ jobId: id }, { status: 202 });
  } catch (error) {
    return failure(error);
  }
}
