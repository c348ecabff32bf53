// The rows of an uploaded spreadsheet, as text, whatever made it: .xlsx (Excel, WPS,
// LibreOffice) streamed row by row with exceljs' streaming reader; .ods (LibreOffice, WPS),
// .xls (old Excel) and .csv (UTF-8 or the GB18030 Excel writes in zh-CN) through SheetJS.
// Zips are read through zip.ts (sizes bounded while inflating); rows and columns are
// bounded while reading. Every refusal is a zh-CN sentence (ImportFileError).
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { isZip, repackBounded, zipEntryNames, ZipLimitError } from "./zip";

/** Data rows one file may hold (a whole graduating class). */
export const MAX_IMPORT_ROWS = 20_000;
/** Columns a row may use: the template has 17. */
export const MAX_IMPORT_COLUMNS = 64;
/** Rows a sheet may number, empty ones included, before we stop looking. */
const MAX_SHEET_ROW_NUMBER = 200_000;

export class ImportFileError extends Error {}

export type SheetRow = { rowNumber: number; cells: unknown[] };

export type SpreadsheetKind = "xlsx" | "ods" | "xls" | "csv";

const TOO_MANY_ROWS = `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`;
const TOO_MANY_COLUMNS = `文件的列数超过 ${MAX_IMPORT_COLUMNS} 列，请使用下载的模板`;
const UNREADABLE = "无法读取文件：请上传由模板填写的 .xlsx 文件（也可以是 .ods、.xls 或 .csv）";

/** Which reader a file needs, from its bytes (not its name, which anyone can choose). */
export async function detectKind(buffer: Buffer, fileName = ""): Promise<SpreadsheetKind> {
  if (isZip(buffer)) {
    let names: string[];
    try {
      names = await zipEntryNames(buffer);
    } catch (error) {
      if (error instanceof ZipLimitError) throw new ImportFileError(error.message);
      throw new ImportFileError(UNREADABLE);
    }
    if (names.includes("xl/workbook.xml")) return "xlsx";
    if (names.includes("content.xml")) return "ods";
    throw new ImportFileError(UNREADABLE);
  }
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) return "xls";
  if (/\.(csv|txt)$/i.test(fileName) || looksLikeCsv(buffer)) return "csv";
  throw new ImportFileError(UNREADABLE);
}

/** Text whose first line names the template's first column (a CSV saved without its extension). */
function looksLikeCsv(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096);
  return head.length > 0 && !head.includes(0) && decodeText(head).split(/\r?\n/, 1)[0].includes("学号");
}

function limitError(error: unknown): never {
  if (error instanceof ImportFileError) throw error;
  if (error instanceof ZipLimitError) throw new ImportFileError(error.message);
  throw new ImportFileError(UNREADABLE);
}

/**
 * The rows of the sheet named `preferredSheet` (else the first), header row included, in
 * order; empty rows are skipped. Stops with ImportFileError past the row or column limits.
 */
export async function* readSheetRows(buffer: Buffer, fileName: string, preferredSheet: string): AsyncGenerator<SheetRow> {
  const kind = await detectKind(buffer, fileName);
  const rows = kind === "xlsx" ? xlsxRows(buffer, preferredSheet) : sheetJsRows(buffer, kind, preferredSheet);
  let data = 0;
  for await (const row of rows) {
    if (row.rowNumber > MAX_SHEET_ROW_NUMBER) throw new ImportFileError(TOO_MANY_ROWS);
    if (row.cells.length > MAX_IMPORT_COLUMNS) throw new ImportFileError(TOO_MANY_COLUMNS);
    if (!row.cells.some((c) => c !== null && c !== undefined && c !== "")) continue;
    if (row.rowNumber > 1 && ++data > MAX_IMPORT_ROWS) throw new ImportFileError(TOO_MANY_ROWS);
    yield row;
  }
}

const XLSX_ORDER = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];

function* chunksOf(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

async function* xlsxRows(buffer: Buffer, preferredSheet: string): AsyncGenerator<SheetRow> {
  let repacked: Buffer;
  try {
    // only what the reader needs, shared strings before the sheets (no temporary files)
    ({ zip: repacked } = await repackBounded(
      buffer,
      (name) => XLSX_ORDER.includes(name) || /^xl\/worksheets\/sheet\d+\.xml$/.test(name),
      (name) => (XLSX_ORDER.includes(name) ? XLSX_ORDER.indexOf(name) : XLSX_ORDER.length),
    ));
  } catch (error) {
    limitError(error);
  }
  // small chunks: the reader parses (and keeps the events of) one chunk at a time
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunksOf(repacked, 64 * 1024)), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const book = reader as unknown as { model?: { sheets?: { name: string; rId: string }[] }; workbookRels?: { Id: string; Target: string }[] };
  let found = false;
  try {
    for await (const ws of reader) {
      const id = (ws as unknown as { id: string | number }).id;
      const rel = book.workbookRels?.find((r) => r.Target.replace(/^\/?(xl\/)?/, "") === `worksheets/sheet${id}.xml`);
      const sheets = book.model?.sheets ?? [];
      const name = sheets.find((s) => s.rId === rel?.Id)?.name;
      const target = sheets.some((s) => s.name === preferredSheet) ? preferredSheet : sheets[0]?.name;
      if (found || (name ?? `Sheet${id}`) !== (target ?? name)) continue;
      found = true;
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        yield { rowNumber: row.number, cells: values.slice(1) };
      }
    }
  } catch (error) {
    limitError(error);
  }
  if (!found) throw new ImportFileError("文件中没有工作表");
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (what Excel saves as CSV on a zh-CN PC). */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(buffer);
  }
}

async function* sheetJsRows(buffer: Buffer, kind: Exclude<SpreadsheetKind, "xlsx">, preferredSheet: string): AsyncGenerator<SheetRow> {
  let workbook: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = { dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: MAX_SHEET_ROW_NUMBER };
    if (kind === "csv") {
      // raw: keep 身份证号 and 学号 as typed, never as numbers
      workbook = XLSX.read(decodeText(buffer), { ...options, type: "string", raw: true });
    } else if (kind === "ods") {
      // the zip re-read as we inflated it, within the limits
      const { zip } = await repackBounded(buffer, (name) => ["content.xml", "styles.xml", "mimetype", "META-INF/manifest.xml"].includes(name));
      workbook = XLSX.read(zip, { ...options, type: "buffer" });
    } else {
      workbook = XLSX.read(buffer, { ...options, type: "buffer" });
    }
  } catch (error) {
    limitError(error);
  }
  const name = workbook.SheetNames.includes(preferredSheet) ? preferredSheet : workbook.SheetNames[0];
  const sheet = name ? workbook.Sheets[name] : undefined;
  if (!sheet) throw new ImportFileError("文件中没有工作表");
  const range = sheet["!ref"] ? XLSX.utils.decode_range(sheet["!ref"]) : null;
  if (!range) return;
  if (range.e.c + 1 > MAX_IMPORT_COLUMNS) throw new ImportFileError(TOO_MANY_COLUMNS);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  for (let i = 0; i < rows.length; i++) yield { rowNumber: range.s.r + i + 1, cells: rows[i] };
}
