// Every e-mail carries the direct link to the page where its reader acts, on the one public
// address (APP_URL): written by the workflow's own statements, sent through a real SMTP
// server on loopback (nodemailer's smtp-server), and read back from the raw message.
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/lib/db/client";
import { drainOutbox } from "@/lib/notifications/outbox";
import { agreementAt, demoWorld, signableStudents } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
let server: SMTPServer;
let port: number;
const received: string[] = [];
const APP_URL = "https://wangqian.example.edu.cn";

/** The text part of a raw message, decoded (nodemailer picks quoted-printable or base64). */
function textOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

beforeAll(async () => {
  prisma = await getTestPrisma();
  await demoWorld(prisma);
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  delete process.env.APP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("with APP_URL, each step's e-mail links to the page where its reader acts, and arrives so over SMTP", async () => {
  process.env.APP_URL = `${APP_URL}/`; // a trailing slash is not doubled
  const [student] = await signableStudents(prisma);
  const employer = await prisma.user.findUniqueOrThrow({ where: { username: "hr@demo-soft.example" } });
  const counselor = await prisma.user.findFirstOrThrow({ where: { role: "COUNSELOR", collegeId: student.collegeId ?? undefined } });
  const actor = (u: typeof employer) => ({ userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId });
  const before = new Date();
  const r = await agreementAt(prisma, "APPROVED", { student, employer: actor(employer), counselor: actor(counselor) }, "grad@example.com");
  const mails = await prisma.outboxEmail.findMany({ where: { createdAt: { gte: before } }, orderBy: { createdAt: "asc" } });
  const notes = await prisma.notification.findMany({ where: { agreementId: r.agreementId }, orderBy: { createdAt: "asc" } });
  expect(mails.length).toBeGreaterThanOrEqual(3);
  // the unit's mail opens the agreement to sign; the student's the agreement page; the 学院's its review
  expect(mails.some((m) => m.text.includes(`请点击以下链接办理：\n${APP_URL}/employer/pending/${r.agreementId}`))).toBe(true);
  expect(mails.some((m) => m.text.endsWith(`${APP_URL}/student/agreement`))).toBe(true);
  expect(mails.some((m) => m.text.includes(`${APP_URL}/counselor/review/${r.agreementId}`))).toBe(true);
  for (const n of notes) expect(mails.some((m) => m.text.includes(`${APP_URL}${n.link}`))).toBe(true);
  for (const m of mails) expect(m.text).not.toContain(`${APP_URL}//`);

  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  const result = await drainOutbox({ transport });
  expect(result.failed).toBe(0);
  expect(result.sent).toBeGreaterThanOrEqual(mails.length);
  const texts = received.map(textOf);
  expect(texts.some((t) => t.includes(`${APP_URL}/employer/pending/${r.agreementId}`))).toBe(true);
  expect(received.some((raw) => /^Subject: /m.test(raw))).toBe(true);
}, 60_000);

it("without APP_URL and outside a request, a mail names the page and the system instead of a wrong address", async () => {
  delete process.env.APP_URL;
  delete process.env.AUTH_URL;
  const [, student] = await signableStudents(prisma);
  const employer = await prisma.user.findUniqueOrThrow({ where: { username: "hr@demo-soft.example" } });
  const counselor = await prisma.user.findFirstOrThrow({ where: { role: "COUNSELOR", collegeId: student.collegeId ?? undefined } });
  const actor = (u: typeof employer) => ({ userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId });
  const before = new Date();
  const r = await agreementAt(prisma, "PENDING_EMPLOYER", { student, employer: actor(employer), counselor: actor(counselor) });
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { createdAt: { gte: before }, text: { contains: r.agreementId } } });
  expect(mail.text).toContain(`请登录就业协议书网上签约系统办理（页面：/employer/pending/${r.agreementId}）`);
  expect(mail.text).not.toMatch(/https?:\/\//);
});
