// Printing an agreement: the 样张 preview and the official print (recorded, exactly once
// per print action). Access goes through getAgreementForActor; whatever a person may not
// see or may not print is refused with FORBIDDEN, without telling whether it exists.
import { isUniqueViolation, prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { toSheetData } from "@/lib/agreement/sheet-data";
import { contentHashOf, pageCountOf, renderAgreementPdf, type AgreementPdf, type AgreementPdfInput } from "@/lib/pdf/agreement-pdf";
import { sha256 } from "@/lib/pdf/cache";
import { signingIdentity } from "@/lib/signing/identity";
import { placedSeals } from "@/lib/seals/service";
import { signingRecordEntries } from "./signing-record";
import { verificationCode, verificationUrl } from "@/lib/pdf/verify-code";
import { seesFullIdNumber } from "@/lib/privacy/id-number";
import { getAgreementForActor, type AgreementDetail } from "@/lib/workflow/queries";
import { previewDecision, printDecision, type PrintDecision } from "./rules";

export const FORBIDDEN_MESSAGE = "无权打印该协议书。";

async function visibleAgreement(actor: Actor, agreementId: string): Promise<AgreementDetail> {
  try {
    return await getAgreementForActor(actor, agreementId);
  } catch (error) {
    // another student's or another unit's agreement, or none at all: the same 403
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
    throw error;
  }
}

async function printSettings() {
  const settings = await prisma.setting.findUnique({ where: { id: 1 }, include: { currentTerms: true } });
  return {
    schoolName: settings?.schoolName ?? "",
    copies: settings?.copiesPerPrint ?? 3,
    showReportTitle: settings?.showReportTitle ?? false,
    currentTerms: settings?.currentTerms ?? null,
  };
}

/** 第 N 次打印: the number the next print of this agreement gets (its records so far + 1). */
export function nextPrintNo(history: readonly unknown[]): number {
  return history.length + 1;
}

async function documentInput(
  viewer: Actor,
  detail: AgreementDetail,
  kind: "official" | "preview",
  origin: string,
  printNo: number | null = null,
): Promise<AgreementPdfInput> {
  const settings = await printSettings();
  const electronic = detail.signingMode === "ELECTRONIC";
  // An agreement prints with the terms it was submitted under; a draft with today's.
  const terms = detail.terms ?? settings.currentTerms;
  let verification: AgreementPdfInput["verification"] = null;
  if (kind === "official") {
    if (!detail.agreementNo) throw new AppError("INVALID_STATE", "协议书号尚未生成，不能打印");
    // bound to the approval in force: a copy printed before a return never verifies again
    const code = verificationCode(detail.id, detail.agreementNo, detail.approvals);
    verification = { code, url: verificationUrl(origin, code) };
  }
  return {
    // the official print is the legal document (full 身份证号); a unit's 样张 is masked (lib/privacy/id-number.ts)
    sheet: toSheetData(detail, { maskIdNumber: !seesFullIdNumber(viewer.role, kind), showReportTitle: settings.showReportTitle }),
    schoolName: settings.schoolName,
    terms: { version: terms?.version ?? null, content: terms?.content ?? "（就业处尚未设置协议条款）" },
    kind,
    verification,
    copies: electronic ? 1 : settings.copies,
    // a paper reprint says so on every page; the first print, and the electronic original
    // (the same file for every party, downloaded as often as needed), carry no number
    reprint: !electronic && kind === "official" && printNo !== null && printNo > 1 ? { printNo } : null,
    // 电子协议: each party's seal as placed when it signed; the 签署记录 on the original
    seals: electronic ? await placedSeals(detail) : undefined,
    signingRecord:
      electronic && kind === "official"
        ? signingRecordEntries(detail.events, { unitName: detail.unitName ?? detail.employer.name, collegeName: detail.college.name })
        : null,
  };
}

export function fileNameOf(detail: Pick<AgreementDetail, "agreementNo" | "student" | "signingMode">, kind: "official" | "preview"): string {
  const original = kind === "official" && detail.signingMode === "ELECTRONIC" ? "-电子原件" : "";
  return `就业协议书-${detail.agreementNo ?? "草稿"}-${detail.student.name}${kind === "preview" ? "-样张" : original}.pdf`;
}

/** 打印预览 / 样张: no QR, no verification code, marked 样张; nothing is recorded. */
export async function previewAgreementPdf(actor: Actor, agreementId: string, origin: string) {
  const detail = await visibleAgreement(actor, agreementId);
  const decision = previewDecision(actor.role, detail.status, detail);
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.message);
  const pdf = await renderAgreementPdf(await documentInput(actor, detail, "preview", origin));
  return { pdf, fileName: fileNameOf(detail, "preview") };
}

