// Paperless agreements through the pages, in a real Chromium, against the production build:
// - 电子协议: the office sets the year to 电子协议; a unit changes its seal and the office
//   approves it; the student submits, the unit signs, the student confirms, the 学院 approves,
//   the office attests (鉴证); student and unit download the same signed original, whose seals
//   sit in their boxes; /verify accepts it and refuses it with one byte changed.
// - 纸质: the office requires the 回传; the counselor cannot file before it; the student
//   prints, uploads the photo of the stamped agreement; the counselor sees it and files.
// Every issued PDF is checked with poppler's pdfsig; the app server renders through the
// Chromium shipped in node_modules (WQ_CHROMIUM=npm, set by the e2e global setup), which is
// checked among the server's processes. Prints PROOF esign signed=<n> failures=<m>.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "bcryptjs";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import { createPrisma, type Db } from "@/lib/db/client";
import { VERIFY_UPLOADS_PER_CLIENT } from "@/lib/auth/throttle";
import { formatDateTimeSeconds } from "@/lib/format";
import { formatActTime } from "@/lib/printing/signing-record";
import { demoSealPng } from "@/lib/seals/demo-seal";
import { makeIdNumber } from "@/lib/validation/id-card";
import { actorFor, agreementAt } from "@/prisma/demo-agreements";
import { reviewedGraduate } from "../fixtures/graduate";
import { redInStampBoxes, signedWhole } from "../helpers/pdf-checks";
import { ARTIFACTS, DEMO_PASSWORD, HttpSession, launchBrowser, withScreenshot } from "./helpers";
import { STATE_FILE } from "./global-setup";
import { STEP_TIMEOUT, clickText, fill, horizontalOverflow, open, personPage, studentSubmits, waitForText } from "./ui";

let browser: Browser;
let prisma: Db;
const dir = path.join(ARTIFACTS, "paperless");
let signed = 0;
const failures: string[] = [];

/** One issued PDF, checked as anyone would: signature valid and whole, broken by one byte, /verify's answer. */
async function checkIssued(bytes: Uint8Array, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  signed++;
  if (!signedWhole(file)) failures.push(`${name}: pdfsig does not say valid and whole-document`);
  const flipped = new Uint8Array(bytes);
  flipped[Math.floor(bytes.length / 2)] ^= 0x01;
  writeFileSync(path.join(dir, `${name}-flipped.pdf`), flipped);
  if (signedWhole(path.join(dir, `${name}-flipped.pdf`))) failures.push(`${name}: still valid after a flipped byte`);
  const verdict = await verifyOverHttp(bytes);
  if (verdict.check !== "VALID") failures.push(`${name}: /verify said ${verdict.check}`);
  const tampered = await verifyOverHttp(flipped);
  if (tampered.check !== "SIGNATURE_INVALID") failures.push(`${name}: /verify said ${tampered.check} for the flipped file`);
}

function verifyUpload(bytes: Uint8Array, client = new HttpSession()): Promise<Response> {
  const body = new FormData();
  body.set("file", new Blob([Buffer.from(bytes)], { type: "application/pdf" }), "agreement.pdf");
  return client.fetch("/api/verify", { method: "POST", body });
}

async function verifyOverHttp(bytes: Uint8Array): Promise<{ check: string; message: string }> {
  return (await (await verifyUpload(bytes)).json()) as { check: string; message: string };
}

/** A graduate of `year` (审核完成) who signs in with the demo password. */
async function graduateOf(year: number, studentNo: string, name: string) {
  const college = await prisma.college.findUniqueOrThrow({ where: { code: "01" }, include: { majors: true } });
  const user = await prisma.user.create({ data: { username: studentNo, passwordHash: await hash(DEMO_PASSWORD, 4), role: "STUDENT", name } });
  await prisma.student.create({
    data: {
      ...reviewedGraduate({
        userId: user.id,
        studentNo,
        name,
        gender: "FEMALE",
        collegeId: college.id,
        majorId: college.majors[0].id,
        idNumber: makeIdNumber("230103", new Date(Date.UTC(2004, 2, 1 + (year % 28))), Number(studentNo.slice(-3)) + (year % 100), "FEMALE"),
      }),
      graduationYear: year,
      graduationMonth: `${year}06`,
    },
  });
  return studentNo;
}

