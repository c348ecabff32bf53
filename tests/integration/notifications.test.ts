// In-app notifications and the e-mail outbox on PostgreSQL: the right recipients, one's own
// notifications only, and the outbox drained through SMTP or kept for the office.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listNotifications, markAllRead, markRead, unreadCount } from "@/lib/notifications/inbox";
import { drainOutbox, listOutbox, MAX_ATTEMPTS, outboxCounts } from "@/lib/notifications/outbox";
import { afterTransitionCommitted } from "@/lib/queue/emit";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";
import { makePendingConfirm } from "./helpers/pending-confirm";

let prisma: Db;

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
});

describe("fan-out of a transition", () => {
  it("tells the unit's staff about a submission and the student about the signing, nobody else", async () => {
    const [a] = await makePendingConfirm(prisma, 1, "hr@demo-bank.example");
    const notes = await prisma.notification.findMany({ where: { agreementId: a.agreementId }, include: { user: true }, orderBy: { createdAt: "asc" } });
    const bankStaff = await prisma.user.findMany({ where: { employer: { email: "hr@demo-bank.example" } } });
    const submitted = notes.filter((n) => n.kind === "agreement.submitted");
    expect(submitted.map((n) => n.userId).sort()).toEqual(bankStaff.map((u) => u.id).sort());
    const signed = notes.filter((n) => n.kind === "agreement.signed");
    expect(signed.map((n) => n.userId)).toEqual([a.studentUserId]);
    expect(notes.every((n) => n.kind === "agreement.submitted" || n.kind === "agreement.signed")).toBe(true);
    expect(await prisma.outboxEmail.count({ where: { dedupeKey: { startsWith: `${a.agreementId}:` } } })).toBe(notes.length);
  });
});

describe("inbox", () => {
  it("counts, lists and marks only the signed-in user's own notifications", async () => {
    const [a, b] = await makePendingConfirm(prisma, 2);
    const mine = a.studentUserId;
    const theirs = b.studentUserId;
    const unread = await unreadCount(mine);
    expect(unread).toBeGreaterThan(0);
    const page = await listNotifications(mine);
    expect(page.total).toBe(unread);
    expect(page.rows.every((r) => r.readAt === null)).toBe(true);

    const other = (await listNotifications(theirs)).rows[0];
    await expect(markRead(mine, other.id)).rejects.toBeInstanceOf(AppError);
    expect(await unreadCount(theirs)).toBeGreaterThan(0);

    const { link } = await markRead(mine, page.rows[0].id);
    expect(link.startsWith("/")).toBe(true);
    expect(await unreadCount(mine)).toBe(unread - 1);
    expect(await markAllRead(mine)).toEqual({ marked: unread - 1 });
    expect(await unreadCount(mine)).toBe(0);
    expect((await listNotifications(mine, { unreadOnly: true })).total).toBe(0);
    expect(await unreadCount(theirs)).toBeGreaterThan(0);
  });
});

describe("outbox", () => {
  beforeAll(async () => {
    await makePendingConfirm(prisma, 2);
  });

  it("sends through the transport, records failures and retries them a bounded number of times", async () => {
    const pending = await prisma.outboxEmail.count({ where: { status: "PENDING" } });
    expect(pending).toBeGreaterThan(1);
    const failing = await prisma.outboxEmail.findFirstOrThrow({ where: { status: "PENDING" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const sent: { to: string; subject: string }[] = [];
    const transport = {
      sendMail: jest.fn(async (mail: { to: string; subject: string }) => {
        if (mail.to === failing.to && mail.subject === failing.subject) throw new Error("550 mailbox unavailable");
        sent.push(mail);
        return {};
      }),
    };
    const first = await drainOutbox({ transport: transport as never, batch: 1000, from: "网签 <noreply@test.example>" });
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect(first.sent + first.failed).toBe(pending);
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failing.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, error: "550 mailbox unavailable" });
    expect(await prisma.outboxEmail.count({ where: { status: "SENT", sentAt: { not: null } } })).toBe(first.sent);

    // concurrent drainers never send one mail twice; the failure is retried until MAX_ATTEMPTS
    for (let i = 1; i < MAX_ATTEMPTS + 2; i++) await Promise.all([drainOutbox({ transport: transport as never }), drainOutbox({ transport: transport as never })]);
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failing.id } })).attempts).toBe(MAX_ATTEMPTS);
    const distinctSent = await prisma.outboxEmail.count({ where: { status: "SENT" } });
    expect(sent.length).toBe(distinctSent);
  });

  it("keeps new mails for the office when no SMTP server is configured, and lists them", async () => {
    await makePendingConfirm(prisma, 1);
    const pending = await prisma.outboxEmail.count({ where: { status: "PENDING" } });
    expect(pending).toBeGreaterThan(0);
    expect(await drainOutbox({ transport: null })).toEqual({ sent: 0, failed: 0, kept: pending });
    const counts = await outboxCounts();
    expect(counts.PENDING).toBe(0);
    expect(counts.KEPT).toBe(pending);
    const kept = await listOutbox({ status: "KEPT" });
    expect(kept.total).toBe(pending);
    expect(kept.rows.every((r) => r.status === "KEPT")).toBe(true);
  });
});

describe("job events", () => {
  it("never fails the person's request when Inngest is unreachable", async () => {
    const saved = process.env.INNGEST_DEV;
    process.env.INNGEST_DEV = "http://127.0.0.1:9"; // nothing listens on the discard port
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const record = { action: "sign", agreementId: "ag", version: 3, autoConfirmAt: new Date() };
      await expect(afterTransitionCommitted([record as never])).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("定时扫描兜底"));
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.INNGEST_DEV;
      else process.env.INNGEST_DEV = saved;
    }
  });
});
