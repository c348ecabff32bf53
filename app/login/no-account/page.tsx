import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "无此账号" };

/** Where 统一身份认证 sends a person it knows but this system does not: nobody is created. */
export default function NoAccountPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="card w-full max-w-md space-y-3">
        <h1 className="text-xl font-bold text-brand-800">无此账号</h1>
        <p className="text-sm text-slate-700">
          统一身份认证已确认了您的身份，但网上签约系统中没有与您的学号或工号对应的账号（或该账号已停用），因此不能登录。
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>应届毕业生：生源信息由学院导入后才有账号，请联系所在学院的辅导员/协理员。</li>
          <li>辅导员/协理员、就业处老师：请联系就业处开通账号。</li>
          <li>用人单位请使用注册的电子邮箱和密码登录。</li>
        </ul>
        <Link href="/login" className="btn-secondary inline-block">
          返回登录
        </Link>
      </div>
    </main>
  );
}