async function downloadsInto(page: Page, name: string): Promise<string> {
  const target = path.join(dir, `downloads-${name}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: target });
  return target;
}

async function waitForFile(target: string, pattern: RegExp, timeoutMs = 60_000): Promise<Uint8Array> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const done = existsSync(target) ? readdirSync(target).find((f) => pattern.test(f)) : undefined;
    if (done && statSync(path.join(target, done)).size > 0) return new Uint8Array(readFileSync(path.join(target, done)));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no download matching ${pattern} in ${target}`);
}

async function chooseFile(page: Page, selector: string, file: string) {
  const input = (await page.waitForSelector(selector, { timeout: STEP_TIMEOUT })) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

/** The executables of the app server's process tree. */
function serverExecutables(): string[] {
  const root = (JSON.parse(readFileSync(STATE_FILE, "utf8")) as { pid: number }).pid;
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const inTree = (pid: number) => {
    for (let p = pid, n = 0; p > 1 && n < 50; p = parent.get(p) ?? 0, n++) if (p === root) return true;
    return false;
  };
  const out: string[] = [];
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      out.push(readlinkSync(`/proc/${pid}/exe`));
    } catch {
      /* not ours to read, or gone */
    }
  }
  return out;
}

async function agreementOf(studentNo: string) {
  return prisma.agreement.findFirstOrThrow({ where: { student: { studentNo }, status: { not: "CANCELLED" } } });
}

/** The unit signs; `reportTitle`: whether the form has the 就业报到证抬头 field (the office's setting). */
async function unitSigns(page: Page, agreementId: string, reportTitle: boolean) {
  await open(page, `/employer/pending/${agreementId}`);
  await waitForText(page, "用人单位情况及意见");
  expect(await page.$("#unitReportTitle")).toEqual(reportTitle ? expect.anything() : null);
  await clickText(page, "确定签约");
  await waitForText(page, "已确定签约");
}

/** Whether a page's agreement sheet has the 就业报到证抬头 row. */
async function sheetHasReportTitle(page: Page): Promise<boolean> {
  return page.evaluate(() => [...document.querySelectorAll("table th, table td")].some((c) => (c as HTMLElement).innerText.trim() === "就业报到证抬头"));
}

async function counselorApproves(page: Page, agreementId: string) {
  await open(page, `/counselor/review/${agreementId}`);
  await waitForText(page, "学校意见");
  await fill(page, "#schoolContact", "王老师");
  await fill(page, "#schoolPhone", "0451-86412345");
  await fill(page, "#schoolPostalCode", "150001");
  await fill(page, "#schoolMailAddress", "黑龙江省哈尔滨市南岗区西大直街92号");
  await clickText(page, "通过", "button", true);
  await waitForText(page, "审核通过（可打印）");
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  browser = await launchBrowser();
  prisma = createPrisma(process.env.DATABASE_URL!, 3);
});

afterAll(async () => {
  // the e2e files after this one file paper agreements without a 回传
  await prisma?.setting.update({ where: { id: 1 }, data: { requireScanForFiling: false, showReportTitle: false } }).catch(() => undefined);
  await browser?.close();
  await prisma?.$disconnect();
  if (failures.length) console.error(`[esign] failures:\n  ${failures.join("\n  ")}`);
  console.log(`PROOF esign signed=${signed} failures=${failures.length}`);
});

/** Each party's own address and browser, so that the 签署记录 shows whose evidence is whose (no hyphens: pdftotext joins a word broken at one). */
const CLIENTS = {
  office: { ip: "203.0.113.41", userAgent: "Mozilla/5.0 (X11; Linux x86_64) WQe2eOffice/1.0" },
  unit: { ip: "203.0.113.42", userAgent: "Mozilla/5.0 (Windows NT 10.0) WQe2eUnit/1.0" },
  student: { ip: "203.0.113.43", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) WQe2eStudent/1.0" },
  counselor: { ip: "203.0.113.44", userAgent: "Mozilla/5.0 (Macintosh) WQe2eCounselor/1.0" },
};

