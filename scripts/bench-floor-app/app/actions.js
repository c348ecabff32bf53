"use server";

// A server action that does nothing: what Next.js itself costs per call.
export async function noop(input) {
  return { ok: true, echo: input?.n ?? null };
}
