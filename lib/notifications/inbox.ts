// The signed-in person's own notifications (the bell, /notifications). Every query is
// keyed by the user's id, so nobody can read or mark anyone else's.
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { pageOf, pageWindow, type Page } from "@/lib/paging";

export type InboxRow = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export async function unreadCount(userId: string, db: Db = prisma): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(
  userId: string,
  options: { page?: number; unreadOnly?: boolean } = {},
  db: Db = prisma,
): Promise<Page<InboxRow>> {
  const w = pageWindow(options.page);
  const where = { userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [total, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: w.skip,
      take: w.take,
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return pageOf(rows, total, w);
}

/** Only same-site paths are followed from a notification (no open redirect). */
export function safeLink(link: string | null): string {
  return link && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications";
}

/** Marks one of the user's notifications as read; returns where it points. NOT_FOUND for anyone else's. */
export async function markRead(userId: string, notificationId: string, db: Db = prisma): Promise<{ link: string }> {
  const found = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true, link: true, readAt: true } });
  if (!found) throw new AppError("NOT_FOUND", "未找到该消息");
  if (!found.readAt) await db.notification.updateMany({ where: { id: found.id, userId, readAt: null }, data: { readAt: new Date() } });
  return { link: safeLink(found.link) };
}

export async function markAllRead(userId: string, db: Db = prisma): Promise<{ marked: number }> {
  const result = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: result.count };
}