describe("电子协议 from the student's start to the signed original", () => {
  const studentNo = "2028019001";

  it("the office sets 2028 届 to 电子协议; a unit's new seal is reviewed; every party signs; the office attests; the original is signed, sealed and verifiable", async () => {
    await graduateOf(2028, studentNo, "电子协议测试");
    const office = await personPage(browser, "jyc01", undefined, CLIENTS.office);
    await withScreenshot(office, "paperless-office-mode", async () => {
      await open(office, "/office/settings/paperless");
      await office.select("#mode-2028", "ELECTRONIC");
      await clickText(office, "保存", "button", true);
      await waitForText(office, "已保存签约方式");
    });
    expect((await prisma.graduationYearSetting.findUniqueOrThrow({ where: { graduationYear: 2028 } })).signingMode).toBe("ELECTRONIC");

    // the unit uploads a new seal (transparent PNG); the office approves it on the unit's page
    const sealFile = path.join(tmpdir(), `wq-e2e-seal-${process.pid}.png`);
    writeFileSync(sealFile, demoSealPng("unit", 360));
    const unit = await personPage(browser, "hr@demo-soft.example", undefined, CLIENTS.unit);
    const unitId = (await prisma.user.findUniqueOrThrow({ where: { username: "hr@demo-soft.example" } })).employerId!;
    await withScreenshot(unit, "paperless-unit-seal", async () => {
      await open(unit, "/employer/profile");
      await chooseFile(unit, 'input[type=file][name="seal"]', sealFile);
      await clickText(unit, "上传", "form button[type=submit]", true);
      await waitForText(unit, "已上传，等待就业处审核");
      await waitForText(unit, "待就业处审核");
    });
    const pending = await prisma.seal.findFirstOrThrow({ where: { employerId: unitId, status: "PENDING" } });
    await withScreenshot(office, "paperless-office-seal-review", async () => {
      await open(office, `/office/employers/${unitId}`);
      await waitForText(office, "单位电子印章");
      await clickText(office, "印章审核通过");
      await waitForText(office, "印章已审核通过");
    });
    expect((await prisma.employer.findUniqueOrThrow({ where: { id: unitId } })).sealId).toBe(pending.id);

    const student = await personPage(browser, studentNo, { width: 375, height: 900 }, CLIENTS.student);
    await withScreenshot(student, "paperless-student-submit", async () => studentSubmits(student, "数智", "e2e-paperless@example.com"));
    const submitted = await agreementOf(studentNo);
    expect(submitted.signingMode).toBe("ELECTRONIC");

    // the office keeps no 就业报到证抬头 (the default): neither the unit's form nor the sheet has it, although the unit's profile has one
    expect((await prisma.setting.findUniqueOrThrow({ where: { id: 1 } })).showReportTitle).toBe(false);
    expect((await prisma.employer.findUniqueOrThrow({ where: { id: unitId } })).reportTitle).toBeTruthy();
    await withScreenshot(unit, "paperless-unit-sign", async () => unitSigns(unit, submitted.id, false));
    await withScreenshot(student, "paperless-student-confirm", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "用人单位情况");
      expect(await sheetHasReportTitle(student)).toBe(false);
      await clickText(student, "确定签约信息");
      await waitForText(student, "等待学院审核");
    });
    const counselor = await personPage(browser, "fdy01", undefined, CLIENTS.counselor);
    await withScreenshot(counselor, "paperless-counselor-approve", async () => counselorApproves(counselor, submitted.id));

    // before 鉴证 there is nothing to download: the student is told so
    await withScreenshot(student, "paperless-student-waiting", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "等待学校毕业生就业主管部门鉴证");
    });
    await withScreenshot(office, "paperless-office-attest", async () => {
      await open(office, `/office/agreements/${submitted.id}`);
      await waitForText(office, "待学校就业主管部门鉴证");
      await clickText(office, "鉴证", "button", true);
      await waitForText(office, "已鉴证，电子协议原件已生效");
    });
    const attested = await agreementOf(studentNo);
    expect(attested.attestedAt).not.toBeNull();

    // the student downloads the original on a phone; the unit downloads the very same file
    const studentDownloads = await downloadsInto(student, "electronic-student");
    let original!: Uint8Array;
    await withScreenshot(student, "paperless-student-download", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "本协议为电子协议，无需打印、盖章、邮寄");
      expect(await horizontalOverflow(student)).toBeLessThanOrEqual(1);
      await clickText(student, "下载电子协议原件（PDF）");
      original = await waitForFile(studentDownloads, /电子原件\.pdf$/);
    });
    const unitDownloads = await downloadsInto(unit, "electronic-unit");
    let unitCopy!: Uint8Array;
    await withScreenshot(unit, "paperless-unit-download", async () => {
      await open(unit, `/employer/signed/${submitted.id}`);
      await clickText(unit, "下载电子协议原件（PDF）");
      unitCopy = await waitForFile(unitDownloads, /\.pdf$/);
    });
    expect(createHash("sha256").update(unitCopy).digest("hex")).toBe(createHash("sha256").update(original).digest("hex"));
    await checkIssued(original, "electronic-original");

    const file = path.join(dir, "electronic-original.pdf");
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Pages:\s+3$/m);
    const [unitBox, authorityBox, collegeBox, schoolBox] = redInStampBoxes(original, dir, "electronic-boxes");
    expect(unitBox).toBeGreaterThan(300);
    expect(collegeBox).toBeGreaterThan(300);
    expect(schoolBox).toBeGreaterThan(300);
    expect(authorityBox).toBe(0);
    const record = execFileSync("pdftotext", ["-f", "3", "-l", "3", file, "-"], { encoding: "utf8" });
    for (const act of ["签署记录", "正式提交", "确定签约", "复核确认", "学院审核通过", "鉴证"]) expect(record).toContain(act);
    // each act's evidence, as the audit trail holds it, is printed in the signed file (checked valid and whole above):
    // how the person signed in and when, the time of the act, the address and browser of that party, the content hash
    const flat = record.replace(/\s+/g, "");
    const acts = await prisma.agreementEvent.findMany({ where: { agreementId: submitted.id, action: { in: ["submit", "sign", "confirm", "approve", "attest"] } }, orderBy: { createdAt: "asc" } });
    expect(acts.map((e) => e.action)).toEqual(["submit", "sign", "confirm", "approve", "attest"]);
    const partyOf: Record<string, keyof typeof CLIENTS> = { submit: "student", sign: "unit", confirm: "student", approve: "counselor", attest: "office" };
    for (const e of acts) {
      const client = CLIENTS[partyOf[e.action]];
      expect({ action: e.action, method: e.actorAuthMethod, ip: e.actorIp, userAgent: e.actorUserAgent }).toEqual({ action: e.action, method: "PASSWORD", ip: client.ip, userAgent: client.userAgent });
      expect(e.actorAuthAt).not.toBeNull();
      for (const shown of [formatActTime(e.createdAt), `账号密码，验证于${formatDateTimeSeconds(e.actorAuthAt)}`, client.ip, client.userAgent, e.contentHash!]) expect(flat).toContain(shown.replace(/\s+/g, ""));
    }
    expect(execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" })).not.toContain("就业报到证");

    // /verify in the browser: the original passes, one changed byte does not
    const visitor = await browser.createBrowserContext().then((c) => c.newPage());
    await withScreenshot(visitor, "paperless-verify", async () => {
      await open(visitor, "/verify");
      await chooseFile(visitor, 'input[type=file][name="file"]', file);
      await clickText(visitor, "上传并核验");
      await waitForText(visitor, "签名有效、内容未被改动，协议当前有效");
      expect(await visitor.evaluate(() => document.body.innerText)).not.toContain("电子协议测试"); // the name is masked
      await chooseFile(visitor, 'input[type=file][name="file"]', path.join(dir, "electronic-original-flipped.pdf"));
      await clickText(visitor, "上传并核验");
      await waitForText(visitor, "数字签名无效");
    });

    // the server renders with the npm-shipped Chromium (WQ_CHROMIUM=npm in the e2e setup)
    const exes = serverExecutables();
    expect(exes.some((e) => e.startsWith(path.join(tmpdir(), "chromium")))).toBe(true);
    expect(exes.some((e) => e.startsWith("/usr/lib/chromium"))).toBe(false);
  }, 240_000); // five people in their own browsers: on a busy 2-core machine this outlasts the suite's 120 s
});

