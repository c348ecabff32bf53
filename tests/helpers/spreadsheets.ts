// Our XLSX files read back by readers other than the writer (exceljs): SheetJS and
// LibreOffice (`libreoffice --headless --convert-to csv`, every sheet to its own file).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";

export const hasLibreOffice = spawnSync("libreoffice", ["--version"], { encoding: "utf8" }).status === 0;

/** Each sheet's first row, as SheetJS reads it. */
export function sheetJsHeaders(file: Buffer): Map<string, string[]> {
  const book = XLSX.read(file, { type: "buffer" });
  return new Map(book.SheetNames.map((name) => [name, (XLSX.utils.sheet_to_json<string[]>(book.Sheets[name], { header: 1 })[0] ?? []).map(String)]));
}

/** Every sheet as LibreOffice writes it to CSV (UTF-8, comma separated, text quoted), by sheet name. */
export function libreOfficeCsvs(file: Buffer): Map<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), "wq-lo-csv-"));
  try {
    const source = path.join(dir, "export.xlsx");
    writeFileSync(source, file);
    // tokens: separator 44 (,), quote 34 ("), UTF-8 (76), line 1, -, -, quote all text, -, values as shown, no formulas, no trimming, every sheet (-1)
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true,false,false,-1";
    execFileSync("libreoffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", filter, "--outdir", dir, source], { stdio: "ignore", timeout: 120_000 });
    const out = new Map<string, string>();
    // one file per sheet: export-<sheet name>.csv
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".csv"))) out.set(f.slice("export-".length, -".csv".length), readFileSync(path.join(dir, f), "utf8"));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CSV's first line as cells (our labels hold no comma). */
export function csvHeader(csv: string): string[] {
  return (csv.split(/\r?\n/)[0] ?? "").split(",").map((c) => c.replace(/^"(.*)"$/, "$1"));
}

/** Each sheet's first row, as LibreOffice reads it. */
export function libreOfficeHeaders(file: Buffer): Map<string, string[]> {
  return new Map([...libreOfficeCsvs(file)].map(([name, csv]) => [name, csvHeader(csv)]));
}
