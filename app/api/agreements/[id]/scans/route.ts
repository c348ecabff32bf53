// POST multipart { file } → 回传: the student's scan or photo of the stamped agreement.
import { requireActor } from "@/lib/auth/guard";
import { formatBytes } from "@/lib/http/limits";
import { jsonError, readUpload, refuseUpload } from "@/lib/printing/http";
import { MAX_SCAN_BYTES, uploadScan } from "@/lib/printing/scans";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TOO_LARGE = `文件不能超过 ${formatBytes(MAX_SCAN_BYTES)}，请压缩后重新上传`;

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseUpload(request, MAX_SCAN_BYTES, TOO_LARGE, { stateChanging: true });
  if (refused) return refused;
  const { id } = await params;
  try {
    const actor = await requireActor("STUDENT");
    const { file } = await readUpload(request, "file", MAX_SCAN_BYTES, TOO_LARGE);
    const scan = await uploadScan(actor, id, file ?? { name: "", bytes: new Uint8Array() });
    return Response.json({ ok: true, scan: { id: scan.id, fileName: scan.fileName, size: scan.size } });
  } catch (error) {
    return jsonError(error, "上传回传件");
  }
}