/** What the print panel shows this person: may they print now, is a reason needed. */
export async function printStatusFor(actor: Actor, agreementId: string): Promise<PrintDecision> {
  const detail = await visibleAgreement(actor, agreementId);
  return printDecision(actor.role, detail.status, detail.printRecords, detail);
}

/**
 * The official PDF of this content, issued once: the signed bytes and their hash are stored
 * (IssuedDocument), so /verify recognises the very file that was handed out, and a reprint of
 * unchanged content is the same file. Rendering happens outside any transaction; two first
 * prints at once store one document (the unique key) and both return it.
 */
export async function issueOfficialPdf(detail: Pick<AgreementDetail, "id" | "version" | "signingMode">, input: AgreementPdfInput): Promise<AgreementPdf> {
  const identity = signingIdentity();
  const contentHash = contentHashOf(input, identity);
  const stored = () =>
    prisma.issuedDocument.findUnique({ where: { agreementId_contentHash: { agreementId: detail.id, contentHash } } });
  const asPdf = (doc: { bytes: Uint8Array; sha256: string; signerName: string }, cached: boolean): AgreementPdf => ({
    bytes: new Uint8Array(doc.bytes),
    contentHash,
    pdfHash: doc.sha256,
    cached,
    pages: pageCountOf(input),
    signerName: doc.signerName,
  });
  const existing = await stored();
  if (existing) return asPdf(existing, true);
  const pdf = await renderAgreementPdf(input, { identity });
  try {
    await prisma.issuedDocument.create({
      data: {
        agreementId: detail.id,
        agreementVersion: detail.version,
        mode: detail.signingMode,
        contentHash,
        sha256: sha256(pdf.bytes),
        bytes: Buffer.from(pdf.bytes),
        signerName: identity.commonName,
      },
    });
    return pdf;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await stored();
    if (!winner) throw error;
    return asPdf(winner, false);
  }
}

export type PrintResult = { pdf: AgreementPdf; fileName: string; recordId: string };

/**
 * 打印: checks, renders (or takes the cached PDF), then records the print. The record is
 * written under a row lock on the agreement with the rule checked again, so a double
 * click or two tabs cannot print twice where only one print is allowed.
 */
export async function printAgreement(
  actor: Actor,
  agreementId: string,
  input: { reason: string | null },
  origin: string,
): Promise<PrintResult> {
  const detail = await visibleAgreement(actor, agreementId);
  const first = printDecision(actor.role, detail.status, detail.printRecords, detail);
  if (!first.allowed) throw new AppError("FORBIDDEN", first.message);
  const reason = input.reason?.trim() || null;
  if (first.needsReason && !reason) {
    throw new AppError("INVALID_INPUT", "本协议书已打印过，重新打印须填写原因", { reason: "请填写重新打印的原因" });
  }
  const printNo = nextPrintNo(detail.printRecords);
  const pdf = await issueOfficialPdf(detail, await documentInput(actor, detail, "official", origin, printNo));
  const copies = detail.signingMode === "ELECTRONIC" ? 1 : (await printSettings()).copies;

  const record = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Agreement" WHERE "id" = ${detail.id}::uuid FOR UPDATE`;
    const current = await tx.agreement.findUniqueOrThrow({
      where: { id: detail.id },
      select: { status: true, signingMode: true, attestedAt: true, version: true, printRecords: { select: { role: true } } },
    });
    // the document handed out must be of the agreement as it still is (not returned meanwhile)
    if (current.version !== detail.version) throw new AppError("CONFLICT", "该协议刚刚被他人更新，请刷新后重新打印");
    const again = printDecision(actor.role, current.status, current.printRecords, current);
    if (!again.allowed) throw new AppError("FORBIDDEN", again.message);
    if (again.needsReason && !reason) {
      throw new AppError("INVALID_INPUT", "本协议书已打印过，重新打印须填写原因", { reason: "请填写重新打印的原因" });
    }
    // the number printed on the pages must be this record's: another print came first
    if (nextPrintNo(current.printRecords) !== printNo) throw new AppError("CONFLICT", "本协议书刚刚已被打印，请刷新后查看打印记录，如需再次打印请重试");
    return tx.printRecord.create({
      data: {
        agreementId: detail.id,
        printedById: actor.userId,
        role: actor.role,
        copies,
        printNo,
        reason,
        pdfHash: pdf.pdfHash,
      },
    });
  });
  return { pdf, fileName: fileNameOf(detail, "official"), recordId: record.id };
}
