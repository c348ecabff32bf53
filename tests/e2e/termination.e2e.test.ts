// 解约 and 签约邀请 (#14) through the pages, in a real Chromium, against the production build:
// 1. a student-started 解约 (with the 解约函) agreed by the unit, approved by the 学院 and the
//    就业处 (the office's setting), then a new agreement with a second unit under a new
//    协议书号 that records the old one; /verify says the old copies are void;
// 2. a unit-started 解约 refused by the student, with a reason;
// 3-6. invitations to one graduate: one lapses (the scheduled job), one is declined, one is
//    withdrawn and resent, and the resent one is accepted (to the 学院's review).
// The student's pages at 375 px. Prints PROOF termination journeys=<n> failures=<m>.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hash } from "bcryptjs";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import { createPrisma, type Db } from "@/lib/db/client";
import { verificationCode } from "@/lib/pdf/verify-code";
import { makeIdNumber } from "@/lib/validation/id-card";
import { actorFor, agreementAt } from "@/prisma/demo-agreements";
import { reviewedGraduate } from "../fixtures/graduate";
import { ARTIFACTS, DEMO_PASSWORD, HttpSession, launchBrowser, withScreenshot } from "./helpers";
import { STEP_TIMEOUT, clickText, fill, horizontalOverflow, open, personPage, studentSubmits, waitForText } from "./ui";

let browser: Browser;
let prisma: Db;
const dir = path.join(ARTIFACTS, "termination");
let journeys = 0;
const failures: string[] = [];
const PHONE = { width: 375, height: 800 };
// the verification code printed on a copy is keyed with what tests/e2e/server.ts gives the app
process.env.AUTH_SECRET ??= "e2e-secret-0123456789abcdef0123456789";

async function graduate(studentNo: string, name: string) {
  const college = await prisma.college.findUniqueOrThrow({ where: { code: "01" }, include: { majors: true } });
  const user = await prisma.user.create({ data: { username: studentNo, passwordHash: await hash(DEMO_PASSWORD, 4), role: "STUDENT", name, email: `${studentNo}@example.com` } });
  await prisma.student.create({
    data: reviewedGraduate({
      userId: user.id,
      studentNo,
      name,
      gender: "MALE",
      collegeId: college.id,
      majorId: college.majors[0].id,
      idNumber: makeIdNumber("230103", new Date(Date.UTC(2004, 4, 1 + (Number(studentNo.slice(-2)) % 28))), 300 + Number(studentNo.slice(-2)), "MALE"),
    }),
  });
  return actorFor(prisma, studentNo);
}

async function approvedAgreement(student: Awaited<ReturnType<typeof actorFor>>, unit: string) {
  const [employer, counselor] = await Promise.all([actorFor(prisma, unit), actorFor(prisma, "fdy01")]);
  return agreementAt(prisma, "APPROVED", { student, employer, counselor });
}

