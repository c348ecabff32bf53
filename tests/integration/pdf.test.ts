// The official agreement on real Chromium and a real PostgreSQL: an agreement brought to
// 审核通过 by the real workflow services, printed, read back with poppler (pdfinfo,
// pdftotext, pdffonts), verified, and every refusal of the printing rules.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Duplex, PDFDocument, PDFName } from "pdf-lib";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sha256 } from "@/lib/pdf/cache";
import { closePdfRenderer, PdfRenderer } from "@/lib/pdf/renderer";
import { documentBody } from "@/lib/pdf/agreement-pdf";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { unitNatureLabel } from "@/lib/reference";
import { NOT_APPROVED_MESSAGE } from "@/lib/printing/rules";
import { previewAgreementPdf, printAgreement } from "@/lib/printing/service";
import { maskIdNumber } from "@/lib/validation/id-card";
import { REFUSED_MESSAGE, verifyAgreementCode } from "@/lib/printing/verify";
import { approveAsCounselor, confirmAsStudent, returnAsCounselor, saveDraft, signAsEmployer, submitAgreement, type WorkflowActor } from "@/lib/workflow";
import { agreementAt, approveForm, demoWorld, newStudent, signForm, studentForm } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";
import { refusal } from "../helpers/refusal";

process.env.PDF_CACHE_DIR = "off"; // memory only: tests must not leave files behind

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;
let approvedId: string;
let pendingId: string;
const dir = mkdtempSync(path.join(tmpdir(), "wq-pdf-test-"));
const ORIGIN = "http://localhost:3000";

const asActor = (a: WorkflowActor): Actor => ({ ...a, role: a.role as Actor["role"], userId: a.userId! });

