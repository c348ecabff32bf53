// POST multipart { file } → /verify's check of an uploaded agreement PDF (public, like the
// code check): what the file is, in zh-CN, with no more personal data than the code check.
import { jsonError, readUpload } from "@/lib/printing/http";
import { MAX_VERIFY_BYTES, verifyAgreementDocument } from "@/lib/printing/verify-document";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const { file } = await readUpload(request, "file", MAX_VERIFY_BYTES, `文件超过 ${MAX_VERIFY_BYTES / 1024 / 1024} MB，不是本系统出具的协议书 PDF。`);
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
