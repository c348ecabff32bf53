import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listCollegesWithMajors, listStaffAccounts } from "@/lib/settings/service";
import { AccountRowActions, StaffAccountForm } from "./account-forms";

export const metadata: Metadata = { title: "账号管理" };

export default async function AccountsPage() {
  const actor = await requireRole("OFFICE");
  const [accounts, colleges] = await Promise.all([listStaffAccounts(actor), listCollegesWithMajors()]);
  return (
    <div className="space-y-6">
      <Link href="/office/settings" className="text-sm text-brand-700 underline">
        ← 返回系统设置
      </Link>
      <section className="card space-y-3">
        <h1 className="text-lg font-bold">新建辅导员/就业处账号</h1>
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
              <AccountRowActions userId={a.id} active={a.active} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
