import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth-config";
import { verifyLogin } from "./login";

class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(credentials) {
        const username = typeof credentials?.username === "string" ? credentials.username.slice(0, 100) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 200) : "";
        if (!username || !password) return null;
        const result = await verifyLogin(username, password);
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignin();
          return null;
        }
        const { actor } = result;
        return { id: actor.userId, name: actor.name, role: actor.role, collegeId: actor.collegeId, employerId: actor.employerId };
      },
    }),
  ],
});
