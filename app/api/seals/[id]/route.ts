// GET → a seal's PNG, for those who handle it (see sealImageFor).
import { requireActor } from "@/lib/auth/guard";
import { jsonError } from "@/lib/printing/http";
import { sealImageFor } from "@/lib/seals/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await requireActor("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
    const png = await sealImageFor(actor, id);
    return new Response(Buffer.from(png), { headers: { "Content-Type": "image/png", "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" } });
  } catch (error) {
    return jsonError(error, "读取印章");
  }
}
