// POST multipart { file } → 解约函 / 退函 (#14): the student or the unit, before 申请解约 /
// 发起解约 (which attaches it to the agreement). Checked by its bytes and size.
import { requireActor } from "@/lib/auth/guard";
import { jsonError, readUpload, refuseUpload } from "@/lib/printing/http";
import { LETTER_TOO_LARGE, MAX_LETTER_BYTES, uploadTerminationLetter } from "@/lib/termination/letters";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const refused = refuseUpload(request, MAX_LETTER_BYTES, LETTER_TOO_LARGE, { stateChanging: true });
  if (refused) return refused;
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER");
    const { file } = await readUpload(request, "file", MAX_LETTER_BYTES, LETTER_TOO_LARGE);
    const letter = await uploadTerminationLetter(actor, file ?? { name: "", bytes: new Uint8Array() });
    return Response.json({ ok: true, letter: { id: letter.id, fileName: letter.fileName, size: letter.size } });
  } catch (error) {
    return jsonError(error, "上传解约函");
  }
}
