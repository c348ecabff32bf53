// The e-mail outbox: transitions write OutboxEmail rows in their own transaction; this
// drains them. With an SMTP server (SMTP_URL, or SMTP_HOST …) each mail is sent through
// nodemailer; without one the mails are marked KEPT, and the office reads them on
// /office/outbox. Claiming rows with SKIP LOCKED lets several drainers run at once
// without sending a mail twice; no transaction is held open while talking to SMTP (the
// embedded database serialises transactions).
import nodemailer, { type Transporter } from "nodemailer";
import { prisma, type Db } from "@/lib/db/client";
import { pageOf, pageWindow, type Page } from "@/lib/paging";

export const OUTBOX_STATUSES = ["PENDING", "SENDING", "SENT", "KEPT", "FAILED"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  PENDING: "待发送",
  SENDING: "发送中",
  SENT: "已发送",
  KEPT: "已保存（未配置邮件服务器）",
  FAILED: "发送失败",
};

/** A failed mail is tried again on later runs until it has had this many attempts. */
export const MAX_ATTEMPTS = 5;

export type MailTransport = Pick<Transporter, "sendMail">;

/** The SMTP transport the environment describes, or null when no mail server is configured. */
export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL);
  if (env.SMTP_HOST) {
    const port = Number(env.SMTP_PORT ?? 587);
    return nodemailer.createTransport({
      host: env.SMTP_HOST,
      port,
      secure: env.SMTP_SECURE ? env.SMTP_SECURE === "true" || env.SMTP_SECURE === "1" : port === 465,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } : undefined,
    });
  }
  return null;
}

export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL || env.SMTP_HOST);
}

export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM ?? "就业协议书网上签约 <no-reply@localhost>";
}

export type DrainResult = { sent: number; failed: number; kept: number };

export async function drainOutbox(
  options: { db?: Db; transport?: MailTransport | null; batch?: number; from?: string } = {},
): Promise<DrainResult> {
  const db = options.db ?? prisma;
  const transport = options.transport === undefined ? mailTransportFromEnv() : options.transport;
  if (!transport) {
    const kept = await db.outboxEmail.updateMany({ where: { status: "PENDING" }, data: { status: "KEPT" } });
    return { sent: 0, failed: 0, kept: kept.count };
  }
  const claimed = await db.$queryRawUnsafe<{ id: string; to: string; subject: string; text: string }[]>(
    `UPDATE "OutboxEmail" SET status = 'SENDING', attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM "OutboxEmail"
       WHERE status = 'PENDING' OR (status = 'FAILED' AND attempts < $2)
       ORDER BY "createdAt", id LIMIT $1
       FOR UPDATE SKIP LOCKED)
     RETURNING id, "to", subject, text`,
    options.batch ?? 100,
    MAX_ATTEMPTS,
  );
  const result: DrainResult = { sent: 0, failed: 0, kept: 0 };
  const from = options.from ?? mailFrom();
  for (const mail of claimed) {
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      await db.outboxEmail.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), error: null } });
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.outboxEmail.update({ where: { id: mail.id }, data: { status: "FAILED", error: message.slice(0, 1000) } });
      result.failed++;
    }
  }
  return result;
}

export type OutboxRow = {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  error: string | null;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

/** For the office: the outbox, newest first, optionally one status only. */
export async function listOutbox(options: { page?: number; status?: OutboxStatus } = {}, db: Db = prisma): Promise<Page<OutboxRow>> {
  const w = pageWindow(options.page);
  const where = options.status ? { status: options.status } : {};
  const [total, rows] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: w.skip,
      take: w.take,
      select: { id: true, to: true, subject: true, text: true, status: true, error: true, attempts: true, createdAt: true, sentAt: true },
    }),
  ]);
  return pageOf(rows, total, w);
}

/** How many mails are in each status, for the office page's filter. */
export async function outboxCounts(db: Db = prisma): Promise<Record<OutboxStatus, number>> {
  const groups = await db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const g of groups) if ((OUTBOX_STATUSES as readonly string[]).includes(g.status)) counts[g.status as OutboxStatus] = g._count._all;
  return counts;
}
