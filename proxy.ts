// Two checks before any page or server action runs:
// - a server action (a POST with Next-Action) whose body is declared larger than every
//   action needs is refused with 413 in zh-CN before a byte of it is read (Next.js's own
//   limit, set to the same number in next.config.js, stops undeclared ones while reading);
// - signed-out visitors of any role area go to the login page. Which role may open which
//   area is checked again on the server by every page and action (lib/auth/guard.ts).
// Route handlers (/api/…) check their own bodies (lib/http/request.ts).
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { ROLE_PREFIX } from "@/lib/auth/roles";
import { formatBytes, SERVER_ACTION_BODY_BYTES } from "@/lib/http/limits";

const { auth } = NextAuth(authConfig);

const PROTECTED = Object.values(ROLE_PREFIX);

function refuseAction(status: number, error: string) {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

export default auth((request) => {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const declared = request.headers.get("content-length");
    if (declared === null && request.headers.has("transfer-encoding")) return refuseAction(411, "请求缺少长度信息，请刷新页面后重试");
    if (declared !== null && !(Number(declared) <= SERVER_ACTION_BODY_BYTES)) {
      return refuseAction(413, `提交的内容过大（上限 ${formatBytes(SERVER_ACTION_BODY_BYTES)}），请减少内容后重试`);
    }
  }
  const { pathname } = request.nextUrl;
  const isProtected = PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (isProtected && !request.auth) {
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
});

export const config = {
  // every page (server actions post to pages), not the route handlers or static files
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
