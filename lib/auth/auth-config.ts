// The part of the next-auth configuration that needs no database: session shape and
// callbacks. Shared by the full config (lib/auth/auth.ts) and the proxy.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/generated/prisma/enums";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; collegeId: string | null; employerId: string | null };
        token.uid = u.id;
        token.role = u.role;
        token.collegeId = u.collegeId;
        token.employerId = u.employerId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      session.user.collegeId = (token.collegeId as string | null) ?? null;
      session.user.employerId = (token.employerId as string | null) ?? null;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; role: Role; collegeId: string | null; employerId: string | null; email?: string | null };
  }
}
