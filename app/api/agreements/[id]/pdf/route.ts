// GET  ?preview=1 → the 样张 (no QR, nothing recorded), opened in a new tab.
// POST            → the official print: one POST = one print = one PrintRecord.
//                   Body (JSON or form): { reason } — required for a reprint.
// Refusals: 403 (zh-CN) for everyone who may not print/preview; 503 when no Chromium; a
// POST from another site's page (Origin) 403, a body over PRINT_BODY_BYTES 413 before it is read.
import { requireActor } from "@/lib/auth/guard";
import { AppError, isAppError } from "@/lib/errors";
import { HTTP_STATUS } from "@/lib/printing/http";
import { printRequestSchema } from "@/lib/printing/schema";
import { PRINT_BODY_BYTES } from "@/lib/http/limits";
import { publicOriginFor } from "@/lib/http/public-url";
import { BodyTooLargeError, jsonError, readBodyLimited, refuseCrossOrigin, refuseOversized } from "@/lib/http/request";
import { isId } from "@/lib/http/params";
import { previewAgreementPdf, printAgreement } from "@/lib/printing/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

function pdfResponse(bytes: Uint8Array, fileName: string, disposition: "inline" | "attachment", extra: Record<string, string> = {}) {
  return new Response(Buffer.from(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="agreement.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      ...extra,
    },
  });
}

function errorMessage(error: unknown): { status: number; message: string; fieldErrors?: Record<string, string> } {
  if (isAppError(error)) return { status: HTTP_STATUS[error.code], message: error.message, fieldErrors: error.fieldErrors };
  console.error("agreement pdf failed", error);
  return { status: 500, message: "生成就业协议书 PDF 失败，请稍后重试。" };
}

/** A refusal a person sees in the browser tab the preview opened in. */
function htmlError(status: number, message: string) {
  const escaped = message.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return new Response(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>无法打开就业协议书</title></head><body style="font-family:sans-serif;padding:24px;max-width:640px;margin:auto"><h1 style="font-size:20px">无法打开就业协议书</h1><p>${escaped}</p><p><a href="javascript:history.back()">返回</a></p></body></html>`,
    { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
  );
}

export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const url = new URL(request.url);
  if (url.searchParams.get("preview") !== "1") {
    return htmlError(405, "正式打印请使用协议页面上的“打印”按钮；此地址只提供打印预览（样张）。");
  }
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
    if (!isId(id)) return htmlError(404, "未找到该协议。");
    const { pdf, fileName } = await previewAgreementPdf(actor, id, publicOriginFor(request));
    return pdfResponse(pdf.bytes, fileName, "inline");
  } catch (error) {
    const { status, message } = errorMessage(error);
    return htmlError(status, message);
  }
}

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const bytes = await readBodyLimited(request, PRINT_BODY_BYTES);
  const text = bytes.toString("utf8");
  if (type.includes("application/json")) {
    try {
      return JSON.parse(text || "{}");
    } catch {
      return {};
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return {};
}

export async function POST(request: Request, { params }: Context) {
  const refused = refuseOversized(request, PRINT_BODY_BYTES) ?? refuseCrossOrigin(request);
  if (refused) return refused;
  const { id } = await params;
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
    const parsed = printRequestSchema.safeParse(await readBody(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError("INVALID_INPUT", issue?.message, { reason: issue?.message ?? "重新打印原因格式不正确" });
    }
    if (!isId(id)) throw new AppError("FORBIDDEN", "无权打印该协议书。");
    const result = await printAgreement(actor, id, parsed.data, publicOriginFor(request));
    return pdfResponse(result.pdf.bytes, result.fileName, "attachment", { "X-Print-Record": result.recordId });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, error.message);
    const { status, message, fieldErrors } = errorMessage(error);
    return Response.json({ error: message, fieldErrors }, { status });
  }
}
