import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/office/pager";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listOutbox, OUTBOX_STATUS_LABELS, OUTBOX_STATUSES, outboxCounts, smtpConfigured, type OutboxStatus } from "@/lib/notifications/outbox";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "邮件通知" };

const STATUS_TONES: Record<OutboxStatus, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-emerald-100 text-emerald-900",
  KEPT: "bg-slate-200 text-slate-800",
  FAILED: "bg-red-100 text-red-800",
};

function isStatus(value: unknown): value is OutboxStatus {
  return typeof value === "string" && (OUTBOX_STATUSES as readonly string[]).includes(value);
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("OFFICE");
  const params = await searchParams;
  const { status, page } = pageParams(params, { status: param.oneOf(OUTBOX_STATUSES), page: param.page });
  const [list, counts] = await Promise.all([listOutbox({ page, status }), outboxCounts()]);
  const all = Object.values(counts).reduce((a, b) => a + b, 0);

  const chip = (active: boolean) =>
    `inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm ${active ? "bg-brand-700 font-semibold text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">邮件通知</h1>
      {smtpConfigured() ? (
        <Alert>已配置邮件服务器：系统每分钟发送待发送的邮件，失败的邮件会自动重试。</Alert>
      ) : (
        <Alert tone="warn">未配置邮件服务器：通知邮件暂不发出，保存在此处供就业处查看。如需发送邮件，请联系系统管理员配置邮件服务器。</Alert>
      )}
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-2">
        <Link href="/office/outbox" className={chip(!status)} aria-current={!status ? "page" : undefined}>
          全部（{all}）
        </Link>
        {OUTBOX_STATUSES.filter((s) => counts[s] > 0 || s === status).map((s) => (
          <Link key={s} href={`/office/outbox?status=${s}`} className={chip(status === s)} aria-current={status === s ? "page" : undefined}>
            {OUTBOX_STATUS_LABELS[s]}（{counts[s]}）
          </Link>
        ))}
      </nav>

      {list.rows.length === 0 ? (
        <EmptyState title={status ? `没有“${OUTBOX_STATUS_LABELS[status]}”的邮件` : "暂无邮件通知"}>
          签约流程中需要通知相关人员时，系统会在这里生成邮件。
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((m) => (
            <li key={m.id} className="card">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="min-w-0 font-semibold break-words">{m.subject}</h2>
                <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-medium ${isStatus(m.status) ? STATUS_TONES[m.status] : "bg-slate-100"}`}>
                  {isStatus(m.status) ? OUTBOX_STATUS_LABELS[m.status] : m.status}
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">收件人</dt>
                <dd className="min-w-0 break-all">{m.to}</dd>
                <dt className="text-slate-500">生成时间</dt>
                <dd>{formatDateTime(m.createdAt)}</dd>
                {m.sentAt ? (
                  <>
                    <dt className="text-slate-500">发送时间</dt>
                    <dd>{formatDateTime(m.sentAt)}</dd>
                  </>
                ) : null}
                {m.attempts > 0 ? (
                  <>
                    <dt className="text-slate-500">发送次数</dt>
                    <dd>{m.attempts}</dd>
                  </>
                ) : null}
                {m.error ? (
                  <>
                    <dt className="text-slate-500">失败原因</dt>
                    <dd className="min-w-0 break-words text-red-700">{m.error}</dd>
                  </>
                ) : null}
              </dl>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">邮件正文</summary>
                <p className="mt-2 rounded bg-slate-50 p-3 break-words whitespace-pre-wrap text-slate-700">{m.text}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      {list.total > list.pageSize ? <Pager basePath="/office/outbox" params={{ status }} page={list.page} pages={list.pages} total={list.total} /> : null}
    </div>
  );
}