describe("纸质: print, stamp, 回传, 备案", () => {
  const studentNo = "2029019001";

  it("the office requires the 回传; 备案 waits for it; the student prints and uploads the photo; the counselor sees it and files", async () => {
    await graduateOf(2029, studentNo, "纸质协议测试");
    const office = await personPage(browser, "jyc01");
    await withScreenshot(office, "paperless-office-require-scan", async () => {
      await open(office, "/office/settings/paperless");
      await office.evaluate(() => {
        // 回传 required for 备案; the 就业报到证抬头 kept on the form
        for (const text of ["回传", "就业报到证抬头"]) {
          const box = [...document.querySelectorAll("label")].find((l) => l.innerText.includes(text))?.querySelector("input") as HTMLInputElement;
          if (!box.checked) box.click();
        }
      });
      await clickText(office, "保存", "form button", true);
      await waitForText(office, "已保存");
    });
    expect(await prisma.setting.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ requireScanForFiling: true, showReportTitle: true });

    const student = await personPage(browser, studentNo, { width: 375, height: 900 });
    await withScreenshot(student, "paper-student-submit", async () => studentSubmits(student, "数智", "e2e-paperless@example.com"));
    const a = await agreementOf(studentNo);
    expect(a.signingMode).toBe("PAPER");
    const unit = await personPage(browser, "hr@demo-soft.example");
    await withScreenshot(unit, "paper-unit-sign", async () => unitSigns(unit, a.id, true));
    await withScreenshot(student, "paper-student-confirm", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "用人单位情况");
      expect(await sheetHasReportTitle(student)).toBe(true);
      await clickText(student, "确定签约信息");
      await waitForText(student, "等待学院审核");
    });
    const counselor = await personPage(browser, "fdy01");
    await withScreenshot(counselor, "paper-counselor-approve", async () => counselorApproves(counselor, a.id));

    // the counselor cannot file before the 回传
    await withScreenshot(counselor, "paper-counselor-file-too-early", async () => {
      await open(counselor, `/counselor/filing?q=${studentNo}`);
      await waitForText(counselor, "毕业生尚未上传回传件");
      await clickText(counselor, "备案", "button", true);
      await waitForText(counselor, "备案前须由毕业生上传盖章后的就业协议书扫描件或照片（回传）");
    });

    // the student prints (一式三份, signed) and uploads the photo of the stamped agreement
    const downloads = await downloadsInto(student, "paper-student");
    let printed!: Uint8Array;
    await withScreenshot(student, "paper-student-print", async () => {
      await open(student, "/student/agreement");
      await clickText(student, "打印", "button", true);
      printed = await waitForFile(downloads, /\.pdf$/);
    });
    await checkIssued(printed, "paper-print");
    // the print follows the same setting as the pages: the row is there, with the unit's entry
    const unitReportTitle = (await agreementOf(studentNo)).unitReportTitle!;
    expect(unitReportTitle).toBeTruthy();
    const printedText = execFileSync("pdftotext", ["-f", "1", "-l", "1", path.join(dir, "paper-print.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(printedText).toContain("就业报到证"); // the label wraps in its cell: 就业报到证 / 抬头
    expect(printedText).toContain(unitReportTitle);
    expect(execFileSync("pdfinfo", [path.join(dir, "paper-print.pdf")], { encoding: "utf8" })).toMatch(/^Pages:\s+6$/m);
    expect(redInStampBoxes(printed, dir, "paper-boxes")).toEqual([0, 0, 0, 0]);

    const photo = path.join(dir, "stamped-photo.png");
    execFileSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "1", "-png", "-singlefile", path.join(dir, "paper-print.pdf"), path.join(dir, "stamped-photo")]);
    await withScreenshot(student, "paper-student-scan", async () => {
      await open(student, "/student/agreement");
      await waitForText(student, "回传：上传盖章后的就业协议书");
      await chooseFile(student, 'input[type=file][name="file"]', photo);
      await clickText(student, "上传回传件");
      await waitForText(student, "已上传回传件");
      await waitForText(student, "stamped-photo.png");
      expect(await horizontalOverflow(student)).toBeLessThanOrEqual(1);
    });
    const scan = await prisma.agreementScan.findFirstOrThrow({ where: { agreementId: a.id } });
    expect(scan.mimeType).toBe("image/png");

    await withScreenshot(counselor, "paper-counselor-file", async () => {
      await open(counselor, `/counselor/filing?q=${studentNo}`);
      await waitForText(counselor, "stamped-photo.png");
      // the counselor opens the photo (access-checked) and files
      const href = await counselor.$eval('a[href*="/scans/"]', (el) => (el as HTMLAnchorElement).getAttribute("href")!);
      const res = await counselor.evaluate(async (u) => {
        const r = await fetch(u);
        return { status: r.status, type: r.headers.get("content-type") };
      }, href);
      expect(res).toEqual({ status: 200, type: "image/png" });
      await clickText(counselor, "备案", "button", true);
      await waitForText(counselor, "已备案");
    });
    expect((await agreementOf(studentNo)).status).toBe("FILED");

    // a third issued document: another graduate's agreement (brought to 审核通过 by the services), printed by the counselor over HTTP
    const third = await graduateOf(2029, "2029019002", "第三份测试");
    const [thirdStudent, soft, fdy01] = await Promise.all([actorFor(prisma, third), actorFor(prisma, "hr@demo-soft.example"), actorFor(prisma, "fdy01")]);
    const other = { id: (await agreementAt(prisma, "APPROVED", { student: thirdStudent, employer: soft, counselor: fdy01 })).agreementId };
    const http = new HttpSession();
    expect(await http.login("fdy01")).toBe(true);
    const res = await http.fetch(`/api/agreements/${other.id}/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ reason: "e2e：核验第三份出具的协议书" }) });
    expect(res.headers.get("content-type")).toContain("pdf");
    await checkIssued(new Uint8Array(await res.arrayBuffer()), "paper-reprint");
  }, 240_000);

  it("issued and checked at least three PDFs with no failure", () => {
    expect(failures).toEqual([]);
    expect(signed).toBeGreaterThanOrEqual(3);
  });
});

describe("/verify's upload is throttled per client", () => {
  it(`answers ${VERIFY_UPLOADS_PER_CLIENT} checks from one address, then 429 in zh-CN with Retry-After; another address is not affected`, async () => {
    const notAnAgreement = new TextEncoder().encode("%PDF-1.7\n%不是协议书\n");
    const client = new HttpSession(undefined, "198.51.100.77");
    const answers = [];
    // one at a time: each is counted before its body is read
    for (let i = 0; i < VERIFY_UPLOADS_PER_CLIENT; i++) answers.push((await verifyUpload(notAnAgreement, client)).status);
    expect(answers.every((s) => s === 200)).toBe(true);
    const refused = await verifyUpload(notAnAgreement, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/^核验次数过多，请 \d+ (分钟|秒)后再试。$/);
    expect((await verifyUpload(notAnAgreement, new HttpSession(undefined, "198.51.100.78"))).status).toBe(200);
  });
});
