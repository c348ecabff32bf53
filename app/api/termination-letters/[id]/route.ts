// GET → one 解约函 (the agreement's parties, its 学院's counselors, the office; before the
// request is made, only the uploader).
import { requireActor } from "@/lib/auth/guard";
import { jsonError } from "@/lib/printing/http";
import { terminationLetterFor } from "@/lib/termination/letters";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
    const letter = await terminationLetterFor(actor, id);
    return new Response(Buffer.from(letter.bytes), {
      headers: {
        "Content-Type": letter.mimeType,
        "Content-Disposition": `inline; filename="letter"; filename*=UTF-8''${encodeURIComponent(letter.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return jsonError(error, "读取解约函");
  }
}
