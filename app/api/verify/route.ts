// POST multipart { file } → /verify's check of an uploaded agreement PDF (public, like the
// code check): what the file is, in zh-CN, with no more personal data than the code check.
// Throttled per client (lib/auth/throttle.ts) before the body is read: 429 in zh-CN.
import { admitVerifyUpload, retryText } from "@/lib/auth/throttle";
import { clientIpFrom } from "@/lib/auth/request-context";
import { formatBytes } from "@/lib/http/limits";
import { jsonError, readUpload, refuseUpload } from "@/lib/printing/http";
import { MAX_VERIFY_BYTES, verifyAgreementDocument } from "@/lib/printing/verify-document";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TOO_LARGE = `文件超过 ${formatBytes(MAX_VERIFY_BYTES)}，不是本系统出具的协议书 PDF。`;

export async function POST(request: Request) {
  const refused = refuseUpload(request, MAX_VERIFY_BYTES, TOO_LARGE, { stateChanging: false });
  if (refused) return refused;
  try {
    const gate = await admitVerifyUpload(clientIpFrom(request.headers));
    if (!gate.allowed) {
      return Response.json(
        { error: `核验次数过多，请 ${retryText(gate.retryAfterSeconds)}后再试。` },
        { status: 429, headers: { "Retry-After": String(gate.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
    const { file } = await readUpload(request, "file", MAX_VERIFY_BYTES, TOO_LARGE);
    const verdict = await verifyAgreementDocument(file?.bytes);
    return Response.json({
      check: verdict.check,
      ok: verdict.ok,
      message: file ? verdict.message : "请选择要核验的协议书 PDF 文件",
      signer: verdict.signer ?? null,
      agreement: verdict.agreement ? { ...verdict.agreement, issuedAt: verdict.agreement.issuedAt.toISOString() } : null,
    });
  } catch (error) {
    return jsonError(error, "核验");
  }
}
