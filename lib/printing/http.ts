// AppError → HTTP status for the PDF and upload routes (403 for anything a person may not
// print), and the capped reading of an upload.
import { AppError, type ErrorCode } from "@/lib/errors";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 403, // never reveal whether someone else's agreement exists
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  GUARD_FAILED: 409,
  THROTTLED: 429,
  UNAVAILABLE: 503,
};

/**
 * The file of a multipart upload, read with a cap: the body is streamed and refused past
 * `maxBytes` (plus room for the form's other fields) before it is all in memory.
 */
export async function readUpload(request: Request, field: string, maxBytes: number, tooLarge: string): Promise<{ file: { name: string; bytes: Uint8Array } | null; fields: Record<string, string> }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw new AppError("INVALID_INPUT", "请以文件上传的方式提交（multipart/form-data）");
  const cap = maxBytes + 64 * 1024;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > cap) throw new AppError("INVALID_INPUT", tooLarge, { [field]: tooLarge });
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw new AppError("INVALID_INPUT", tooLarge, { [field]: tooLarge });
    }
    chunks.push(value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
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

/** An AppError (or anything else) as the JSON answer of an upload route, in zh-CN. */
export function jsonError(error: unknown, what: string): Response {
  if (error instanceof AppError) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: HTTP_STATUS[error.code] });
  console.error(`${what} failed`, error);
  return Response.json({ error: `${what}失败，请稍后重试。` }, { status: 500 });
}
