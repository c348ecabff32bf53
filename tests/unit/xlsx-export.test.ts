// The streamed XLSX writer: every row of every batch arrives, headers in Chinese, and the
// file starts flowing before the last batch has been produced.
import ExcelJS from "exceljs";
import { streamWorkbook } from "@/lib/export/xlsx";

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
