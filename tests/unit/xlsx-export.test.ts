// The streamed XLSX writer: every row of every batch arrives, headers in Chinese, and the
// file starts flowing before the last batch has been produced.
import ExcelJS from "exceljs";
import { columnLabels, rowCells, type ExportColumn } from "@/lib/export/columns";
import { cellValue, streamWorkbook } from "@/lib/export/xlsx";

type Row = { n: number; name: string };

it("writes all batches as rows under the Chinese headers, streaming as it goes", async () => {
  let produced = 0;
  let bytesBeforeLastBatch = 0;
  let received = 0;
  async function* batches() {
    for (let b = 0; b < 5; b++) {
      if (b === 4) bytesBeforeLastBatch = received;
      await new Promise((r) => setTimeout(r, 5));
      yield Array.from({ length: 2000 }, (_, i) => ({ n: b * 2000 + i, name: `学生${b * 2000 + i}` }));
      produced++;
    }
  }
  const stream = await streamWorkbook([
    { name: "明细", columns: [{ header: "序号", value: (r: Row) => r.n }, { header: "姓名", value: (r: Row) => r.name }], batches: batches() },
    { name: "总览", columns: [{ header: "项目", value: (r: string[]) => r[0] }, { header: "数值", value: (r: string[]) => r[1] }], batches: [[["毕业生", "3"]]] },
  ]);
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
  }
  expect(produced).toBe(5);
  expect(bytesBeforeLastBatch).toBeGreaterThan(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const [detail, summary] = wb.worksheets;
  expect(detail.name).toBe("明细");
  expect(detail.rowCount).toBe(10_001);
  expect((detail.getRow(1).values as unknown[]).slice(1)).toEqual(["序号", "姓名"]);
  expect((detail.getRow(10_001).values as unknown[]).slice(1)).toEqual([9999, "学生9999"]);
  expect((summary.getRow(2).values as unknown[]).slice(1)).toEqual(["毕业生", "3"]);
});

describe("a column's cell on the page (lib/export/columns.ts): what the export's cell shows", () => {
  type R = { at: Date; day: string; n: number; rate: number; note: string | null };
  const row: R = { at: new Date("2026-12-01T17:30:00Z"), day: "2026-12-02", n: 12345, rate: 0.1234, note: null };
  const cols: ExportColumn<R>[] = [
    { header: "时间", type: "datetime", value: (r) => r.at },
    { header: "日期", type: "date", value: (r) => r.at },
    { header: "日", type: "date", value: (r) => r.day },
    { header: "人数", type: "number", value: (r) => r.n },
    { header: "签约率", type: "percent", value: (r) => r.rate },
    { header: "说明", value: (r) => r.note },
  ];

  it("Beijing date and time, counts with separators, a rate as a percentage, — for nothing", () => {
    expect(columnLabels(cols)).toEqual(["时间", "日期", "日", "人数", "签约率", "说明"]);
    expect(rowCells(cols, row)).toEqual(["2026-12-02 01:30", "2026-12-02", "2026-12-02", "12,345", "12.3%", "—"]);
  });

  it("a percent column is written as the ratio, which the sheet's 0.0% format shows as the page does", () => {
    expect(cellValue("percent", 0.1234)).toBe(0.1234);
    expect(cellValue("number", "7")).toBe(7);
  });
});
