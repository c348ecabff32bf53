import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/guard";
import { ROLE_HOME } from "@/lib/auth/roles";
import { SSO_LABEL, isSsoEnabled } from "@/lib/auth/sso";
import { schoolName, SYSTEM_NAME } from "@/lib/settings/school";
import { ssoLoginAction } from "./actions";
import { LoginForm } from "./login-form";
import { loginErrorText } from "./messages";

export const metadata: Metadata = { title: "登录" };

type Search = { callbackUrl?: string; error?: string; code?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  const { callbackUrl, error, code } = await searchParams;
  const target = typeof callbackUrl === "string" ? callbackUrl.slice(0, 200) : undefined;
  const sso = isSsoEnabled();
  const errorText = loginErrorText(typeof error === "string" ? error : undefined, typeof code === "string" ? code : undefined);
  const school = await schoolName();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        {/* eslint-disable-next-line @next/next/no-img-element -- the app icon, a static SVG */}
        <img src="/icon.svg" alt="" width={48} height={48} className="mx-auto mb-3 h-12 w-12" />
        <h1 className="text-center text-2xl font-bold text-brand-800">
          {school ? <span className="block text-lg">{school}</span> : null}
          {SYSTEM_NAME}
        </h1>
        <p className="mt-2 text-center text-sm text-slate-600">毕业生使用学号登录；用人单位使用注册的电子邮箱登录；辅导员和就业处使用工号登录</p>
        {errorText && (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {errorText}
          </p>
        )}
        {sso && (
          <form action={ssoLoginAction.bind(null, target)} className="card mt-6 space-y-2">
            <button type="submit" id="sso-login" className="btn-primary w-full">
              {SSO_LABEL}
            </button>
            <p className="text-center text-xs text-slate-500">毕业生、辅导员和就业处可使用学校统一身份认证账号登录</p>
          </form>
        )}
        <div className="card mt-6">
          <LoginForm callbackUrl={target} />
        </div>
        <p className="mt-4 text-center text-sm text-slate-600">
          首次登录请使用学院或就业处发放的初始密码，登录后须修改密码。忘记密码：毕业生和教师请联系就业处重置；用人单位经办人请联系本单位管理员账号。
        </p>
        <p className="mt-2 text-center text-sm text-slate-600">
          用人单位尚未注册？<Link href="/register" className="text-brand-700 underline">用人单位注册</Link>
        </p>
      </div>
    </main>
  );
}
