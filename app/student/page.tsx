import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { getOwnSourceInfo } from "@/lib/students/profile";
import { startVerdict } from "@/lib/workflow/capabilities";

export const metadata: Metadata = { title: "用户中心" };

const STATUS_STYLE: Record<string, string> = {
  APPROVED: "bg-green-50 text-green-800 ring-green-200",
  PENDING_OFFICE: "bg-amber-50 text-amber-800 ring-amber-200",
  PENDING_COLLEGE: "bg-amber-50 text-amber-800 ring-amber-200",
  RETURNED: "bg-red-50 text-red-800 ring-red-200",
};

export default async function StudentHome() {
  const actor = await requireRole("STUDENT");
  const info = await getOwnSourceInfo(actor);
  if (!info) {
    return (
      <div className="card">
        <h1 className="text-lg font-bold">用户中心</h1>
        <p className="mt-3 text-slate-600">尚未找到您的生源信息，请联系所在学院辅导员/协理员导入。</p>
      </div>
    );
  }
  const start = startVerdict(actor, { sourceStatus: info.status });
  return (
    <div className="space-y-4">
      <div className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-lg font-bold">我的生源信息</h1>
          <span className={`rounded-full px-3 py-1 text-sm ring-1 ${STATUS_STYLE[info.status]}`}>生源信息审核状态：{info.statusLabel}</span>
        </div>
        <p className="mt-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">如以下信息有误，请联系学院对生源信息进行修改。</p>
        {info.status === "RETURNED" && info.note && (
          <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">退回原因：{info.note}</p>
        )}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
          {info.fields.map(([label, value]) => (
            <div key={label} className="flex gap-3 border-b border-slate-100 pb-2">
              <dt className="w-24 shrink-0 text-sm text-slate-500">{label}</dt>
              <dd className="min-w-0 break-words text-sm font-medium">{value || "—"}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="card">
        <h2 className="font-semibold">网上签约</h2>
        {start.allowed ? (
          <p className="mt-2 text-sm text-slate-600">
            您的生源信息状态为“{info.statusLabel}”，可以办理网上签约。
            <Link href="/student/agreement" className="ml-1 text-brand-700 underline">
              进入我的签约
            </Link>
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{start.reason}。</p>
        )}
      </div>
    </div>
  );
}
