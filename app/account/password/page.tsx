import type { Metadata } from "next";
import Link from "next/link";
import { needsCurrentPassword } from "@/lib/auth/account";
import { requireSignedIn } from "@/lib/auth/guard";
import { PASSWORD_RULE } from "@/lib/auth/password-rule";
import { ROLE_HOME, ROLE_LABELS } from "@/lib/auth/roles";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

/** 修改密码, for every role; also the page a person with an initial password is sent to first. */
export default async function PasswordPage() {
  const { actor, session } = await requireSignedIn();
  const forced = session.method === "PASSWORD" && session.user.mustChangePassword;
  const needsCurrent = await needsCurrentPassword(actor.userId, session.method);
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <div className="card space-y-4">
        <div>
          <h1 className="text-xl font-bold text-brand-800">{forced ? "首次登录：请修改初始密码" : "修改密码"}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {actor.name}（{ROLE_LABELS[actor.role]}，账号 {session.user.username}）
          </p>
        </div>
        {forced && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            您的密码是由学校或单位管理员设置的初始密码。为保护您的签约信息，请先设置只有您自己知道的新密码，然后才能继续使用系统。
          </p>
        )}
        <p className="text-sm text-slate-600">密码要求：{PASSWORD_RULE}。修改后，其他设备上的登录将全部退出。</p>
        <PasswordForm needsCurrent={needsCurrent} />
        {!forced && (
          <Link href={ROLE_HOME[actor.role]} className="text-sm text-brand-700 underline">
            ← 返回
          </Link>
        )}
      </div>
    </main>
  );
}
