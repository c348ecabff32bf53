// GET /api/imports/<id>/report — the XLSX of every bad row of an import, with its reasons,
// and (the first download only) the new accounts' initial passwords.
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { streamWorkbook, xlsxResponse } from "@/lib/export/xlsx";
import { importJobErrors, importJobFor } from "@/lib/imports/jobs";
import { importReportFileName, importReportSheets } from "@/lib/imports/report";
import { isId } from "@/lib/http/params";
import { textError } from "@/lib/http/request";
import { HTTP_STATUS } from "@/lib/printing/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await requireActor("OFFICE", "COUNSELOR");
    if (!isId(id)) throw new AppError("NOT_FOUND", "未找到该导入任务");
    const running = await importJobFor(actor, id);
    if (running.status === "QUEUED" || running.status === "RUNNING") throw new AppError("INVALID_STATE", "导入尚未完成，完成后再下载报告");
    const { view, errors, credentials } = await importJobErrors(actor, id);
    return xlsxResponse(await streamWorkbook(importReportSheets(view, errors, credentials)), importReportFileName(view));
  } catch (error) {
    if (error instanceof AppError) return textError(error.code === "NOT_FOUND" ? 404 : HTTP_STATUS[error.code], error.message);
    console.error("import report failed", error);
    return textError(503, "导出失败：服务暂时不可用，请稍后重试");
  }
}
