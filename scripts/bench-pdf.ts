// npm run bench:pdf — one run, one document, one machine:
//  (a) floor:        page.pdf() alone on a page that already has the agreement loaded
//                    (front + back, the two pages of one agreement), with the PDF options
//                    ours prints with (PDF_OPTIONS), so all three make the same document
// Runs with NODE_ENV=production, as the server does (React's development build renders the
// template ~5x slower).
//  (b) naive:        launch Chromium, open a page, load template + fonts, pdf, close — per PDF
//  (c) warm:         ours (lib/pdf), sequential, a different agreement each time (no cache),
//                    signed
//  (d) concurrent4:  ours, 4 requests at once; wall time of the batch / 4 per document
//  (e) cached:       ours, a reprint of an unchanged agreement (content-hash cache)
//  (f) sign:         the digital signature alone (PKCS#7 over the whole 6-page file and
//                    splicing it in), which (c) and (d) include: every official PDF is signed
// Medians per document; (a), (b) and (c) in turns, six rounds. Ends with the BENCH line.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { documentBody, renderAgreementPdf, type AgreementPdfInput } from "@/lib/pdf/agreement-pdf";
import { PdfCache } from "@/lib/pdf/cache";
import { CHROMIUM_ARGS, resolveChromiumPath } from "@/lib/pdf/chromium";
import { fontFaceCss } from "@/lib/pdf/fonts";
import { PDF_OPTIONS, PdfRenderer } from "@/lib/pdf/renderer";
import { signingIdentity } from "@/lib/signing/identity";
import { addSignaturePlaceholder, signPlaceholderPdf } from "@/lib/signing/sign-pdf";
import { PDFDocument } from "pdf-lib";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { shellHtml } from "@/lib/pdf/template";
import { DEMO_SCHOOL_NAME, DEMO_TERMS_V1 } from "@/prisma/seed-data";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

