import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/office/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";
import { MarkAllReadButton, NotificationButtons } from "./notification-buttons";
import { pageParams, param } from "@/lib/http/params";

export const metadata: Metadata = { title: "消息通知" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
  const params = await searchParams;
  const { page, filter } = pageParams(params, { page: param.page, filter: param.oneOf(["unread"]) });
  const unreadOnly = filter === "unread";
  const [list, unread] = await Promise.all([listNotifications(actor.userId, { page, unreadOnly }), unreadCount(actor.userId)]);

  const tab = (active: boolean) =>
    `inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm ${active ? "bg-brand-700 font-semibold text-white" : "bg-white text-slate-700 border border-slate-300 hover:bg-slate-50"}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">消息通知</h1>
        {unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      <nav aria-label="筛选" className="flex flex-wrap gap-2">
        <Link href="/notifications" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
          全部
        </Link>
        <Link href="/notifications?filter=unread" className={tab(unreadOnly)} aria-current={unreadOnly ? "page" : undefined}>
          未读（{unread}）
        </Link>
      </nav>

      {list.rows.length === 0 ? (
        <EmptyState title={unreadOnly ? "没有未读消息" : "暂无消息"}>
          签约信息有新进展（如单位签约、学院审核、即将自动确认）时，会在这里通知您。
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((n) => (
            <li key={n.id} className={`card ${n.readAt ? "" : "border-l-4 border-l-brand-700"}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <h2 className="font-semibold break-words">
                  {n.readAt ? null : <span className="mr-2 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">未读</span>}
                  {n.title}
                </h2>
                <time className="text-sm text-slate-500" dateTime={n.createdAt.toISOString()}>
                  {formatDateTime(n.createdAt)}
                </time>
              </div>
              <p className="mt-1 text-sm break-words text-slate-700">{n.body}</p>
              <NotificationButtons id={n.id} unread={!n.readAt} />
            </li>
          ))}
        </ul>
      )}
      {list.total > list.pageSize ? (
        <Pager basePath="/notifications" params={{ filter: unreadOnly ? "unread" : undefined }} page={list.page} pages={list.pages} total={list.total} />
      ) : null}
    </div>
  );
}
