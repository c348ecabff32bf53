// Every export has the columns and labels of the page it is downloaded from: each list page
// and each table of 查询统计, rendered by the production build in Chromium on PostgreSQL,
// against the XLSX that page's own export button downloads, read back by SheetJS and by
// LibreOffice (readers other than the writer, exceljs).
import type { Browser, Page } from "puppeteer-core";
import { hasLibreOffice, libreOfficeHeaders, sheetJsHeaders } from "../helpers/spreadsheets";
import { launchBrowser, withScreenshot } from "./helpers";
import { horizontalOverflow, open, personPage } from "./ui";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Each table of the page (by its aria-label, the sheet's name) with its export-column heads. */
function pageTables(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("table[aria-label]")].map((t) => [t.getAttribute("aria-label")!, [...t.querySelectorAll("thead th[data-column]")].map((th) => (th as HTMLElement).textContent!.trim())])),
  );
}

/** Clicks the page's export control (a link or the streaming button) and downloads what it asks for, with the page's session. */
async function downloadExport(page: Page, control: string): Promise<Buffer> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/api/export/"), { timeout: 30_000 }),
    page.evaluate((text) => {
      const el = [...document.querySelectorAll<HTMLElement>("a, button")].find((e) => e.innerText.trim() === text);
      if (!el) throw new Error(`no ${text}`);
      // a link would navigate to the download: take its address instead
      if (el instanceof HTMLAnchorElement) void fetch(el.href);
      else el.click();
    }, control),
  ]);
  const bytes = await page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u} answered ${res.status}`);
    return Array.from(new Uint8Array(await res.arrayBuffer()));
  }, request.url());
  return Buffer.from(bytes);
}

/** The page's tables against the export's sheets of the same names, read by both readers. */
function expectSameColumns(tables: Record<string, string[]>, file: Buffer) {
  const names = Object.keys(tables);
  expect(names.length).toBeGreaterThan(0);
  const readers = [sheetJsHeaders(file), ...(hasLibreOffice || process.env.CI ? [libreOfficeHeaders(file)] : [])];
  for (const headers of readers) {
    for (const name of names) {
      expect({ sheet: name, columns: headers.get(name) }).toEqual({ sheet: name, columns: tables[name] });
    }
  }
}

const LISTS = [
  { who: "jyc01", path: "/office/students?status=all", control: "导出 Excel", table: "生源信息" },
  { who: "fdy01", path: "/counselor/students?status=all", control: "导出 Excel", table: "生源信息" },
  { who: "jyc01", path: "/office/employers?status=all", control: "导出 Excel", table: "用人单位" },
  { who: "jyc01", path: "/office/statistics?figure=graduates", control: "导出 Excel", table: "毕业生" },
  { who: "fdy01", path: "/counselor/statistics/list?figure=graduates", control: "导出 Excel", table: "毕业生" },
];

describe("a list page and its export: the same columns, labels and order", () => {
  it.each(LISTS)("$path ($who)", async ({ who, path, control, table }) => {
    const page = await personPage(browser, who);
    await withScreenshot(page, `export-columns${path.replace(/\W+/g, "-")}-${who}`, async () => {
      await open(page, path);
      const tables = await pageTables(page);
      expect(Object.keys(tables)).toEqual([table]);
      expect(tables[table].length).toBeGreaterThan(3);
      expectSameColumns(tables, await downloadExport(page, control));
      // the same list on a phone: a card per row, each value under its label, nothing wider than the screen
      await page.setViewport({ width: 375, height: 900 });
      await open(page, path);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
      const labelled = await page.evaluate(() => [...document.querySelectorAll("table[aria-label] tbody td[data-label]")].slice(0, 3).map((td) => getComputedStyle(td, "::before").content));
      expect(labelled.length).toBeGreaterThan(0);
      for (const c of labelled) expect(c).not.toBe("none");
    });
    await page.browserContext().close();
  }, 180_000);
});

describe("查询统计 and its export: every table of the page is a sheet with its columns", () => {
  it.each([
    { who: "jyc01", path: "/office" },
    { who: "fdy01", path: "/counselor/statistics" },
  ])("$path ($who)", async ({ who, path }) => {
    const page = await personPage(browser, who);
    await withScreenshot(page, `export-columns-statistics-${who}`, async () => {
      await open(page, path);
      const tables = await pageTables(page);
      // the demo data fills at least the progress, the rates and the trend
      for (const t of ["办理进度", "签约率-学院", "签约率-专业", "每日趋势"]) expect(Object.keys(tables)).toContain(t);
      expectSameColumns(tables, await downloadExport(page, "导出统计 Excel"));
    });
    await page.browserContext().close();
  }, 180_000);
});
