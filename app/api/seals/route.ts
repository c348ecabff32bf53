// POST multipart { file, kind } → an electronic seal: UNIT (the unit's own, reviewed by the
// office), COLLEGE (+ collegeId) or SCHOOL (the office's, in force at once).
import { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/http/limits";
import { jsonError, readUpload, refuseUpload } from "@/lib/printing/http";
import { MAX_SEAL_BYTES } from "@/lib/seals/png";
import { setOfficeSeal, uploadUnitSeal } from "@/lib/seals/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TOO_LARGE = `印章图片不能超过 ${formatBytes(MAX_SEAL_BYTES)}，请压缩后重新上传`;

const targetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("UNIT") }),
  z.object({ kind: z.literal("COLLEGE"), collegeId: z.uuid({ error: "请选择学院" }) }),
  z.object({ kind: z.literal("SCHOOL") }),
]);

export async function POST(request: Request) {
  const refused = refuseUpload(request, MAX_SEAL_BYTES, TOO_LARGE, { stateChanging: true });
  if (refused) return refused;
  try {
    const actor = await requireActor("EMPLOYER", "OFFICE");
    const { file, fields } = await readUpload(request, "seal", MAX_SEAL_BYTES, TOO_LARGE);
    const target = targetSchema.safeParse(fields);
    if (!target.success) throw new AppError("INVALID_INPUT", "印章类型不正确");
    const bytes = file?.bytes ?? new Uint8Array();
    const seal = target.data.kind === "UNIT" ? await uploadUnitSeal(actor, bytes) : await setOfficeSeal(actor, target.data, bytes);
    return Response.json({ ok: true, seal: { id: seal.id, status: seal.status } });
  } catch (error) {
    return jsonError(error, "上传印章");
  }
}
