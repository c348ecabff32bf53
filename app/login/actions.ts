"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { landingPath } from "@/lib/auth/login";
import { SSO_PROVIDER_ID, isSsoEnabled } from "@/lib/auth/sso";
import { LOGIN_FAILED, LOGIN_THROTTLED } from "./messages";
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
      return { error: code === "throttled" ? LOGIN_THROTTLED : LOGIN_FAILED };
    }
    throw error;
  }
  // Straight to the person's own area (a callback URL only if it lies inside it).
  redirect(await landingPath(parsed.data.username, typeof callbackUrl === "string" ? callbackUrl : undefined));
}

/** 统一身份认证登录: off to the university's provider (prompt=login: it asks again even if signed in there). */
export async function ssoLoginAction(callbackUrl?: string): Promise<void> {
  if (!isSsoEnabled()) redirect("/login");
  const target = typeof callbackUrl === "string" && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  await signIn(SSO_PROVIDER_ID, { redirectTo: target }, { prompt: "login" });
}
