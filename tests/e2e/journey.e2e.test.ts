// The whole journey through the pages in a real Chromium, as the demo people: student fills
// and submits → unit signs → student confirms → counselor approves → student prints →
// counselor files. And the other paths: return + switch unit, take back + re-sign, batch
// signing, counselor return. Every page of the journey is checked with axe-core, and the
// student's pages at a phone viewport.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { createPrisma, type Db } from "@/lib/db/client";
import { saveDraft, submitAgreement } from "@/lib/workflow";
import { ARTIFACTS, baseUrl, launchBrowser, withScreenshot } from "./helpers";
import { clickText, fill, horizontalOverflow, open, personPage, seriousA11yViolations, studentSubmits, waitForText } from "./ui";

let browser: Browser;
let prisma: Db;
const a11y: Record<string, string[]> = {};

async function audit(page: Page, label: string) {
  a11y[label] = await seriousA11yViolations(page);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  prisma = createPrisma(process.env.DATABASE_URL!, 3);
});

afterAll(async () => {
  await browser?.close();
  await prisma?.$disconnect();
});

/** The first finished download in `dir` whose name matches. */
async function waitForFile(dir: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const done = existsSync(dir) ? readdirSync(dir).find((f) => pattern.test(f)) : undefined;
    if (done && statSync(path.join(dir, done)).size > 0) return path.join(dir, done);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no download matching ${pattern} in ${dir}`);
}

async function statusOf(studentNo: string) {
  return prisma.agreement.findFirst({ where: { student: { studentNo }, status: { not: "CANCELLED" } }, include: { employer: true } });
}

/** Finds the student's row in a list through the list's own search box, then opens it. */
async function openRow(page: Page, listPath: string, studentNo: string, linkText: string) {
  await open(page, listPath);
  await fill(page, "#list-q", studentNo);
  await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.keyboard.press("Enter")]);
  await waitForText(page, studentNo);
  await clickText(page, linkText);
}

describe("the whole journey through the pages", () => {
  it("submit → sign → confirm → approve → print (6 pages) → file", async () => {
    const student = await personPage(browser, "2022010101");
    await withScreenshot(student, "journey-student-submit", async () => {
      await open(student, "/student/agreement");
      await audit(student, "student 我的签约 (empty)");
      await studentSubmits(student, "数智");
      await audit(student, "student 我的签约 (submitted)");
    });
    const submitted = await statusOf("2022010101");
    expect(submitted).toMatchObject({ status: "PENDING_EMPLOYER" });
    expect(submitted!.agreementNo).toMatch(/^\d{4}-\d{6}$/);

    const unit = await personPage(browser, "hr@demo-soft.example");
    await withScreenshot(unit, "journey-unit-sign", async () => {
      await open(unit, "/employer/pending");
      await audit(unit, "employer 待签约信息");
      await openRow(unit, "/employer/pending", "2022010101", "办理");
      await waitForText(unit, "用人单位情况及意见");
      // the student's 身份证号 is masked for the unit
      expect(await unit.evaluate(() => document.body.innerText)).toMatch(/\d{3}\*{13}[\dX]{2}/);
      await audit(unit, "employer 办理");
      await fill(unit, "#unitContactName", "赵敏");
      await clickText(unit, "确定签约");
      await waitForText(unit, "已确定签约");
      await audit(unit, "employer 已签约信息");
    });
    expect(await statusOf("2022010101")).toMatchObject({ status: "PENDING_STUDENT_CONFIRM" });

    await withScreenshot(student, "journey-student-confirm", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "复核确认");
      await waitForText(student, "自动确认");
      await audit(student, "student 复核确认");
      await clickText(student, "确定签约信息");
      await waitForText(student, "等待学院审核");
    });
    expect(await statusOf("2022010101")).toMatchObject({ status: "PENDING_COLLEGE_REVIEW" });

    const counselor = await personPage(browser, "fdy01");
    await withScreenshot(counselor, "journey-counselor-approve", async () => {
      await open(counselor, "/counselor/review");
      await audit(counselor, "counselor 网上签约审核");
      await openRow(counselor, "/counselor/review", "2022010101", "查看/处理");
      await waitForText(counselor, "学校意见");
      await fill(counselor, "#schoolContact", "王老师");
      await fill(counselor, "#schoolPhone", "0451-86412345");
      await fill(counselor, "#schoolPostalCode", "150001");
      await fill(counselor, "#schoolMailAddress", "黑龙江省哈尔滨市南岗区西大直街92号");
      await audit(counselor, "counselor 查看/处理");
      await clickText(counselor, "通过", "button", true);
      await waitForText(counselor, "审核通过（可打印）");
    });
    const approved = await statusOf("2022010101");
    expect(approved).toMatchObject({ status: "APPROVED", schoolContact: "王老师" });

    await withScreenshot(student, "journey-student-print", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "双面打印，一式三份，不要打印多份");
      await audit(student, "student 打印");
      // the PDF downloads as a file, as it does for the student
      const downloads = path.join(ARTIFACTS, "downloads");
      rmSync(downloads, { recursive: true, force: true });
      mkdirSync(downloads, { recursive: true });
      const cdp = await student.createCDPSession();
      await cdp.send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
      await clickText(student, "打印", "button", true);
      await waitForText(student, "协议书 PDF 已下载");
      const file = await waitForFile(downloads, /\.pdf$/);
      expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/Pages:\s+6\b/);
      const printed = execFileSync("pdftotext", [file, "-"]).toString();
      expect(printed).toContain(approved!.agreementNo!);
      // without APP_URL the verification address is the one the student's browser used, not localhost
      expect(printed.replace(/\s+/g, "")).toContain(`${baseUrl()}/verify`);
      await waitForText(student, "打印记录");
    });
    expect(await prisma.printRecord.count({ where: { agreementId: approved!.id } })).toBe(1);

    await withScreenshot(counselor, "journey-counselor-file", async () => {
      await open(counselor, `/counselor/filing?q=${approved!.agreementNo}`);
      await audit(counselor, "counselor 网上签约备案");
      await clickText(counselor, "备案", "button", true);
      await waitForText(counselor, "已备案");
    });
    expect(await statusOf("2022010101")).toMatchObject({ status: "FILED" });
    const events = await prisma.agreementEvent.findMany({ where: { agreementId: approved!.id }, orderBy: { version: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["saveDraft", "submit", "sign", "confirm", "approve", "file"]);
  });
});

describe("the other paths", () => {
  it("the unit returns with a reason and the student switches to another unit", async () => {
    const student = await personPage(browser, "2022010102");
    await withScreenshot(student, "return-switch", async () => {
      await studentSubmits(student, "数智");
      const unit = await personPage(browser, "hr@demo-soft.example");
      await openRow(unit, "/employer/pending", "2022010102", "办理");
      await clickText(unit, "退回/拒绝签约");
      await unit.waitForSelector("dialog[open] textarea");
      await unit.type("dialog[open] textarea", "该岗位已招满");
      await clickText(unit, "确定", "dialog[open] button[type=submit]");
      await unit.waitForFunction(() => location.pathname === "/employer/pending");
      await open(student, "/student/agreement");
      await waitForText(student, "该岗位已招满");
      await studentSubmits(student, "龙江商业银行");
    });
    expect(await statusOf("2022010102")).toMatchObject({ status: "PENDING_EMPLOYER", employer: { email: "hr@demo-bank.example" } });
  });

  it("the unit takes back and re-signs before the student confirms", async () => {
    const unit = await personPage(browser, "hr@demo-bank.example");
    await withScreenshot(unit, "take-back", async () => {
      await openRow(unit, "/employer/pending", "2022010102", "办理");
      await clickText(unit, "确定签约");
      await waitForText(unit, "已确定签约");
      await openRow(unit, "/employer/signed", "2022010102", "查看/处理");
      await clickText(unit, "拿回重签");
      await unit.waitForFunction(() => location.pathname.startsWith("/employer/pending/"));
      await waitForText(unit, "用人单位情况及意见");
      await fill(unit, "#unitDepartment", "人力资源部");
      await clickText(unit, "确定签约");
      await waitForText(unit, "已确定签约");
    });
    const a = await statusOf("2022010102");
    expect(a).toMatchObject({ status: "PENDING_STUDENT_CONFIRM", unitDepartment: "人力资源部" });
    const actions = (await prisma.agreementEvent.findMany({ where: { agreementId: a!.id }, orderBy: { version: "asc" } })).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(["sign", "takeBack", "sign"]);
  });

  it("batch signing of several, with the outcome of each", async () => {
    // three more graduates submit to a unit no other test uses (through the services: the UI path is covered above)
    const students = await prisma.user.findMany({
      where: { role: "STUDENT", student: { sourceStatus: "APPROVED", agreements: { none: {} } } },
      take: 3,
      orderBy: { username: "asc" },
    });
    const bank = await prisma.employer.findFirstOrThrow({ where: { email: "hr@demo-cloud.example" } });
    for (const u of students) {
      const actor = { userId: u.id, role: u.role, name: u.name, collegeId: null, employerId: null };
      const d = await saveDraft(actor, { employerId: bank.id, studentPhone: "13900000000", studentEmail: "s@example.com", studentOpinion: "同意" }, undefined);
      await submitAgreement(actor, { agreementId: d.agreementId, version: d.version });
    }
    const unit = await personPage(browser, "hr@demo-cloud.example");
    await withScreenshot(unit, "batch-sign", async () => {
      await open(unit, "/employer/pending");
      for (const u of students) await unit.click(`input[aria-label="选择 ${u.name}"]`);
      await clickText(unit, "批量签约");
      await waitForText(unit, "批量签约完成：成功 3 份");
    });
    const signed = await prisma.agreement.count({ where: { studentId: { in: (await prisma.student.findMany({ where: { userId: { in: students.map((s) => s.id) } } })).map((s) => s.id) }, status: "PENDING_STUDENT_CONFIRM" } });
    expect(signed).toBe(3);
  });

  it("the counselor returns with a reason", async () => {
    const student = await personPage(browser, "2022010102");
    await open(student, "/student/agreement");
    await clickText(student, "确定签约信息");
    await waitForText(student, "等待学院审核");
    const counselor = await personPage(browser, "fdy01");
    await withScreenshot(counselor, "counselor-return", async () => {
      await openRow(counselor, "/counselor/review", "2022010102", "查看/处理");
      await clickText(counselor, "退回", "section button");
      await counselor.waitForSelector("dialog[open] textarea");
      await counselor.type("dialog[open] textarea", "请补充本人意见");
      await clickText(counselor, "确定退回", "dialog[open] button");
      await waitForText(counselor, "退回成功"); // the button's own answer (the history already says 已退回 from the unit's return)
    });
    await open(student, "/student/agreement");
    await waitForText(student, "请补充本人意见");
    expect(await statusOf("2022010102")).toMatchObject({ status: "RETURNED", returnedByRole: "COUNSELOR" });
  });
});

describe("student pages on a phone (375×812)", () => {
  it("no horizontal scrolling, every action reachable", async () => {
    const phone = await personPage(browser, "2022010102", { width: 375, height: 812 });
    await withScreenshot(phone, "phone", async () => {
      for (const path of ["/student", "/student/agreement"]) {
        await open(phone, path);
        expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
        await audit(phone, `phone ${path}`);
      }
      // the returned agreement can be edited and resubmitted from the phone
      await clickText(phone, "确定", "form button[type=submit]");
      await waitForText(phone, "签约信息已保存");
      await clickText(phone, "正式提交");
      await waitForText(phone, "已提交给用人单位");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    });
  });
});

describe("accessibility (axe-core)", () => {
  it("no serious or critical violations on any page of the journey", () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(10);
    const problems = Object.entries(a11y).filter(([, v]) => v.length > 0);
    expect(problems).toEqual([]);
  });
});
