// XLSX exports with Chinese headers, streamed: exceljs' streaming writer commits each row as
// it is produced and the bytes flow to the browser while later rows are still being read,
// so a long export holds neither the whole file nor the page.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export type ExportColumn<T> = { header: string; width?: number; value: (row: T) => string | number | Date | null | undefined };
export type ExportSheet<T> = { name: string; columns: ExportColumn<T>[]; batches: AsyncIterable<T[]> | Iterable<T[]> };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Excel's own limit per sheet (minus the header row).
const MAX_ROWS = 1_048_575;

/** A web ReadableStream of the workbook; sheets are written one after another. */
export function streamWorkbook(sheets: ExportSheet<any>[]): ReadableStream<Uint8Array> {  // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      let written = 0;
      for await (const batch of sheet.batches) {
        for (const row of batch) {
          if (written >= MAX_ROWS) break;
          ws.addRow(sheet.columns.map((c) => c.value(row) ?? "")).commit();
          written++;
        }
        // let the stream drain between batches instead of buffering everything
        if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
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
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
}
