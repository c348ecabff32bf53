// The import page as the office and a counselor use it, in real Chromium against the
// production build: upload with its progress, the background job's report, a reload that
// finds the report again, 只导入正确的行, the XLSX of the bad rows; and over HTTP the upload
// route's refusals (size before reading, another site's page, a student, someone else's
// job, a zip bomb) — every one in zh-CN.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import type { Browser, Page } from "puppeteer-core";
import { MAX_UPLOAD_BYTES } from "@/lib/http/limits";
import { generatedClass, graduateRow, templateWorkbook } from "../fixtures/import-files";
import { zipBomb } from "../fixtures/zip-bomb";
import { hasLibreOffice, libreOfficeHeaders, sheetJsHeaders } from "../helpers/spreadsheets";
import { ARTIFACTS, HttpSession, baseUrl, launchBrowser, withScreenshot } from "./helpers";
import { clickText, open, personPage, waitForText } from "./ui";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Chooses the file in the page's file input and starts the import, as a person does. */
async function importInPage(page: Page, file: string) {
  const input = await page.$("#import-file");
  await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(file);
  await clickText(page, "校验并导入");
}

async function upload(s: HttpSession, body: Buffer, headers: Record<string, string> = {}) {
  return s.fetch("/api/imports?kind=students&mode=strict", { method: "POST", headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent("班级.xlsx"), ...headers }, body: new Uint8Array(body) });
}

async function finished(s: HttpSession, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await (await s.fetch(`/api/imports/${jobId}`)).json()) as { status: string; summary: { fileError?: string; created: number } | null };
    if (job.status === "DONE" || job.status === "FAILED") return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the import did not finish");
}

it("the office imports a class in the browser: report, reload, 只导入正确的行, the XLSX of bad rows", async () => {
  const rows = [...generatedClass(60, "4001")];
  rows[3] = { ...rows[3], ethnicity: "火星族" };
  rows[9] = { ...rows[9], studentNo: rows[8].studentNo };
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, "import-class.xlsx");
  writeFileSync(file, await templateWorkbook(rows));

  const page = await personPage(browser, "jyc01", { width: 375, height: 900 });
  await withScreenshot(page, "import-page", async () => {
    await open(page, "/office/students/import");
    await importInPage(page, file);
    await waitForText(page, "导入报告", 120_000);
    await waitForText(page, "共 60 行，正确 57 行，有误 3 行。 文件有错误，本次未导入任何数据。");
    await waitForText(page, "民族“火星族”不在民族代码表中");
    await waitForText(page, "学号与第10行重复");
    await waitForText(page, "学号与第11行重复");
    await page.screenshot({ path: path.join(ARTIFACTS, "import-report-375.png"), fullPage: true });
    // a reload finds the same report (the job is in the database, not in the page)
    await page.reload({ waitUntil: "networkidle0" });
    await waitForText(page, "共 60 行，正确 57 行，有误 3 行。");
    const href = await page.$eval("a[href$='/report']", (a) => (a as HTMLAnchorElement).getAttribute("href"));
    const report = await page.evaluate(async (u) => {
      const res = await fetch(u!);
      return { status: res.status, type: res.headers.get("content-type"), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, href);
    expect(report.status).toBe(200);
    expect(report.type).toContain("spreadsheetml");
    const book = XLSX.read(Buffer.from(report.bytes), { type: "buffer" });
    expect(XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["有误的行"]).map((r) => r["行号"])).toEqual([5, 10, 11]);
    // the report's bad rows have the columns of the page's table, as SheetJS and LibreOffice read them
    const heads = await page.$$eval("table[aria-label='有误的行'] thead th[data-column]", (ths) => ths.map((th) => th.textContent!.trim()));
    expect(heads).toEqual(["行号", "学号", "姓名", "错误原因"]);
    expect(sheetJsHeaders(Buffer.from(report.bytes)).get("有误的行")).toEqual(heads);
    if (hasLibreOffice || process.env.CI) expect(libreOfficeHeaders(Buffer.from(report.bytes)).get("有误的行")).toEqual(heads);
    await clickText(page, "只导入正确的行（57 行）");
    await waitForText(page, "已新增 57 名、更新 0 名、未变化 0 名。", 120_000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // the 57 new accounts' random initial passwords: in the report, for one download only
    await waitForText(page, "57 名新学生的初始密码在导入报告中");
    const download = (u: string) =>
      page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), u).then((b) => XLSX.read(Buffer.from(b), { type: "buffer" }));
    const withPasswords = await download(href!);
    const issued = XLSX.utils.sheet_to_json<Record<string, string>>(withPasswords.Sheets["初始密码"]);
    expect(issued).toHaveLength(57);
    expect(issued[0]["初始密码"]).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await download(href!)).SheetNames).not.toContain("初始密码");
  });
  await page.browserContext().close();
}, 300_000);

