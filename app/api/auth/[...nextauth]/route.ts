import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { AUTH_BODY_BYTES } from "@/lib/http/limits";
import { withBodyLimit } from "@/lib/http/request";

// next-auth builds the SSO redirect URI from the request's URL in this route, but from the
// Host / X-Forwarded-* headers when a server action starts the sign-in; under `next start`
// the two can differ (localhost vs the address the browser used), and the provider then
// refuses the code ("redirect_uri mismatch"). Without AUTH_URL, this route sees the
// request at the address the browser used, as the sign-in did (AUTH_TRUST_HOST trusts it).
async function atPublicOrigin(request: NextRequest): Promise<NextRequest> {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const proto = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol).replace(/:$/, "");
  const url = new URL(request.url);
  url.host = host;
  url.protocol = `${proto}:`;
  if (url.href === request.url) return request;
  // a plain Request: NextRequest would put the server's own hostname back
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

export const GET = async (request: NextRequest) => handlers.GET(await atPublicOrigin(request));
// next-auth's own endpoints (session, CSRF, sign-out, sign-in) take small forms only.
export const POST = withBodyLimit(AUTH_BODY_BYTES, async (request: NextRequest) => handlers.POST(await atPublicOrigin(request)));
