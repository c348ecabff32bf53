// POST /api/imports?kind=students&mode=strict|goodRowsOnly — the upload of an import file.
// The body is the file itself (X-File-Name: its name, URI-encoded). Refused before a byte is
// read when it is declared larger than MAX_UPLOAD_BYTES (413), counted while reading
// otherwise; from another site's page (Origin) 403. Answers 202 with the job's id at once:
// the job runs in the background and the page follows it (GET /api/imports/<id>).
import { startImportJob } from "@/lib/imports/start";
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { createImportJob } from "@/lib/imports/jobs";
import { MAX_UPLOAD_BYTES, UPLOAD_LIMIT_TEXT } from "@/lib/http/limits";
import { param, routeParams } from "@/lib/http/params";
import { BodyTooLargeError, jsonError, readBodyLimited, refuseCrossOrigin, refuseOversized } from "@/lib/http/request";
import { HTTP_STATUS } from "@/lib/printing/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const refused = refuseOversized(request, MAX_UPLOAD_BYTES) ?? refuseCrossOrigin(request);
  if (refused) {
    if (refused.status !== 413) return refused;
    return jsonError(413, `文件不能超过 ${UPLOAD_LIMIT_TEXT}，请分批导入`, { limit: MAX_UPLOAD_BYTES });
  }
  try {
    const actor = await requireActor("OFFICE", "COUNSELOR");
    const p = routeParams(new URL(request.url).searchParams, { kind: param.oneOf(["students"]), mode: param.oneOf(["strict", "goodRowsOnly"]) });
    let fileName = "导入文件";
    try {
      fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "") || fileName;
    } catch {
      /* a malformed name: keep the default */
    }
    const file = await readBodyLimited(request, MAX_UPLOAD_BYTES);
    const jobId = await createImportJob(actor, { kind: p.kind ?? "students", fileName, file, mode: p.mode ?? "strict" });
    await startImportJob(jobId);
    return Response.json({ jobId }, { status: 202, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, `文件不能超过 ${UPLOAD_LIMIT_TEXT}，请分批导入`, { limit: MAX_UPLOAD_BYTES });
    if (error instanceof AppError) return jsonError(error.code === "NOT_FOUND" ? 404 : HTTP_STATUS[error.code], error.message, { fieldErrors: error.fieldErrors });
    console.error("import upload failed", error);
    return jsonError(503, "服务暂时不可用，请稍后重试");
  }
}
