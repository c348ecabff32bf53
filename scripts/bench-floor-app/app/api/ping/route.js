// A route handler that does nothing but read and answer JSON.
export const dynamic = "force-dynamic";

export async function POST(request) {
  const input = await request.json();
  return Response.json({ ok: true, echo: input?.n ?? null });
}
