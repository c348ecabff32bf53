// Checks of an issued PDF with real third-party tools, shared by the integration and e2e
// tests: poppler's pdfsig (the signature), and pdftoppm + pdftotext -bbox (where the seals are).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

/** pdfsig's report (it exits non-zero for a document whose signature does not verify). */
export function pdfsigReport(file: string): string {
  try {
    return execFileSync("pdfsig", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
}

/** Valid and covering the whole file (pdfsig). */
export function signedWhole(file: string): boolean {
  const report = pdfsigReport(file);
  return report.includes("Signature is Valid.") && report.includes("Total document signed");
}

/**
 * Red pixels inside each of the four seal boxes at the foot of page 1 (用人单位, 主管部门,
 * 学院, 学校鉴证章), found from the label 用人单位（盖章） and the form's 44 mm grid, on a
 * 60 dpi rendering by pdftoppm.
 */
export function redInStampBoxes(pdf: Uint8Array, dir: string, name: string): number[] {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const bbox = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
  const label = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">用人单位（盖章）<\/word>/.exec(bbox);
  if (!label) throw new Error("no 用人单位（盖章） box on page 1");
  const top = Number(label[1]); // points, from the top of the page
  execFileSync("pdftoppm", ["-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", file, path.join(dir, name)]);
  const img = PNG.sync.read(readFileSync(path.join(dir, `${name}.png`)));
  const px = (pt: number) => Math.round((pt * 60) / 72);
  const mm = (v: number) => (v * 72) / 25.4;
  // four 44 mm boxes spread over the 180 mm between the page margins (15 mm each side)
  return [0, 1, 2, 3].map((i) => {
    const x0 = mm(15 + (i * (180 - 44)) / 3 + 1);
    let red = 0;
    for (let y = px(top); y < px(top + mm(42)); y++) {
      for (let x = px(x0); x < px(x0 + mm(42)); x++) {
        const o = (y * img.width + x) * 4;
        if (img.data[o] > 150 && img.data[o + 1] < 110 && img.data[o + 2] < 110) red++;
      }
    }
    return red;
  });
}
