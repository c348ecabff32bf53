// Two checks before any page or server action runs:
// - a server action (a POST with Next-Action) whose body is declared larger than every
//   action needs is refused with 413 in zh-CN before a byte of it is read (Next.js's own
//   limit, set to the same number in next.config.js, stops undeclared ones while reading);
// - signed-out visitors of any role area (and of 修改密码) go to the login page. This only
//   looks at the cookie (no database, and it never re-issues the cookie): whether the
//   session is still live, and which role may open which area, is checked on the server by
//   every page, action and route handler (lib/auth/guard.ts).
// Route handlers (/api/…) check their own bodies (lib/http/request.ts).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/auth-config";
import { sessionTokenClaims } from "@/lib/auth/session-token";
import { ROLE_PREFIX } from "@/lib/auth/roles";
import { formatBytes, SERVER_ACTION_BODY_BYTES } from "@/lib/http/limits";

const PROTECTED = [...Object.values(ROLE_PREFIX), "/account"];

function refuseAction(status: number, error: string) {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

async function hasSessionCookie(request: NextRequest): Promise<boolean> {
  const secret = process.env.AUTH_SECRET;
  const name = SESSION_COOKIE_NAMES.find((n) => request.cookies.get(n));
  if (!secret || !name) return false;
  return (await sessionTokenClaims(request.cookies.get(name)!.value, secret, name)) !== null;
}

export default async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const declared = request.headers.get("content-length");
    if (declared === null && request.headers.has("transfer-encoding")) return refuseAction(411, "请求缺少长度信息，请刷新页面后重试");
    if (declared !== null && !(Number(declared) <= SERVER_ACTION_BODY_BYTES)) {
      return refuseAction(413, `提交的内容过大（上限 ${formatBytes(SERVER_ACTION_BODY_BYTES)}），请减少内容后重试`);
    }
  }
  const { pathname } = request.nextUrl;
  const isProtected = PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (isProtected && !(await hasSessionCookie(request))) {
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

// Every page (server actions post to pages), not the route handlers or static files — and
// only the requests with something to check: server actions (the body's size), and requests
// without a session cookie (SESSION_COOKIE_NAMES; signed-out visitors go to the login page).
// A page request with a cookie goes straight to the page, which checks the session anyway.
// (Next.js reads this config statically: literals only.)
export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "cookie", key: "__Secure-authjs.session-token" },
        { type: "cookie", key: "authjs.session-token" },
      ],
    },
  ],
};
