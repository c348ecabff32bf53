// AppError → HTTP status for the PDF and upload routes (403 for anything a person may not
// print), and the capped reading of an upload.
import { AppError, type ErrorCode } from "@/lib/errors";
import { multipartBodyBytes } from "@/lib/http/limits";
import { BodyTooLargeError, readBodyLimited, refuseCrossOrigin, refuseOversized } from "@/lib/http/request";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 403, // never reveal whether someone else's agreement exists
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  GUARD_FAILED: 409,
  THROTTLED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  REAUTH_REQUIRED: 403,
  UNAVAILABLE: 503,
};

/**
 * The file of a multipart upload (seals, 回传, /verify), its body read with the cap of
 * lib/http/request.ts (refused past the file's limit plus the form's overhead).
 */
export async function readUpload(request: Request, field: string, maxBytes: number, tooLarge: string): Promise<{ file: { name: string; bytes: Uint8Array } | null; fields: Record<string, string> }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw new AppError("INVALID_INPUT", "请以文件上传的方式提交（multipart/form-data）");
  let body: Buffer;
  try {
    body = await readBodyLimited(request, multipartBodyBytes(maxBytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new AppError("INVALID_INPUT", tooLarge, { [field]: tooLarge });
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("INVALID_INPUT", "上传的内容无法读取，请重新选择文件");
  }
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Uint8Array } | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value.slice(0, 200);
    else if (key === field && value.size > 0) file = { name: value.name.slice(0, 200), bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { file, fields };
}

/**
 * The checks before an upload route reads anything: a declared body over the file's limit
 * (413, in the route's own words), and — for an upload that changes something — the Origin.
 */
export function refuseUpload(request: Request, maxBytes: number, tooLarge: string, opts: { stateChanging: boolean }): Response | null {
  const oversized = refuseOversized(request, multipartBodyBytes(maxBytes));
  if (oversized) return oversized.status === 413 ? jsonErrorResponse(413, tooLarge) : oversized;
  return opts.stateChanging ? refuseCrossOrigin(request) : null;
}

const jsonErrorResponse = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

/** An AppError (or anything else) as the JSON answer of an upload route, in zh-CN. */
export function jsonError(error: unknown, what: string): Response {
  if (error instanceof AppError) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: HTTP_STATUS[error.code] });
  console.error(`${what} failed`, error);
  return Response.json({ error: `${what}失败，请稍后重试。` }, { status: 500 });
}

/**
 * A stored upload (回传 scan, 解约函) sent back to someone allowed to see it: shown inline under
 * its own name (`asciiName` for browsers that ignore filename*), never cached, never sniffed.
 */
export function storedFileResponse(file: { bytes: Uint8Array; mimeType: string; fileName: string }, asciiName: string): Response {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