function poppler(tool: string, bytes: Uint8Array, args: string[] = []): string {
  const file = path.join(dir, `${sha256(bytes).slice(0, 12)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
}

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
  const approved = await agreementAt(prisma, "APPROVED", { student: w.student, employer: w.soft, counselor: w.counselor });
  approvedId = approved.agreementId;
  const pending = await agreementAt(prisma, "PENDING_EMPLOYER", { student: w.student2, employer: w.soft, counselor: w.counselor });
  pendingId = pending.agreementId;
}, 120_000);

afterAll(async () => {
  await closePdfRenderer();
});

describe("the official print", () => {
  let bytes: Uint8Array;
  let text: string;

  beforeAll(async () => {
    const result = await printAgreement(asActor(w.student), approvedId, { reason: null }, ORIGIN);
    bytes = result.pdf.bytes;
    text = poppler("pdftotext", bytes, ["-layout"]);
  }, 120_000);

  it("is six A4 pages: 一式三份 × front and back", () => {
    const info = poppler("pdfinfo", bytes);
    expect(info).toMatch(/^Pages:\s+6$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
  });

  it("carries the student, the unit, the 协议书号 and the chosen 单位性质 as searchable text", async () => {
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: approvedId }, include: { student: true } });
    expect(text).toContain(a.student.name);
    expect(text).toContain(a.unitName!);
    expect(text).toContain(a.agreementNo!);
    expect(text).toContain(unitNatureLabel(a.unitNatureCode)!);
    expect(text).toContain(a.student.idNumber); // the printed agreement is the legal document
    expect(text).toContain("协议条款");
    expect(text).toContain("第一条");
  });

  it("marks each copy with its number and holder, on both of its pages", () => {
    const page = (n: number) => poppler("pdftotext", bytes, ["-f", String(n), "-l", String(n)]);
    const expected = ["第一份 毕业生执", "第一份 毕业生执", "第二份 用人单位执", "第二份 用人单位执", "第三份 学校执", "第三份 学校执"];
    expected.forEach((marker, i) => {
      const t = page(i + 1);
      expect(t).toContain(marker);
      for (const other of new Set(expected)) if (other !== marker) expect(t).not.toContain(other);
    });
    expect(page(1)).toContain("第 1 页（正面）");
    expect(page(2)).toContain("第 2 页（背面）");
  });

  it("embeds its fonts as subsets (no Type 3 fallback)", () => {
    const rows = poppler("pdffonts", bytes).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/CID TrueType/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
  });

  it("asks the viewer for duplex, flipping on the long edge", async () => {
    const doc = await PDFDocument.load(bytes);
    const prefs = doc.catalog.getOrCreateViewerPreferences();
    expect(prefs.getDuplex()).toBe(Duplex.DuplexFlipLongEdge);
    expect(prefs.dict.get(PDFName.of("NumCopies"))?.toString()).toBe("1");
  });

  it("has a verification code on every page that /verify accepts; an altered one is refused", async () => {
    const codes = [...text.matchAll(/验证码：\s*(\d{4}-\d{6}-[0-9A-Z]{10})/g)].map((m) => m[1]);
    expect(codes).toHaveLength(6);
    expect(new Set(codes).size).toBe(1);
    const code = codes[0];
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: approvedId }, include: { student: true } });

    const ok = await verifyAgreementCode(code);
    expect(ok).toMatchObject({ ok: true, agreementNo: a.agreementNo, unitName: a.unitName, valid: true, filed: false });
    if (!ok.ok) throw new Error("unreachable");
    expect(ok.maskedName).not.toBe(a.student.name);
    expect(ok.maskedName[0]).toBe(a.student.name[0]);

    const mac = code.slice(-10);
    const flipped = mac[0] === "A" ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
    expect(await verifyAgreementCode(`${code.slice(0, -10)}${flipped}`)).toEqual({ ok: false, message: REFUSED_MESSAGE });
    // the same MAC on another agreement's number
    const other = await prisma.agreement.findUniqueOrThrow({ where: { id: pendingId } });
    expect(await verifyAgreementCode(`${other.agreementNo}-${mac}`)).toEqual({ ok: false, message: REFUSED_MESSAGE });
    expect((await verifyAgreementCode("not a code")).ok).toBe(false);
  });

  it("is recorded: who, role, copies, and the hash of the bytes handed out", async () => {
    const records = await prisma.printRecord.findMany({ where: { agreementId: approvedId } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ printedById: w.student.userId, role: "STUDENT", copies: 3, reason: null, pdfHash: sha256(bytes) });
  });
});

describe("a printed copy is bound to the approval it was printed under", () => {
  const codeOf = (bytes: Uint8Array) => {
    const codes = new Set([...poppler("pdftotext", bytes).matchAll(/验证码：\s*(\d{4}-\d{6}-[0-9A-Z]{10})/g)].map((m) => m[1]));
    expect(codes.size).toBe(1);
    return [...codes][0];
  };

  it("a copy printed before a return reads 已失效 for ever, even once approved again; the reprint carries a new code", async () => {
    const student = await newStudent(prisma, "01");
    let r = await agreementAt(prisma, "APPROVED", { student, employer: w.soft, counselor: w.counselor });
    const before = codeOf((await printAgreement(asActor(w.counselor), r.agreementId, { reason: null }, ORIGIN)).pdf.bytes);
    expect(await verifyAgreementCode(before)).toMatchObject({ ok: true, valid: true });

    // the 学院 returns it: the printed copy is void
    r = await returnAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, "单位意见需重新填写");
    expect(await verifyAgreementCode(before)).toMatchObject({ ok: true, valid: false });

    // corrected, signed, confirmed and approved again: the old copy stays void
    r = await saveDraft(student, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version });
    r = await submitAgreement(student, { agreementId: r.agreementId, version: r.version });
    r = await signAsEmployer(w.soft, { agreementId: r.agreementId, version: r.version }, await signForm(prisma, w.soft.employerId!));
    r = await confirmAsStudent(student, { agreementId: r.agreementId, version: r.version });
    r = await approveAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, approveForm);
    const stale = await verifyAgreementCode(before);
    expect(stale).toMatchObject({ ok: true, valid: false, statusLabel: "审核通过（可打印）" });

    // the reprint under the new approval: a new code, and that one verifies
    const after = codeOf((await printAgreement(asActor(w.counselor), r.agreementId, { reason: "重新审核通过后打印" }, ORIGIN)).pdf.bytes);
    expect(after.slice(0, 11)).toBe(before.slice(0, 11)); // the same 协议书号
    expect(after).not.toBe(before);
    expect(await verifyAgreementCode(after)).toMatchObject({ ok: true, valid: true });
    expect(await verifyAgreementCode(before)).toMatchObject({ ok: true, valid: false });
  }, 120_000);
});

describe("who may print", () => {
  it("refuses the student's second print; the 学院's counselor reprints with a reason, and so does the office", async () => {
    const again = await refusal(printAgreement(asActor(w.student), approvedId, { reason: "再打一份" }, ORIGIN));
    expect(again.code).toBe("FORBIDDEN");
    expect(again.message).toContain("已打印过");

    const noReason = await refusal(printAgreement(asActor(w.counselor), approvedId, { reason: null }, ORIGIN));
    expect(noReason.code).toBe("INVALID_INPUT");
    expect(noReason.fieldErrors?.reason).toBeDefined();

    const byCounselor = await printAgreement(asActor(w.counselor), approvedId, { reason: "邮寄中遗失" }, ORIGIN);
    const byOffice = await printAgreement(asActor(w.office), approvedId, { reason: "单位要求重新盖章" }, ORIGIN);

    const records = await prisma.printRecord.findMany({ where: { agreementId: approvedId }, orderBy: { createdAt: "asc" } });
    expect(records.map((r) => [r.role, r.reason, r.printNo])).toEqual([
      ["STUDENT", null, 1],
      ["COUNSELOR", "邮寄中遗失", 2],
      ["OFFICE", "单位要求重新盖章", 3],
    ]);
    // each reprint is its own document (its number is printed on it), recorded with its hash
    expect(records.map((r) => r.pdfHash)).toEqual([records[0].pdfHash, byCounselor.pdf.pdfHash, byOffice.pdf.pdfHash]);
    expect(new Set(records.map((r) => r.pdfHash)).size).toBe(3);
  });

  it("marks every page of a reprint 补打 · 第 N 次打印, and leaves the first print unmarked (#17.4)", async () => {
    const student = await newStudent(prisma, "01");
    const r = await agreementAt(prisma, "APPROVED", { student, employer: w.bank, counselor: w.counselor });
    const first = await printAgreement(asActor(student), r.agreementId, { reason: null }, ORIGIN);
    const second = await printAgreement(asActor(w.counselor), r.agreementId, { reason: "学生遗失" }, ORIGIN);
    const third = await printAgreement(asActor(w.office), r.agreementId, { reason: "单位要求重新盖章" }, ORIGIN);
    const pages = (bytes: Uint8Array) => Array.from({ length: 6 }, (_, i) => poppler("pdftotext", bytes, ["-f", String(i + 1), "-l", String(i + 1)]));
    for (const t of pages(first.pdf.bytes)) expect(t).not.toMatch(/补打|次打印/);
    for (const [result, n] of [[second, 2], [third, 3]] as const) {
      const each = pages(result.pdf.bytes);
      expect(each.map((t) => t.includes(`补打 · 第 ${n} 次打印`))).toEqual([true, true, true, true, true, true]);
      expect(each.some((t) => t.includes(`第 ${n === 2 ? 3 : 2} 次打印`))).toBe(false);
      // the reprint is still a document /verify recognises (the same code on every page)
      const code = /验证码：\s*(\d{4}-\d{6}-[0-9A-Z]{10})/.exec(each[0])![1];
      expect(await verifyAgreementCode(code)).toMatchObject({ ok: true, valid: true });
    }
    expect(
      (await prisma.printRecord.findMany({ where: { agreementId: r.agreementId }, orderBy: { printNo: "asc" } })).map((x) => [x.printNo, x.pdfHash]),
    ).toEqual([
      [1, first.pdf.pdfHash],
      [2, second.pdf.pdfHash],
      [3, third.pdf.pdfHash],
    ]);

    // two reprints at once: one is recorded with the number it carries, the other is told to look again
    const race = await Promise.allSettled([
      printAgreement(asActor(w.counselor), r.agreementId, { reason: "甲" }, ORIGIN),
      printAgreement(asActor(w.office), r.agreementId, { reason: "乙" }, ORIGIN),
    ]);
    expect(race.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect((race.find((x) => x.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const won = (race.find((x) => x.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof printAgreement>>>).value;
    expect(poppler("pdftotext", won.pdf.bytes)).toContain("补打 · 第 4 次打印");
    expect(await prisma.printRecord.findMany({ where: { agreementId: r.agreementId }, select: { printNo: true }, orderBy: { printNo: "asc" } })).toEqual(
      [1, 2, 3, 4].map((printNo) => ({ printNo })),
    );
  }, 120_000);

  it("refuses the unit, other students, other units and other 学院's counselors with FORBIDDEN (403)", async () => {
    const outsiders = [w.soft, w.bank, w.student2, w.pendingStudent, w.otherCounselor];
    for (const outsider of outsiders) {
      const error = await refusal(printAgreement(asActor(outsider), approvedId, { reason: "试图打印" }, ORIGIN));
      expect(error.code).toBe("FORBIDDEN");
    }
    for (const outsider of [w.bank, w.student2, w.otherCounselor, w.soft]) {
      expect((await refusal(previewAgreementPdf(asActor(outsider), approvedId, ORIGIN))).code).toBe("FORBIDDEN");
    }
    // an id that does not exist looks exactly like someone else's agreement
    const missing = await refusal(printAgreement(asActor(w.office), "00000000-0000-4000-8000-000000000000", { reason: "x" }, ORIGIN));
    expect(missing.code).toBe("FORBIDDEN");
    expect(await prisma.printRecord.count({ where: { printedById: { in: outsiders.map((o) => o.userId!) } } })).toBe(0);
  });

  it("refuses any print before the 学院 approves, but shows the parties a 样张 without QR or code", async () => {
    const early = await refusal(printAgreement(asActor(w.student2), pendingId, { reason: null }, ORIGIN));
    expect(early).toMatchObject({ code: "FORBIDDEN", message: NOT_APPROVED_MESSAGE });
    const office = await refusal(printAgreement(asActor(w.office), pendingId, { reason: "提前打印" }, ORIGIN));
    expect(office.code).toBe("FORBIDDEN");
    expect(await prisma.printRecord.count({ where: { agreementId: pendingId } })).toBe(0);

    const idNumber = (await prisma.student.findUniqueOrThrow({ where: { userId: w.student2.userId! } })).idNumber;
    for (const party of [w.student2, w.soft, w.counselor]) {
      const { pdf } = await previewAgreementPdf(asActor(party), pendingId, ORIGIN);
      const text = poppler("pdftotext", pdf.bytes);
      expect(text).toContain("样张");
      // a unit's 样张 never has the full 身份证号 (the takeover chain started there); the student's and the 学院's do
      expect([party.role, text.replace(/\s+/g, "").includes(idNumber)]).toEqual([party.role, party.role !== "EMPLOYER"]);
      if (party.role === "EMPLOYER") expect(text.replace(/\s+/g, "")).toContain(maskIdNumber(idNumber));
      expect(text).not.toContain("验证码：");
      expect(poppler("pdfinfo", pdf.bytes)).toMatch(/^Pages:\s+6$/m);
    }
    expect(await prisma.printRecord.count({ where: { agreementId: pendingId } })).toBe(0);
  });

  it("records exactly one print when the student clicks 打印 twice at once", async () => {
    const student = await newStudent(prisma, "01");
    const r = await agreementAt(prisma, "APPROVED", { student, employer: w.bank, counselor: w.counselor });
    const results = await Promise.allSettled([
      printAgreement(asActor(student), r.agreementId, { reason: null }, ORIGIN),
      printAgreement(asActor(student), r.agreementId, { reason: null }, ORIGIN),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(await prisma.printRecord.count({ where: { agreementId: r.agreementId } })).toBe(1);
  });
});

describe("the renderer", () => {
  it("relaunches Chromium and retries when the browser dies", async () => {
    const renderer = new PdfRenderer({ maxConcurrent: 1 });
    try {
      const body = await documentBody({
        sheet: SAMPLE_SHEET,
        schoolName: "东北理工大学",
        terms: { version: 1, content: "第一条 测试条款" },
        kind: "preview",
        verification: null,
        copies: 3,
      });
      const first = await renderer.render(body);
      expect(first.byteLength).toBeGreaterThan(1000);
      const pid = renderer.browserProcessId();
      expect(pid).toBeDefined();
      // killed while a render is in flight: that render fails over to a new browser
      const inFlight = renderer.render(body);
      process.kill(pid!, "SIGKILL");
      expect((await inFlight).byteLength).toBeGreaterThan(1000);
      expect(renderer.launches).toBe(2);
      expect(renderer.browserProcessId()).not.toBe(pid);
      // killed between renders: the next one starts a new browser
      process.kill(renderer.browserProcessId()!, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await renderer.render(body)).byteLength).toBeGreaterThan(1000);
      expect(renderer.launches).toBe(3);
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it("refills only what changed, yet every document shows its own values, terms, code and 样张 mark", async () => {
    const renderer = new PdfRenderer({ maxConcurrent: 1 }); // one page: every document refills the same one
    const doc = (n: number, terms: string, kind: "official" | "preview") =>
      documentBody({
        sheet: { ...SAMPLE_SHEET, agreementNo: `2027-90000${n}`, student: { ...SAMPLE_SHEET.student, name: `测试生${"甲乙丙丁"[n]}` } },
        schoolName: "东北理工大学",
        terms: { version: n, content: terms },
        kind,
        verification: kind === "official" ? { code: `2027-90000${n}-CODE${n}`, url: `https://jy.example.edu.cn/verify?c=CODE${n}` } : null,
        copies: 3,
      });
    const longTerms = Array.from({ length: 30 }, (_, i) => `第${i + 1}条 条款内容${"很长的条款文字".repeat(8)}`).join("\n");
    const sequence: [number, string, "official" | "preview"][] = [
      [0, "第一条 甲方的权利和义务", "official"],
      [1, "第一条 甲方的权利和义务", "official"], // same terms: the back page's body is kept
      [2, longTerms, "preview"], // long terms: fitted smaller; 样张 appears
      [3, "第一条 乙方的权利和义务", "official"], // short again: back to full size; 样张 gone
      [0, "第一条 甲方的权利和义务", "official"], // the first document once more: the same text as then
    ];
    try {
      const texts: string[] = [];
      for (const [n, terms, kind] of sequence) {
        const text = poppler("pdftotext", await renderer.render(await doc(n, terms, kind)));
        texts.push(text);
        expect(text).toContain(`2027-90000${n}`);
        expect(text).toContain(`测试生${"甲乙丙丁"[n]}`);
        for (const m of [0, 1, 2, 3].filter((x) => x !== n)) expect(text).not.toContain(`测试生${"甲乙丙丁"[m]}`);
        expect(text).toContain(terms.split("\n")[0].slice(0, 8));
        if (kind === "official") {
          expect(text).toContain(`CODE${n}`);
          expect(text).not.toContain("样张");
        } else {
          expect(text).toMatch(/样\s*张/);
          expect(text).not.toMatch(/CODE\d/);
        }
      }
      expect(texts[1]).toContain("甲方的权利和义务");
      expect(texts[3]).toContain("乙方的权利和义务");
      expect(texts[3]).not.toContain("甲方的权利和义务");
      expect(texts[2]).toContain("第30条"); // the long terms were shrunk to fit, not cut off
      expect(texts[4]).toBe(texts[0]);
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
