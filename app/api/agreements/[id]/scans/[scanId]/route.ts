// GET → one 回传 file (the student, the 学院's counselors, the office).
import { requireActor } from "@/lib/auth/guard";
import { jsonError, storedFileResponse } from "@/lib/printing/http";
import { scanFileFor } from "@/lib/printing/scans";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; scanId: string }> }) {
  const { id, scanId } = await params;
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
    const scan = await scanFileFor(actor, id, scanId);
    return storedFileResponse(scan, "scan");
  } catch (error) {
    return jsonError(error, "读取回传件");
  }
}
