// next-auth: password sign-in (Credentials) and, when configured, the university's SSO
// (OpenID Connect). Signing in creates a server-side session (lib/auth/sessions.ts) whose id
// the cookie carries; 退出 and /api/auth/signout end it.
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { authConfig } from "./auth-config";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceAccounts, deviceCookieWith } from "./device";
import { verifyLogin } from "./login";
import { sessionCookieClaims } from "./session-cookie";
import { currentRequestContext, requestContextFrom } from "./request-context";
import { createSession, loadLiveSession, revokeSession } from "./sessions";
import { findSsoAccount, SSO_NO_ACCOUNT_PATH, SSO_PROVIDER_ID, ssoAuthenticatedAt, ssoConfig, ssoUsernameOf } from "./sso";

class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === "string" ? credentials.username.slice(0, 100) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 200) : "";
        if (!username.trim() || !password) return null;
        const jar = await cookies();
        const device = jar.get(DEVICE_COOKIE)?.value;
        const result = await verifyLogin({
          username,
          password,
          context: requestContextFrom(request.headers),
          knownDeviceUserIds: deviceAccounts(device),
        });
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignin();
          return null;
        }
        jar.set(DEVICE_COOKIE, deviceCookieWith(device, result.user.id), {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: new URL(request.url).protocol === "https:",
          maxAge: DEVICE_COOKIE_DAYS * 86_400,
        });
        return { id: result.user.id, name: result.user.name };
      },
    }),
  ];
  const sso = ssoConfig();
  if (sso) {
    list.push({
      id: SSO_PROVIDER_ID,
      name: "统一身份认证",
      type: "oidc",
      issuer: sso.issuer,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid profile" } },
      profile(profile) {
        return { id: String(profile.sub), name: typeof profile.name === "string" ? profile.name : null };
      },
    });
  }
  return list;
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: providers(),
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID) return true;
      const sso = ssoConfig()!;
      const username = ssoUsernameOf(profile as Record<string, unknown>, sso.usernameClaim);
      const user = username ? await findSsoAccount(username) : null;
      return user ? true : SSO_NO_ACCOUNT_PATH;
    },
    async jwt({ token, user, account, profile, trigger }) {
      if (trigger === "signIn" || trigger === "signUp") {
        let userId: string;
        let method: "PASSWORD" | "SSO";
        let authenticatedAt: Date | undefined;
        if (account?.provider === SSO_PROVIDER_ID) {
          const sso = ssoConfig()!;
          const username = ssoUsernameOf(profile as Record<string, unknown>, sso.usernameClaim);
          const found = username ? await findSsoAccount(username) : null;
          if (!found) return null;
          userId = found.id;
          method = "SSO";
          authenticatedAt = ssoAuthenticatedAt(profile as Record<string, unknown>);
        } else {
          if (!user?.id) return null;
          userId = user.id;
          method = "PASSWORD";
        }
        // A new sign-in in this browser ends the session its old cookie named.
        const previous = await sessionCookieClaims().catch(() => null);
        if (previous) await revokeSession(previous.sid, "superseded");
        const session = await createSession({ userId, method, authenticatedAt, context: await currentRequestContext() });
        return { sub: userId, sid: session.id, sx: Math.floor(session.expiresAt.getTime() / 1000) };
      }
      // /api/auth/session and friends: a session the server has ended is no session.
      if (typeof token.sid !== "string" || !(await loadLiveSession(token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { id: String(token.sub) } } as typeof session;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string") await revokeSession(token.sid, "signout");
    },
  },
});
