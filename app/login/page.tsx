import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/guard";
import { ROLE_HOME } from "@/lib/auth/roles";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-bold text-brand-800">就业协议书网上签约</h1>
        <p className="mt-2 text-center text-sm text-slate-600">毕业生使用学号登录；用人单位、辅导员和就业处使用账号登录</p>
        <div className="card mt-6">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        <p className="mt-4 text-center text-sm text-slate-600">
          用人单位尚未注册？<Link href="/register" className="text-brand-700 underline">用人单位注册</Link>
        </p>
      </div>
    </main>
  );
}
