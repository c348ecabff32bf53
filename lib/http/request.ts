// The checks every route handler makes before it reads a body: its size (413 before a byte
// is read when Content-Length says too much; counted while reading otherwise) and, for
// requests that change something, that it comes from our own pages (Origin), as Next.js
// checks for server actions. Answers are zh-CN.
import { publicUrl } from "@/lib/http/public-url";
import { formatBytes } from "./limits";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

export function tooLargeMessage(limit: number): string {
  return `提交的内容过大（上限 ${formatBytes(limit)}），请减少内容后重试`;
}

/** A zh-CN refusal as JSON (what our pages' fetch calls read) with the given status. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

export function textError(status: number, message: string): Response {
  return new Response(message, { status, headers: TEXT });
}

/**
 * 413 when the declared length is over `limit`, 411 when a body comes without a length
 * (chunked: we would have to read it to know); null when the request may be read.
 */
export function refuseOversized(request: Request, limit: number): Response | null {
  const declared = request.headers.get("content-length");
  if (declared === null) {
    const hasBody = request.headers.has("transfer-encoding");
    return hasBody ? jsonError(411, "请求缺少长度信息，请刷新页面后重试") : null;
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return jsonError(400, "请求长度不正确");
  return length > limit ? jsonError(413, tooLargeMessage(limit), { limit }) : null;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(tooLargeMessage(limit));
  }
}

/** Reads the body, counting: stops (BodyTooLargeError) as soon as it passes `limit`. */
export async function readBodyLimited(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, size);
}

/** The host the request was sent to, as Next.js determines it for server actions. */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host");
}

/**
 * A state-changing request must come from a page of ours: its Origin's host is the host it
 * was sent to (or the configured public URL's). No Origin at all is refused too — every
 * browser sends one with a POST, so only a forged request lacks it.
 */
export function refuseCrossOrigin(request: Request): Response | null {
  const origin = request.headers.get("origin");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  const allowed = new Set([requestHost(request)]);
  const configured = publicUrl();
  if (configured) allowed.add(new URL(configured).host);
  if (originHost && allowed.has(originHost)) return null;
  return jsonError(403, "请求来源不正确：请在本系统的页面上操作");
}

/** A route handler that refuses a declared body over `limit` before the handler runs. */
export function withBodyLimit<R extends Request, A extends unknown[]>(limit: number, handler: (request: R, ...rest: A) => Response | Promise<Response>) {
  return async (request: R, ...rest: A): Promise<Response> => refuseOversized(request, limit) ?? handler(request, ...rest);
}
