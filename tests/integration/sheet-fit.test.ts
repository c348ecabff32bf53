// The printed form never breaks a word or an address (#17.5): the agreement sheet with the
// longest value every field allows, laid out by the print template in a real Chromium (the
// same shell page, fonts and fit script as every PDF), read back from the DOM line by line:
// labels break only where the sheet marks it, no run of letters and digits (an e-mail, a
// code) is split across lines, no cell is wider than itself, nothing is cut off the page;
// and the rendered PDF carries the longest e-mail on one line.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import type { AgreementSheetData } from "@/lib/agreement/sheet-data";
import { documentBody, renderAgreementPdf, type AgreementPdfInput } from "@/lib/pdf/agreement-pdf";
import { CHROMIUM_ARGS, resolveChromiumPath } from "@/lib/pdf/chromium";
import { fontFaceCss } from "@/lib/pdf/fonts";
import { closePdfRenderer } from "@/lib/pdf/renderer";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { shellHtml } from "@/lib/pdf/template";

process.env.PDF_CACHE_DIR = "off";

const dir = mkdtempSync(path.join(tmpdir(), "wq-sheet-fit-"));
const han = (n: number, seed = "黑龙江省哈尔滨市南岗区西大直街") => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
// the longest allowed e-mail (100 characters), with hyphens and dots where a browser likes to break
const LONG_EMAIL = `${"very-long.recruiting-officer".padEnd(60, "x")}@${"human-resources.example".padEnd(34, "y")}.cn`.slice(0, 100);

/** Every field at its maximum (lib/agreement/unit-section.ts, lib/workflow/schemas.ts, the 生源 import). */
const LONGEST: AgreementSheetData = {
  ...SAMPLE_SHEET,
  showReportTitle: true,
  student: {
    ...SAMPLE_SHEET.student,
    name: han(50, "阿卜杜热合曼·买买提"),
    ethnicity: "穿青人",
    political: "中国共产党预备党员",
    trainingMode: "非定向",
    education: "硕士研究生毕业",
    major: han(50, "电子科学与技术"),
    idNumber: "23010319950101123X",
    origin: "新疆维吾尔自治区伊犁哈萨克自治州",
    contact: `13812345678/${LONG_EMAIL}`,
    homeAddress: han(200),
    opinion: han(200, "同意签约"),
  },
  unit: {
    ...SAMPLE_SHEET.unit,
    name: han(100, "哈尔滨工大软件工程股份有限公司"),
    orgCode: "91230100MA1B2C3D4E",
    department: han(100, "黑龙江省工业和信息化厅"),
    contactName: han(50, "欧阳"),
    contactPhone: "0451-86412345-8001",
    email: LONG_EMAIL,
    address: han(200),
    postalCode: "150001",
    reportTitle: han(100, "哈尔滨工大软件工程股份有限公司"),
    partyOrgReceiver: han(100, "哈尔滨工大软件工程股份有限公司党委"),
    archiveAddress: han(200),
    settleCity: han(200),
    employerOpinion: han(500, "同意接收该生到我单位工作。"),
    authorityOpinion: han(500, "同意。"),
  },
  school: {
    contact: han(50, "李老师"),
    phone: "0451-86418888",
    postalCode: "150001",
    mailAddress: han(200),
    collegeOpinion: han(500, "同意。"),
    schoolOpinion: han(500, "同意鉴证。"),
  },
};

const INPUT: AgreementPdfInput = {
  sheet: LONGEST,
  schoolName: "东北理工大学",
  terms: { version: 1, content: "第一条 甲乙双方……" },
  kind: "official",
  verification: { code: "2027-000123-7K3M9Q2XAB", url: "http://localhost:3000/verify?c=2027-000123-7K3M9Q2XAB" },
  copies: 3,
};

// where a label may end a line: nowhere but at these marks
const LABEL_LINES: Record<string, string[]> = {
  统一社会信用代码: ["统一社会", "信用代码"],
  单位隶属部门: ["单位隶属", "部门"],
  就业报到证抬头: ["就业报到证", "抬头"],
  组织关系接收单位: ["组织关系", "接收单位"],
  档案转寄详细地址: ["档案转寄", "详细地址"],
  "落户城市(详细地址)": ["落户城市", "(详细地址)"],
  学校联系人: ["学校", "联系人"],
  协议书邮寄地址: ["协议书", "邮寄地址"],
  "用人单位（盖章）": ["用人单位", "（盖章）"],
  "主管部门（盖章）": ["主管部门", "（盖章）"],
  "学院（盖章）": ["学院", "（盖章）"],
  "学校毕业生就业主管部门（鉴证章）": ["学校毕业生就业主管部门", "（鉴证章）"],
};

