// Exports a clerk can use, checked by readers other than the writer (exceljs writes; SheetJS
// and LibreOffice read): dates and times are real date cells in Beijing time with a number
// format, numbers are numbers, 学号 and 身份证号 stay text, every column has a width, the
// header row is frozen, and the headers are the page's labels.
import * as XLSX from "@e965/xlsx";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { drilldownSheet, employersSheet, statisticsSheets, studentsSheet } from "@/lib/export/exports";
import { streamWorkbook, type ExportSheet } from "@/lib/export/xlsx";
import { repackBounded } from "@/lib/imports/zip";
import { refreshStatistics } from "@/lib/statistics/refresh";
import { seedDemoAgreements } from "@/prisma/demo-agreements";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";
import { hasLibreOffice, libreOfficeCsvs } from "../helpers/spreadsheets";

let prisma: Db;
let office: Actor;

async function bytesOf(sheets: ExportSheet<any>[]): Promise<Buffer> {  // eslint-disable-line @typescript-eslint/no-explicit-any
  const reader = (await streamWorkbook(sheets)).getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}

/** The first sheet's XML, to see the frozen pane and the column widths as Excel will. */
async function sheetXml(file: Buffer, n = 1): Promise<string> {
  // a stored copy of just that entry: its bytes are the XML itself
  const { zip } = await repackBounded(file, (name) => name === `xl/worksheets/sheet${n}.xml`);
  return zip.toString("utf8");
}

const itLibreOffice = hasLibreOffice || process.env.CI ? it : it.skip;

/** The one sheet of a workbook as LibreOffice writes it to CSV. */
const libreOfficeCsv = (file: Buffer): string => [...libreOfficeCsvs(file).values()][0];

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
  await seedDemoAgreements(prisma);
  await refreshStatistics();
  const u = await prisma.user.findUniqueOrThrow({ where: { username: DEMO_ACCOUNTS.office } });
  office = { userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId };
}, 120_000);

type Row = { no: string; n: number; at: Date; day: Date; note: string };
const SAMPLE: ExportSheet<Row> = {
  name: "样例",
  batches: [[{ no: "2022010101", n: 42, at: new Date("2026-12-01T10:04:52.676Z"), day: new Date("2026-11-30T17:30:00Z"), note: "备注" }]],
  columns: [
    { header: "学号", type: "text", value: (r) => r.no },
    { header: "份数", type: "number", value: (r) => r.n },
    { header: "提交时间", type: "datetime", value: (r) => r.at },
    { header: "备案日期", type: "date", value: (r) => r.day },
    { header: "说明", value: (r) => r.note, width: 30 },
  ],
};

it("typed cells: text, number, Beijing date-time and date with formats; widths; frozen header", async () => {
  const file = await bytesOf([SAMPLE]);
  const book = XLSX.read(file, { type: "buffer", cellDates: true, cellNF: true, cellStyles: true });
  const ws = book.Sheets["样例"];
  expect(ws["A2"]).toMatchObject({ t: "s", v: "2022010101" });
  expect(ws["B2"]).toMatchObject({ t: "n", v: 42 });
  // 10:04 UTC is 18:04 in Beijing; the cell is a date with the page's format
  expect(ws["C2"].t).toBe("d");
  expect(ws["C2"].z).toBe("yyyy-mm-dd hh:mm");
  expect((ws["C2"].v as Date).toISOString().slice(0, 16)).toBe("2026-12-01T18:04");
  // 17:30 UTC on the 30th is the 1st in Beijing
  expect(ws["D2"].t).toBe("d");
  expect(ws["D2"].z).toBe("yyyy-mm-dd");
  expect((ws["D2"].v as Date).toISOString().slice(0, 10)).toBe("2026-12-01");
  const cols = ws["!cols"] ?? [];
  expect(cols).toHaveLength(5);
  for (const c of cols) expect(c.width ?? c.wch).toBeGreaterThan(0);
  const xml = await sheetXml(file);
  expect(xml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
});

itLibreOffice("LibreOffice reads the same values: the date-time as Beijing time, the 学号 as typed", async () => {
  const csv = libreOfficeCsv(await bytesOf([SAMPLE]));
  const [header, row] = csv.trim().split(/\r?\n/);
  // LibreOffice quotes what it holds as text, not numbers and dates
  expect(header).toBe('"学号","份数","提交时间","备案日期","说明"');
  expect(row).toBe('"2022010101",42,2026-12-01 18:04,2026-12-01,"备注"');
}, 180_000);

it("the real exports: headers as the pages label them, dates as date cells, counts as numbers", async () => {
  const employers = XLSX.read(await bytesOf([await employersSheet(office, {})]), { type: "buffer", cellDates: true });
  const e = employers.Sheets["用人单位"];
  expect(XLSX.utils.sheet_to_json<string[]>(e, { header: 1 })[0]).toEqual(["单位名称", "统一社会信用代码", "单位性质", "所在省份", "联系人", "联系电话", "电子邮箱", "通讯地址", "审核状态", "不通过原因", "注册时间"]);
  expect(e["K2"].t).toBe("d");
  expect(e["B2"].t).toBe("s");

  const students = XLSX.read(await bytesOf([studentsSheet(office, {})]), { type: "buffer" });
  const s = students.Sheets["生源信息"];
  expect(s["A2"].t).toBe("s");
  expect(String(s["J2"].v)).toMatch(/\*{4,}/); // 身份证号 masked

  const stats = XLSX.read(await bytesOf(await statisticsSheets(office, {})), { type: "buffer", cellDates: true, cellNF: true });
  const overview = XLSX.utils.sheet_to_json<[string, unknown]>(stats.Sheets["总览"], { header: 1 });
  expect(overview.find((r) => r[0] === "毕业生")?.[1]).toEqual(expect.any(Number));
  const trend = stats.Sheets["每日趋势"];
  if (trend["A2"]) expect(trend["A2"].t).toBe("d");
  expect(stats.Sheets["签约率-学院"]["B2"].t).toBe("n");
  // a rate is a number shown as a percentage, as the page shows it
  expect(stats.Sheets["签约率-学院"]["D2"]).toMatchObject({ t: "n", z: "0.0%" });
  expect(stats.Sheets["签约率-学院"]["D2"].v).toBeLessThanOrEqual(1);

  const drill = XLSX.read(await bytesOf([drilldownSheet(office, {}, { kind: "status", status: "FILED" })]), { type: "buffer", cellDates: true });
  const d = drill.Sheets[drill.SheetNames[0]];
  expect(XLSX.utils.sheet_to_json<string[]>(d, { header: 1 })[0]).toContain("备案日期");
  expect(d["M2"].t).toBe("d"); // 提交日期
  expect(d["O2"].t).toBe("d"); // 备案日期
});

itLibreOffice("LibreOffice reads a real export (the drill-down of 已备案) with Beijing dates", async () => {
  const csv = libreOfficeCsv(await bytesOf([drilldownSheet(office, {}, { kind: "status", status: "FILED" })]));
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0].split(",")).toContain('"备案日期"');
  expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}$/);
}, 180_000);