function input(n: number): AgreementPdfInput {
  const agreementNo = `2027-${String(100000 + n).slice(-6)}`;
  const code = `${agreementNo}-7K3M9Q2XAB`;
  return {
    sheet: { ...SAMPLE_SHEET, agreementNo },
    schoolName: DEMO_SCHOOL_NAME,
    terms: { version: 1, content: DEMO_TERMS_V1 },
    kind: "official",
    verification: { code, url: `https://jy.example.edu.cn/verify?c=${code}` },
    copies: 3,
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const executablePath = resolveChromiumPath();
  const dir = mkdtempSync(path.join(tmpdir(), "wq-bench-pdf-"));
  const body = await documentBody(input(0));
  const fullFile = path.join(dir, "full.html");
  writeFileSync(fullFile, shellHtml(fontFaceCss()).replace("<body></body>", `<body>${body}</body>`));
  const shellFile = path.join(dir, "shell.html");
  writeFileSync(shellFile, shellHtml(fontFaceCss()));

  // The machine is noisy and its speed drifts: (a), (b) and (c) are measured in turns, round
  // after round, so all three see the same machine.
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(pathToFileURL(shellFile).href);
  await page.evaluate((html) => (window as unknown as { wqFill(h: string): Promise<number> }).wqFill(html), body);
  const floorOnce = () => time(() => page.pdf({ ...PDF_OPTIONS, pageRanges: "1-2" }));
  const naiveOnce = () =>
    time(async () => {
      const b = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
      const p = await b.newPage();
      await p.goto(pathToFileURL(fullFile).href, { waitUntil: "load" });
      await p.evaluate(() => document.fonts.ready);
      await p.pdf({ ...PDF_OPTIONS, pageRanges: "1-2" });
      await b.close();
    });
  const renderer = new PdfRenderer({ maxConcurrent: 2, executablePath });
  const cache = new PdfCache({ dir: null, maxEntries: 1000 });
  await renderer.warmUp();
  let n = 1;
  const warmOnce = () => {
    const doc = input(n++); // a different agreement each time: no cache hit
    return time(() => renderAgreementPdf(doc, { renderer, cache }));
  };
  // warm-up: the floor page, a first launch, both pool pages' font chunks (as a running server's)
  for (let i = 0; i < 3; i++) await floorOnce();
  await naiveOnce();
  await Promise.all([1, 2, 3, 4].map(() => renderAgreementPdf(input(n++), { renderer, cache })));

  const floorRuns: number[] = [];
  const naiveRuns: number[] = [];
  const warmRuns: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < 3; i++) floorRuns.push(await floorOnce());
    naiveRuns.push(await naiveOnce());
    for (let i = 0; i < 3; i++) warmRuns.push(await warmOnce());
  }
  await browser.close();
  const floor = median(floorRuns);
  const naive = median(naiveRuns);
  const warm = median(warmRuns);
  console.log(`(a) floor        page.pdf() on a loaded page        median ${round(floor)} ms  (n=${floorRuns.length})`);
  console.log(`(b) naive        launch + load + pdf per document  median ${round(naive)} ms  (n=${naiveRuns.length})`);
  console.log(`(c) ours warm    sequential, 6-page 一式三份 PDF     median ${round(warm)} ms  (n=${warmRuns.length})`);

  const batchRuns: number[] = [];
  for (let i = 0; i < 6; i++) {
    const docs = [0, 1, 2, 3].map(() => input(n++));
    batchRuns.push((await time(() => Promise.all(docs.map((d) => renderAgreementPdf(d, { renderer, cache }))))) / 4);
  }
  const concurrent4 = median(batchRuns);
  console.log(`(d) ours 4 at once  batch wall time / 4              median ${round(concurrent4)} ms  (n=${batchRuns.length} batches)`);

  const cachedDoc = input(1);
  const cachedRuns: number[] = [];
  for (let i = 0; i < 30; i++) {
    const result = { cached: false };
    cachedRuns.push(await time(async () => Object.assign(result, await renderAgreementPdf(cachedDoc, { renderer, cache }))));
    if (!result.cached) throw new Error("expected a cache hit");
  }
  const cached = median(cachedRuns);
  console.log(`(e) ours cached  reprint of an unchanged agreement  median ${round(cached)} ms  (n=${cachedRuns.length})`);
  // (f) the signature alone, on an agreement's finished bytes with the placeholder reserved
  const identity = signingIdentity();
  const unsigned = await renderAgreementPdf({ ...input(n++), kind: "preview", verification: null }, { renderer, cache });
  const prepared = await PDFDocument.load(unsigned.bytes);
  addSignaturePlaceholder(prepared, identity, { name: identity.commonName, reason: "bench", location: DEMO_SCHOOL_NAME, signingTime: new Date() });
  const withPlaceholder = await prepared.save({ useObjectStreams: false });
  const signRuns: number[] = [];
  for (let i = 0; i < 30; i++) signRuns.push(await time(() => signPlaceholderPdf(withPlaceholder, identity, new Date())));
  const sign = median(signRuns);
  console.log(`(f) sign         PKCS#7 signature of the whole file  median ${round(sign)} ms  (n=${signRuns.length}, ${identity.commonName})`);
  await renderer.close();

  console.log("");
  console.log(`ours warm / floor        = ${(warm / floor).toFixed(2)}x   (goal ≤ 2x)`);
  console.log(`ours 4-concurrent / floor = ${(concurrent4 / floor).toFixed(2)}x`);
  console.log(`naive / ours warm        = ${(naive / warm).toFixed(1)}x  (goal ≥ 10x)`);
  console.log(`naive / ours 4-concurrent = ${(naive / concurrent4).toFixed(1)}x`);
  console.log(`cached reprint           = ${cached.toFixed(2)} ms`);
  console.log(
    `BENCH pdf floor_ms=${round(floor)} naive_ms=${round(naive)} warm_ms=${round(warm)} concurrent4_ms=${round(concurrent4)} cached_ms=${round(cached)} sign_ms=${round(sign)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