type Cell = { kind: "label" | "value" | "one"; lines: string[]; overflow: number; fontPt: number };
type Laid = { cells: Cell[]; bodyOverflow: number[] };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const shell = path.join(dir, "shell.html");
  writeFileSync(shell, shellHtml(fontFaceCss()));
  browser = await puppeteer.launch({ executablePath: resolveChromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.emulateMediaType("print");
  await page.goto(pathToFileURL(shell).href, { waitUntil: "load" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await closePdfRenderer();
});

/** Fills the shell with the document as the renderer does, then reads each cell's lines. */
async function layOut(input: AgreementPdfInput): Promise<Laid> {
  const body = await documentBody(input);
  await page.evaluate((html) => (window as unknown as { wqFill(h: string): Promise<number> }).wqFill(html), body);
  return page.evaluate(() => {
    const range = document.createRange();
    /** The cell's text as it is laid out: one string per line. */
    const linesOf = (el: Element): string[] => {
      const lines: string[] = [];
      let current = "";
      let top: number | null = null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        for (let i = 0; i < node.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (top !== null && rect.top > top + rect.height * 0.6) {
            lines.push(current);
            current = "";
            top = rect.top;
          }
          if (top === null) top = rect.top;
          current += node.data[i];
        }
      }
      if (current) lines.push(current);
      return lines;
    };
    const cells = [...document.querySelectorAll(".ag-sheet--print .ag-l, .ag-sheet--print .ag-v, .ag-sheet--print .ag-stamp-label")].map((el) => {
      const html = el as HTMLElement;
      const kind = el.matches(".ag-l, .ag-stamp-label") ? "label" : el.matches(".ag-v--one") ? "one" : "value";
      // an opinion's label, signature line and date are laid out apart: read its text only
      const textEl = el.querySelector(".ag-op-head") ?? el;
      return { kind, lines: linesOf(textEl), overflow: html.scrollWidth - html.clientWidth, fontPt: (parseFloat(getComputedStyle(html).fontSize) * 72) / 96 };
    });
    const bodyOverflow = [...document.querySelectorAll(".pg-body")].map((b) => (b.firstElementChild as HTMLElement).scrollHeight - (b as HTMLElement).clientHeight);
    return { cells, bodyOverflow } as Laid;
  });
}

/** A run of letters, digits and signs: what must never be split across two lines. */
const TOKEN_CHAR = /[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

function breaksInsideWords(cells: Cell[]): string[] {
  const problems: string[] = [];
  for (const c of cells) {
    const text = c.lines.join("");
    if (c.kind === "label") {
      const allowed = LABEL_LINES[text];
      if (c.lines.length > 1 && JSON.stringify(c.lines) !== JSON.stringify(allowed)) problems.push(`label ${JSON.stringify(c.lines)}`);
    } else if (c.kind === "one") {
      if (c.lines.length > 1) problems.push(`one-line value ${JSON.stringify(c.lines)}`);
    } else {
      for (let i = 1; i < c.lines.length; i++) {
        const before = c.lines[i - 1].at(-1) ?? "";
        const after = c.lines[i][0] ?? "";
        if (TOKEN_CHAR.test(before) && TOKEN_CHAR.test(after) && before !== "/") problems.push(`value “…${c.lines[i - 1].slice(-12)}|${c.lines[i].slice(0, 12)}…”`);
      }
    }
  }
  return problems;
}

describe("the printed form with the longest value of every field", () => {
  let laid: Laid;
  beforeAll(async () => {
    laid = await layOut(INPUT);
  }, 60_000);

  it("breaks no label and no value inside a word, an e-mail or a code", () => {
    expect(laid.cells.length).toBeGreaterThan(60);
    expect(breaksInsideWords(laid.cells)).toEqual([]);
  });

  it("fits every label and value in its cell (shrunk where needed) and cuts nothing off the page", () => {
    expect(laid.cells.filter((c) => c.overflow > 1).map((c) => c.lines.join(""))).toEqual([]);
    expect(laid.bodyOverflow).toEqual(laid.bodyOverflow.map((o) => Math.min(o, 0)));
    const email = laid.cells.find((c) => c.lines.join("") === LONG_EMAIL)!;
    expect(email.lines).toEqual([LONG_EMAIL]);
    const sizes = laid.cells.map((c) => c.fontPt);
    console.log(`[sheet-fit] font sizes of the cells with the longest values: ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} pt`);
  });

  it("keeps labels whole at ordinary values, at the form's own size", async () => {
    const ordinary = await layOut({ ...INPUT, sheet: SAMPLE_SHEET });
    expect(breaksInsideWords(ordinary.cells)).toEqual([]);
    const label = ordinary.cells.find((c) => c.lines.join("") === "统一社会信用代码")!;
    expect(label.lines).toEqual(["统一社会", "信用代码"]);
    const phone = ordinary.cells.find((c) => c.lines.join("") === SAMPLE_SHEET.unit.contactPhone)!;
    expect(phone.fontPt).toBeGreaterThan(8); // nothing shrinks that fits
  }, 60_000);

  it("the PDF carries the longest e-mail unbroken, on one line", async () => {
    const pdf = await renderAgreementPdf({ ...INPUT, kind: "preview", verification: null });
    const file = path.join(dir, "longest.pdf");
    writeFileSync(file, pdf.bytes);
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-raw", file, "-"], { encoding: "utf8" });
    expect(text.split("\n").some((line) => line.includes(LONG_EMAIL))).toBe(true);
  }, 120_000);
});
