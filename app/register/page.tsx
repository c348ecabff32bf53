import type { Metadata } from "next";
import Link from "next/link";
import { RegistrationForm } from "./registration-form";

export const metadata: Metadata = { title: "用人单位注册" };

export default function RegisterPage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold text-brand-800">用人单位注册</h1>
      <p className="mt-2 text-sm text-slate-600">
        注册后须经学校就业处审核通过，方可出现在毕业生的“选择签约单位”中并办理网上签约。以下“用人单位情况”将作为签约时的默认信息。
      </p>
      <div className="card mt-6">
        <RegistrationForm />
      </div>
      <p className="mt-4 text-center text-sm text-slate-600">
        已有账号？<Link href="/login" className="text-brand-700 underline">返回登录</Link>
      </p>
    </main>
  );
}
