import type { Metadata } from "next";
import Link from "next/link";
import { AccountRowActions } from "@/components/auth/account-row-actions";
import { findAccountForOffice } from "@/lib/auth/account-admin";
import { requireRole } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listCollegesWithMajors, listStaffAccounts } from "@/lib/settings/service";
import { resetAccountPasswordAction, setAccountActiveAction } from "../actions";
import { StaffAccountForm } from "./account-forms";

export const metadata: Metadata = { title: "账号管理" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireRole("OFFICE");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim().slice(0, 100) : "";
  const [accounts, colleges, found] = await Promise.all([
    listStaffAccounts(actor),
    listCollegesWithMajors(),
    query ? findAccountForOffice(actor, query) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-6">
      <Link href="/office/settings" className="text-sm text-brand-700 underline">
        ← 返回系统设置
      </Link>
      <section className="card space-y-3">
        <h1 className="text-lg font-bold">查找账号（重置密码、停用）</h1>
        <p className="text-sm text-slate-600">任何账号均可在此重置密码或停用：毕业生输入学号，用人单位经办人输入登录邮箱，教师输入工号。</p>
        <form className="flex flex-col gap-2 sm:flex-row" role="search">
          <label htmlFor="account-q" className="sr-only">
            账号
          </label>
          <input id="account-q" name="q" defaultValue={query} placeholder="学号、工号或登录邮箱" className="input" />
          <button className="btn-secondary shrink-0">查找</button>
        </form>
        {query && !found && <p className="text-sm text-slate-600">未找到账号“{query}”。</p>}
        {found && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3" id="found-account">
            <p className="text-sm">
              <span className="font-medium">{found.name}</span>
              <span className="ml-2 break-all text-slate-500">{found.username}</span>
              <span className="ml-2 text-slate-600">
                {ROLE_LABELS[found.role]}
                {found.college ? ` · ${found.college.name}` : ""}
                {found.employer ? ` · ${found.employer.name}` : ""}
              </span>
              {!found.active && <span className="ml-2 text-red-700">已停用</span>}
              {found.mustChangePassword && <span className="ml-2 text-amber-700">待首次修改密码</span>}
            </p>
            {found.id !== actor.userId && (
              <AccountRowActions userId={found.id} active={found.active} reset={resetAccountPasswordAction} setActive={setAccountActiveAction} />
            )}
          </div>
        )}
      </section>
      <section className="card space-y-3">
        <h2 className="text-lg font-bold">新建辅导员/就业处账号</h2>
        <StaffAccountForm colleges={colleges.map((c) => ({ id: c.id, name: c.name }))} />
      </section>
      <section className="card">
        <h2 className="font-semibold">现有账号（{accounts.length}）</h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {accounts.map((a) => (
            <li key={a.id} className="space-y-2 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  {a.name}
                  <span className="ml-2 text-sm text-slate-500">{a.username}</span>
                </span>
                <span className="text-sm text-slate-600">
                  {ROLE_LABELS[a.role]}
                  {a.college ? ` · ${a.college.name}` : ""}
                  {!a.active && <span className="ml-2 text-red-700">已停用</span>}
                </span>
              </div>
              {a.id !== actor.userId && <AccountRowActions userId={a.id} active={a.active} reset={resetAccountPasswordAction} setActive={setAccountActiveAction} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
