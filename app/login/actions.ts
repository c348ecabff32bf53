"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { landingPath } from "@/lib/auth/login";
import { loginSchema } from "./schema";

export type LoginState = { error?: string };

export async function loginAction(input: unknown, callbackUrl?: string): Promise<LoginState> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "请输入学号或账号和密码" };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "throttled") return { error: "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试" };
      return { error: "账号或密码错误" };
    }
    throw error;
  }
  // Straight to the person's own area (a callback URL only if it lies inside it).
  redirect(await landingPath(parsed.data.username, typeof callbackUrl === "string" ? callbackUrl : undefined));
}