it("a counselor's import is the same page, in their own 学院", async () => {
  const mine = graduateRow(0, "4002");
  const other = { ...graduateRow(1, "4002"), college: "02", major: "080801" };
  const file = path.join(ARTIFACTS, "import-counselor.xlsx");
  writeFileSync(file, await templateWorkbook([mine, other]));
  const page = await personPage(browser, "fdy01");
  await withScreenshot(page, "import-counselor", async () => {
    await open(page, "/counselor/students/import");
    await importInPage(page, file);
    await waitForText(page, "只能导入本学院的学生", 120_000);
  });
  await page.browserContext().close();
}, 180_000);

it("the upload route refuses in zh-CN: too large before reading, another site's page, a student, someone else's job, a zip bomb", async () => {
  const office = new HttpSession();
  expect(await office.login("jyc01")).toBe(true);
  // declared larger than the limit: 413 before a byte of it is read
  const big = await fetch(`${baseUrl()}/api/imports?kind=students`, {
    method: "POST",
    headers: { cookie: office.cookieHeader(), origin: baseUrl(), "content-type": "application/octet-stream" },
    body: new Uint8Array(MAX_UPLOAD_BYTES + 1),
  });
  expect(big.status).toBe(413);
  expect(((await big.json()) as { error: string }).error).toBe("文件不能超过 8 MB，请分批导入");
  const foreign = await upload(office, await templateWorkbook([graduateRow(0, "4003")]), { origin: "http://evil.example" });
  expect(foreign.status).toBe(403);
  expect(((await foreign.json()) as { error: string }).error).toMatch(/请求来源不正确/);

  const student = new HttpSession();
  expect(await student.login("2022010101")).toBe(true);
  const byStudent = await upload(student, await templateWorkbook([graduateRow(0, "4003")]));
  expect(byStudent.status).toBe(403);

  const started = Date.now();
  const bomb = await upload(office, await zipBomb(300 * 1024 * 1024, { lie: true }));
  expect(bomb.status).toBe(202);
  const { jobId } = (await bomb.json()) as { jobId: string };
  const done = await finished(office, jobId);
  expect(done.summary?.fileError).toMatch(/压缩炸弹/);
  console.log(`[imports] zip bomb refused ${Date.now() - started} ms after the upload`);

  const counselor = new HttpSession();
  expect(await counselor.login("fdy01")).toBe(true);
  const theirs = await counselor.fetch(`/api/imports/${jobId}`);
  expect(theirs.status).toBe(404);
  expect(((await theirs.json()) as { error: string }).error).toBe("未找到该导入任务");
  expect((await counselor.fetch(`/api/imports/${jobId}/report`)).status).toBe(404);
  expect((await office.fetch("/api/imports/abc")).status).toBe(404);
  const again = await office.fetch(`/api/imports/${jobId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "goodRowsOnly" }) });
  expect(again.status).toBe(409);
}, 120_000);
