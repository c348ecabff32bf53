// XLSX exports with Chinese headers, streamed: exceljs' streaming writer commits each row as
// it is produced and the bytes flow to the browser while later rows are still being read,
// so a long export holds neither the whole file nor the page. What a clerk needs from the
// file: dates and times as real date cells (Beijing time, as the pages show them, with a
// number format, so Excel/WPS date filters work), numbers as numbers, 学号/身份证号 as
// text, a width on every column and the header row frozen.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beijingToday, beijingWallClock, formatDateTimeSeconds } from "@/lib/format";

/**
 * auto (default): strings as text, numbers as numbers, a Date as a Beijing date-time; text:
 * always text (学号, 身份证号: never a number Excel could mangle); number; date (a day);
 * datetime (an instant, shown in Beijing time).
 */
export type ColumnType = "auto" | "text" | "number" | "date" | "datetime";
export type CellValue = string | number | Date | null | undefined;
export type ExportColumn<T> = { header: string; width?: number; type?: ColumnType; value: (row: T) => CellValue };
export type ExportSheet<T> = { name: string; columns: ExportColumn<T>[]; batches: AsyncIterable<T[]> | Iterable<T[]> };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Excel's own limit per sheet (minus the header row).
const MAX_ROWS = 1_048_575;

const NUM_FMT: Record<ColumnType, string> = { auto: "General", text: "@", number: "General", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" };
const DEFAULT_WIDTH: Record<ColumnType, number> = { auto: 14, text: 14, number: 10, date: 12, datetime: 17 };


/** "2026-12-01" (a calendar day, e.g. of the trend) → that day as a spreadsheet date. */
function dayOf(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** The cell value for a column's type. */
export function cellValue(type: ColumnType, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  switch (type) {
    case "number":
      return typeof value === "number" ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
    case "date":
      if (value instanceof Date) {
        const wall = beijingWallClock(value);
        return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
      }
      return dayOf(String(value)) ?? String(value);
    case "datetime":
      return value instanceof Date ? beijingWallClock(value) : String(value);
    case "text":
      return value instanceof Date ? formatDateTimeSeconds(value) : String(value);
    default:
      return value instanceof Date ? beijingWallClock(value) : value;
  }
}

type Prepared<T> = { sheet: ExportSheet<T>; first: IteratorResult<T[]>; rest: AsyncIterator<T[]> | Iterator<T[]> };

async function prepare<T>(sheet: ExportSheet<T>): Promise<Prepared<T>> {
  const source = sheet.batches;
  const rest = Symbol.asyncIterator in source ? (source as AsyncIterable<T[]>)[Symbol.asyncIterator]() : (source as Iterable<T[]>)[Symbol.iterator]();
  return { sheet, first: await rest.next(), rest };
}

/**
 * The workbook as a web ReadableStream. The first batch of every sheet is read BEFORE this
 * resolves: an export whose query fails is refused (the caller answers with an error)
 * instead of starting a download that breaks off.
 */
export async function streamWorkbook(sheets: ExportSheet<any>[]): Promise<ReadableStream<Uint8Array>> {  // eslint-disable-line @typescript-eslint/no-explicit-any
  const prepared = [];
  for (const sheet of sheets) prepared.push(await prepare(sheet));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    for (const { sheet, first, rest } of prepared) {
      const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
      const types = sheet.columns.map((c) => c.type ?? "auto");
      ws.columns = sheet.columns.map((c, i) => ({ header: c.header, width: c.width ?? DEFAULT_WIDTH[types[i]], style: { numFmt: NUM_FMT[types[i]] } }));
      // an auto column of Dates still needs a date format on those cells
      const autoDate = { numFmt: NUM_FMT.datetime };
      const header = ws.getRow(1);
      header.font = { bold: true };
      header.commit();
      let written = 0;
      let next = first;
      while (!next.done) {
        for (const row of next.value) {
          if (written >= MAX_ROWS) break;
          const added = ws.addRow(sheet.columns.map((c, i) => cellValue(types[i], c.value(row))));
          types.forEach((t, i) => {
            if (t === "auto" && added.getCell(i + 1).value instanceof Date) added.getCell(i + 1).style = autoDate;
          });
          added.commit();
          written++;
        }
        // let the stream drain between batches instead of buffering everything
        if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
        next = await rest.next();
      }
      ws.commit();
    }
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

export function xlsxResponse(body: ReadableStream<Uint8Array> | Buffer, filename: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
      ...extraHeaders,
    },
  });
}

/** Today's date in China, for file names. */
export function stamp(): string {
  return beijingToday().replaceAll("-", "");
}