/** One journey: counted, and on failure kept with a screenshot, never hiding the error. */
async function journey(name: string, page: () => Page, run: () => Promise<void>) {
  journeys++;
  try {
    await withScreenshot(page(), `termination-${name}`, run);
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message.slice(0, 300)}`);
    throw error;
  }
}

async function shot(page: Page, name: string) {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  const overflow = await horizontalOverflow(page);
  if (overflow > 1) failures.push(`${name}: ${overflow}px horizontal overflow`);
}

async function setOfficeReview(page: Page, on: boolean) {
  await open(page, "/office/settings/termination");
  const box = (await page.waitForSelector('input[name="terminationOfficeReview"]', { timeout: STEP_TIMEOUT })) as ElementHandle<HTMLInputElement>;
  if ((await box.evaluate((b) => b.checked)) !== on) await box.click();
  await clickText(page, "保存设置");
  await waitForText(page, "已保存解约与签约邀请设置");
}

let office: Page;

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  browser = await launchBrowser();
  office = await personPage(browser, "jyc01");
}, 120_000);

afterAll(async () => {
  if (failures.length) console.error(`[termination] failures:\n${failures.join("\n")}`);
  console.log(`PROOF termination journeys=${journeys} failures=${failures.length}`);
  await browser?.close();
  await prisma?.$disconnect();
});

describe("解约 through the pages", () => {
  it("a student-started 解约: agreed by the unit, approved by the 学院 and the 就业处, then a new agreement with a second unit", async () => {
    const s = await graduate("2099140101", "解约甲");
    const first = await approvedAgreement(s, "hr@demo-soft.example");
    const old = await prisma.agreement.findUniqueOrThrow({ where: { id: first.agreementId } });
    const student = await personPage(browser, "2099140101", PHONE);
    const unit = await personPage(browser, "hr@demo-soft.example");
    const counselor = await personPage(browser, "fdy01");
    await journey("student-started", () => student, async () => {
      await setOfficeReview(office, true);
      // the student asks, with the 解约函 (a PDF)
      await open(student, "/student/termination");
      await waitForText(student, "本协议目前没有进行中的解约申请");
      await fill(student, "textarea[name=reason]", "考取研究生，申请解约");
      mkdirSync(dir, { recursive: true });
      const letter = path.join(dir, "letter.pdf");
      writeFileSync(letter, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
      const input = (await student.waitForSelector("input[type=file][name=file]", { timeout: STEP_TIMEOUT })) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(letter);
      await clickText(student, "申请解约", "form button[type=submit]");
      await waitForText(student, "解约办理中：待对方答复");
      await shot(student, "student-termination-375");

      // the unit agrees (it sees the reason and the letter)
      await open(unit, "/employer/termination");
      await waitForText(unit, "解约甲");
      await open(unit, `/employer/termination/${first.agreementId}`);
      await waitForText(unit, "考取研究生，申请解约");
      await waitForText(unit, "letter.pdf");
      await shot(unit, "unit-termination-desktop");
      await clickText(unit, "同意解约", "button", true);
      await waitForText(unit, "待学院审核");

      // the 学院 agrees and, as the office asks, sends it on
      await open(counselor, "/counselor/termination");
      await waitForText(counselor, "解约甲");
      await shot(counselor, "counselor-termination-list-desktop");
      await open(counselor, `/counselor/termination/${first.agreementId}`);
      await clickText(counselor, "同意解约（报就业处审核）");
      await waitForText(counselor, "待就业处审核");

      // the 就业处 approves: the agreement is cancelled
      await open(office, `/office/termination/${first.agreementId}`);
      await clickText(office, "同意解约", "button", true);
      await waitForText(office, "本协议已于");
      const cancelled = await prisma.agreement.findUniqueOrThrow({ where: { id: first.agreementId } });
      if (cancelled.status !== "CANCELLED") throw new Error(`status ${cancelled.status}`);

      // /verify: every printed copy of the old agreement is void
      const verify = await new HttpSession().fetch(`/verify?c=${encodeURIComponent(verificationCode(old.id, old.agreementNo!, old.approvals))}`);
      const html = await verify.text();
      if (!html.includes("协议已解约")) throw new Error("/verify does not say the agreement was cancelled");

      // a new agreement with a second unit: a new 协议书号 that records the old one
      await studentSubmits(student, "龙江商业银行", "jieyue@example.com");
      await waitForText(student, `原就业协议（协议书号 ${old.agreementNo}）已解约`);
      const next = await prisma.agreement.findFirstOrThrow({ where: { studentId: old.studentId, status: "PENDING_EMPLOYER" } });
      if (next.previousAgreementNo !== old.agreementNo || next.agreementNo === old.agreementNo) throw new Error(`new ${next.agreementNo} records ${next.previousAgreementNo}`);
      // old → new for the 学院 and the office
      await open(counselor, `/counselor/termination/${first.agreementId}`);
      await waitForText(counselor, `${old.agreementNo} → ${next.agreementNo}`);
      await open(office, "/office/agreements?f=all");
      await waitForText(office, `原协议 ${old.agreementNo} 已解约`);
      await setOfficeReview(office, false);
    });
  });

  it("a unit-started 解约 refused by the student", async () => {
    const s = await graduate("2099140102", "解约乙");
    const a = await approvedAgreement(s, "hr@demo-soft.example");
    const unit = await personPage(browser, "hr@demo-soft.example", PHONE);
    const student = await personPage(browser, "2099140102", PHONE);
    await journey("unit-started-refused", () => student, async () => {
      await open(unit, `/employer/signed/${a.agreementId}`);
      await unit.waitForSelector(`a[href="/employer/termination/${a.agreementId}"]`, { timeout: STEP_TIMEOUT });
      await open(unit, `/employer/termination/${a.agreementId}`);
      await fill(unit, "textarea[name=reason]", "岗位调整，拟解除协议");
      await clickText(unit, "发起解约", "form button[type=submit]");
      await waitForText(unit, "解约办理中：待对方答复");
      await shot(unit, "unit-start-termination-375");

      await open(student, "/student/termination");
      await waitForText(student, "岗位调整，拟解除协议");
      await clickText(student, "不同意解约", "button", true);
      await student.waitForSelector("dialog[open] textarea", { timeout: STEP_TIMEOUT });
      await student.type("dialog[open] textarea", "已办理入职，不同意解约");
      await clickText(student, "确定不同意解约", "dialog[open] button");
      await waitForText(student, "本协议目前没有进行中的解约申请");
      await waitForText(student, "已办理入职，不同意解约");
      const after = await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } });
      if (after.status !== "APPROVED" || after.terminationStatus !== null) throw new Error(`after refusal: ${after.status} ${after.terminationStatus}`);
    });
  });
});

describe("签约邀请 through the pages", () => {
  let student: Page;
  let s: Awaited<ReturnType<typeof actorFor>>;
  const units: Record<string, Page> = {};

  async function invite(unitLogin: string, salary: string) {
    const page = (units[unitLogin] ??= await personPage(browser, unitLogin));
    await open(page, "/employer/invitations/new");
    await fill(page, "#studentNo", "2099140103");
    await fill(page, "#studentName", "邀请丙");
    await fill(page, "#position", "软件开发工程师");
    await fill(page, "#workplace", "黑龙江省哈尔滨市");
    await fill(page, "#salary", salary);
    await clickText(page, "发出签约邀请", "form button[type=submit]");
    await waitForText(page, "签约邀请已发出");
    return page;
  }

  beforeAll(async () => {
    s = await graduate("2099140103", "邀请丙");
    student = await personPage(browser, "2099140103", PHONE);
  }, 120_000);

  it("one lapses (the scheduled job)", async () => {
    await journey("invitation-lapsed", () => student, async () => {
      const page = await invite("hr@demo-research.example", "面议");
      await prisma.$executeRaw`UPDATE "Agreement" SET "invitationAnswerBy" = now() - interval '1 minute' WHERE "studentId" = (SELECT id FROM "Student" WHERE "studentNo" = '2099140103') AND status = 'INVITED'`;
      const { runJobsOnce } = await import("@/jobs/in-process");
      const { JOBS } = await import("@/jobs/list");
      await runJobsOnce(JOBS.filter((j) => j.id === "lapse-invitations"));
      await open(page, "/employer/invitations");
      await waitForText(page, "邀请已失效");
      await open(student, "/student/invitations");
      await waitForText(student, "邀请已失效");
    });
  });

  it("one is declined", async () => {
    await journey("invitation-declined", () => student, async () => {
      const page = await invite("hr@demo-soft.example", "税前月薪 8000 元");
      await open(student, "/student/invitations");
      await waitForText(student, "税前月薪 8000 元");
      await shot(student, "student-invitations-375");
      await clickText(student, "拒绝邀请", "button", true);
      await student.waitForSelector("dialog[open] textarea", { timeout: STEP_TIMEOUT });
      await student.type("dialog[open] textarea", "已有其他意向单位");
      await clickText(student, "确定拒绝邀请", "dialog[open] button");
      await waitForText(student, "已拒绝邀请");
      await open(page, "/employer/invitations");
      await waitForText(page, "拒绝理由：已有其他意向单位");
    });
  });

  it("one is withdrawn and resent, and the resent one is accepted: to the 学院's review", async () => {
    await journey("invitation-withdrawn-resent-accepted", () => student, async () => {
      const page = await invite("hr@demo-bank.example", "税前月薪 9000 元");
      await open(page, "/employer/invitations");
      await clickText(page, "撤回邀请");
      await waitForText(page, "单位已撤回邀请");
      await clickText(page, "修改后重新发送", "a");
      await page.waitForSelector("#salary", { timeout: STEP_TIMEOUT });
      await fill(page, "#salary", "税前月薪 10000 元");
      await clickText(page, "发出签约邀请", "form button[type=submit]");
      await waitForText(page, "签约邀请已发出");
      await shot(page, "unit-invitations-desktop");

      await open(student, "/student/invitations");
      await waitForText(student, "税前月薪 10000 元");
      await fill(student, "#studentPhone", "13812345679");
      await fill(student, "#studentEmail", "yaoqing@example.com");
      await clickText(student, "应约", "form button[type=submit]", true);
      await student.waitForFunction(() => location.pathname === "/student/agreement", { timeout: STEP_TIMEOUT });
      await waitForText(student, "已确认，等待学院审核");
      await waitForText(student, "薪酬：税前月薪 10000 元");
      const live = await prisma.agreement.findFirstOrThrow({ where: { studentId: (await prisma.student.findUniqueOrThrow({ where: { studentNo: "2099140103" } })).id, status: "PENDING_COLLEGE_REVIEW" } });
      if (!live.agreementNo || live.employerId !== (await prisma.user.findUniqueOrThrow({ where: { username: "hr@demo-bank.example" } })).employerId) throw new Error("the accepted invitation is not the bank's agreement");
      await shot(student, "student-after-accept-375");
      void s;
    });
  });
});
