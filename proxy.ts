// Signed-out visitors of any role area go to the login page. Which role may open which
// area is checked again on the server by every page and action (lib/auth/guard.ts).
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { ROLE_PREFIX } from "@/lib/auth/roles";

const { auth } = NextAuth(authConfig);

const PROTECTED = Object.values(ROLE_PREFIX);

export default auth((request) => {
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
  matcher: ["/student/:path*", "/employer/:path*", "/counselor/:path*", "/office/:path*"],
};
