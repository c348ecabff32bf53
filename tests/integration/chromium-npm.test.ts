// Printing after `npm install` alone: the Chromium inside the npm package @sparticuz/chromium
// (forced here with WQ_CHROMIUM=npm; used by itself when no other Chromium is found) renders
// the same signed agreement.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderAgreementPdf } from "@/lib/pdf/agreement-pdf";
import { PdfCache } from "@/lib/pdf/cache";
import { chromiumForPdf } from "@/lib/pdf/chromium";
import { PdfRenderer } from "@/lib/pdf/renderer";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { DEMO_SCHOOL_NAME, DEMO_TERMS_V1 } from "@/prisma/seed-data";

const saved = process.env.WQ_CHROMIUM;
let renderer: PdfRenderer;

beforeAll(() => {
  process.env.WQ_CHROMIUM = "npm";
  renderer = new PdfRenderer({ maxConcurrent: 1 });
});

afterAll(async () => {
  await renderer.close();
  if (saved === undefined) delete process.env.WQ_CHROMIUM;
  else process.env.WQ_CHROMIUM = saved;
});

it("WQ_CHROMIUM=npm takes the Chromium shipped in node_modules, not the system's", async () => {
  const source = await chromiumForPdf();
  expect(source.from).toBe("npm");
  expect(source.executablePath).not.toMatch(/^\/usr\/bin\//);
});

it("renders and signs the official agreement with it", async () => {
  const pdf = await renderAgreementPdf(
    {
      sheet: SAMPLE_SHEET,
      schoolName: DEMO_SCHOOL_NAME,
      terms: { version: 1, content: DEMO_TERMS_V1 },
      kind: "official",
      verification: { code: "2027-000123-7K3M9Q2XAB", url: "http://localhost/verify?c=2027-000123-7K3M9Q2XAB" },
      copies: 3,
    },
    { renderer, cache: new PdfCache({ dir: null }) },
  );
  expect(renderer.source?.from).toBe("npm");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "wq-npm-chromium-")), "a.pdf");
  writeFileSync(file, pdf.bytes);
  expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Pages:\s+6$/m);
  expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain(SAMPLE_SHEET.student.name);
  expect(execFileSync("pdfsig", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })).toContain("Signature is Valid.");
}, 120_000);
