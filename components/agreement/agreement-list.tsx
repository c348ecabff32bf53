import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { AgreementListRow } from "@/lib/workflow/queries";
import { StatusBadge } from "./status-badge";

/** A list of agreements: a table on a desk, cards on a phone. */
export function AgreementList({ rows, hrefOf, dateLabel = "更新时间", dateOf }: {
  rows: AgreementListRow[];
  hrefOf: (row: AgreementListRow) => string;
  dateLabel?: string;
  dateOf?: (row: AgreementListRow) => Date | null;
}) {
  const when = dateOf ?? ((r: AgreementListRow) => r.updatedAt);
  return (
    <>
      <ul className="space-y-2 sm:hidden">
        {rows.map((r) => (
          <li key={r.id} className="card p-3">
            <Link prefetch={false} href={hrefOf(r)} className="block">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">
                  {r.student.name} <span className="text-sm text-slate-500">{r.student.studentNo}</span>
                </span>
                <StatusBadge status={r.status} autoConfirmAt={r.autoConfirmAt} />
              </div>
              <p className="mt-1 text-sm text-slate-600">{r.employer.name}</p>
              <p className="text-xs text-slate-500">
                {r.agreementNo ?? "未编号"} · {r.student.major.name} · {dateLabel} {formatDateTime(when(r))}
              </p>
            </Link>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2">姓名</th>
              <th className="px-3 py-2">学号</th>
              <th className="px-3 py-2">学院 / 专业</th>
              <th className="px-3 py-2">用人单位</th>
              <th className="px-3 py-2">协议书号</th>
              <th className="px-3 py-2">状态</th>
              <th className="px-3 py-2">{dateLabel}</th>
              <th className="px-3 py-2">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{r.student.name}</td>
                <td className="px-3 py-2">{r.student.studentNo}</td>
                <td className="px-3 py-2">
                  {r.student.college.name} / {r.student.major.name}
                </td>
                <td className="px-3 py-2">{r.employer.name}</td>
                <td className="px-3 py-2">{r.agreementNo ?? "—"}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={r.status} autoConfirmAt={r.autoConfirmAt} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(when(r))}</td>
                <td className="px-3 py-2">
                  <Link prefetch={false} href={hrefOf(r)} className="text-brand-700 underline">
                    查看/处理
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
