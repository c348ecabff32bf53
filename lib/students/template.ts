// The 生源信息 import template: one sheet of Chinese headers (the manual's 确认基本信息 box),
// every column formatted as text so Excel keeps 学号/身份证号 digits, plus a sheet listing
// the allowed values. Shared by the download route and by the import parser.
import ExcelJS from "exceljs";
import { EDUCATION_LEVELS } from "@/lib/reference/education";
import { ETHNICITIES } from "@/lib/reference/ethnicities";
import { POLITICAL_STATUSES } from "@/lib/reference/political-status";
import { TRAINING_MODES } from "@/lib/reference/training-mode";
import { readSheetRows } from "@/lib/imports/spreadsheet";

export const IMPORT_COLUMNS = [
  { key: "studentNo", header: "学号", required: true, width: 14, example: "2023010101" },
  { key: "name", header: "姓名", required: true, width: 10, example: "李明轩" },
  { key: "gender", header: "性别", required: true, width: 6, example: "男" },
  { key: "ethnicity", header: "民族", required: true, width: 10, example: "汉族" },
  { key: "political", header: "政治面貌", required: true, width: 12, example: "共青团员" },
  { key: "trainingMode", header: "培养方式", required: true, width: 10, example: "非定向" },
  { key: "education", header: "学历", required: true, width: 12, example: "本科生毕业" },
  { key: "schoolingYears", header: "学制", required: true, width: 6, example: "4" },
  { key: "graduationMonth", header: "毕业时间", required: true, width: 10, example: "202806" },
  { key: "college", header: "学院", required: true, width: 22, example: "计算机科学与技术学院" },
  { key: "major", header: "专业", required: true, width: 20, example: "软件工程" },
  { key: "idNumber", header: "身份证号", required: true, width: 22, example: "" },
  { key: "originProvince", header: "生源地省", required: true, width: 14, example: "黑龙江省" },
  { key: "originCity", header: "生源地市/县", required: true, width: 14, example: "哈尔滨市" },
  { key: "homeAddress", header: "家庭地址", required: true, width: 36, example: "黑龙江省哈尔滨市南岗区学府路52号" },
  { key: "phone", header: "手机号", required: false, width: 14, example: "" },
  { key: "email", header: "电子邮箱", required: false, width: 24, example: "" },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];
export type RawStudentRow = Record<ImportColumnKey, string>;

export const TEMPLATE_SHEET = "生源信息";

export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "网签";
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: "@" } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFDE68A" : "FFE2E8F0" } };
    cell.note = c.required ? "必填" : "选填";
  });

  const help = workbook.addWorksheet("填写说明");
  help.columns = [
    { header: "项目", key: "item", width: 16 },
    { header: "说明", key: "text", width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  const lines: [string, string][] = [
    ["总则", "黄色表头为必填项。请在“生源信息”工作表中从第2行起每行填写一名毕业生，不要修改表头。所有列均为文本格式，身份证号、学号请勿转为数字。"],
    ["学号", "4–20位字母或数字；再次导入同一学号将更新该生信息，不会重复创建。学生登录账号为学号，初始密码由系统随机生成，只在导入报告中显示一次，首次登录后须修改。"],
    ["性别", "男 / 女，须与身份证号一致。"],
    ["民族", ETHNICITIES.map((e) => e.label).join("、")],
    ["政治面貌", POLITICAL_STATUSES.map((p) => p.label).join("、")],
    ["培养方式", TRAINING_MODES.map((t) => t.label).join("、")],
    ["学历", EDUCATION_LEVELS.map((e) => e.label).join("、")],
    ["学制", "整数年，如 4"],
    ["毕业时间", "六位年月 YYYYMM，如 202806"],
    ["学院 / 专业", "学院填名称或代码；专业须属于该学院（名称或代码）。"],
    ["身份证号", "18位居民身份证号，校验位须正确。"],
    ["生源地", "生源地省、生源地市/县可填名称（如 黑龙江省、哈尔滨市）或行政区划代码（23、2301）。"],
  ];
  for (const [item, text] of lines) help.addRow({ item, text });
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a cell shows, as text: rich text joined, formulas by their result, dates as YYYYMM. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) {
    // Excel turns "2028-06" typed into a date cell into a Date: the intent is YYYYMM.
    return `${value.getUTCFullYear()}${String(value.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  if (typeof value === "number") {
    // 16+ digit numbers have already lost digits in Excel: keep them recognisable as such.
    return Number.isSafeInteger(value) ? String(value) : value.toExponential();
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text).trim();
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** The rows of an uploaded file, header row mapped by name (column order may differ); empty rows skipped. */
export type ImportRows = { rows: { rowNumber: number; raw: RawStudentRow }[]; missingHeaders: string[] };

/**
 * Reads the 生源信息 sheet (else the first) of an .xlsx/.ods/.xls/.csv file, streamed and
 * bounded (lib/imports/spreadsheet.ts); `onRow` hears how many data rows were read so far.
 * Throws ImportFileError (a zh-CN sentence) for a file that cannot or may not be read.
 */
export async function readImportWorkbook(data: ArrayBuffer | Buffer, fileName = "import.xlsx", onRow?: (count: number) => void): Promise<ImportRows> {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
  let headerIndex: Map<string, number> | null = null;
  const rows: ImportRows["rows"] = [];
  for await (const row of readSheetRows(buffer, fileName, TEMPLATE_SHEET)) {
    if (!headerIndex) {
      headerIndex = new Map();
      row.cells.forEach((value, i) => {
        const text = cellText(value as ExcelJS.CellValue).replace(/\s|\*/g, "");
        if (text && !headerIndex!.has(text)) headerIndex!.set(text, i);
      });
      const missingHeaders = IMPORT_COLUMNS.filter((c) => c.required && !headerIndex!.has(c.header)).map((c) => c.header);
      if (missingHeaders.length) return { rows: [], missingHeaders };
      continue;
    }
    const raw = {} as RawStudentRow;
    for (const c of IMPORT_COLUMNS) {
      const col = headerIndex.get(c.header);
      raw[c.key] = col === undefined ? "" : cellText(row.cells[col] as ExcelJS.CellValue);
    }
    if (IMPORT_COLUMNS.some((c) => raw[c.key])) {
      rows.push({ rowNumber: row.rowNumber, raw });
      if (onRow && rows.length % 500 === 0) onRow(rows.length);
    }
  }
  if (!headerIndex) return { rows: [], missingHeaders: [] };
  return { rows, missingHeaders: [] };
}
