"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { loginSchema } from "./schema";

export type LoginState = { error?: string };

export async function loginAction(input: unknown, callbackUrl?: string): Promise<LoginState> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "请输入学号或账号和密码" };
  // Only same-site paths, so the login page cannot be used to redirect elsewhere.
  const target = typeof callbackUrl === "string" && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: target });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "throttled") return { error: "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试" };
      return { error: "账号或密码错误" };
    }
    throw error; // the redirect of a successful sign-in
  }
  return {};
}
