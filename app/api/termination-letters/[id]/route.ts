// GET → one 解约函 (the agreement's parties, its 学院's counselors, the office; before the
// request is made, only the uploader).
import { requireActor } from "@/lib/auth/guard";
import { jsonError, storedFileResponse } from "@/lib/printing/http";
import { terminationLetterFor } from "@/lib/termination/letters";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
    const letter = await terminationLetterFor(actor, id);
    return storedFileResponse(letter, "letter");
  } catch (error) {
    return jsonError(error, "读取解约函");
  }
}
