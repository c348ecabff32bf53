// 回传 (纸质 mode): after stamping, the student uploads the scan or photo of the stamped
// agreement; the 学院's counselor sees it at 网上签约备案, and the office may require it for
// 备案 (Setting.requireScanForFiling, checked by fileAgreement). Files are checked by their
// bytes, not their names: PDF, JPEG or PNG, at most 10 MB.
import { SCAN_BYTES } from "@/lib/http/limits";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit";
import { getAgreementForActor } from "@/lib/workflow/queries";

export const MAX_SCAN_BYTES = SCAN_BYTES;

const TYPES = [
  { mime: "application/pdf", ext: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: "image/jpeg", ext: "jpg", magic: [0xff, 0xd8, 0xff] },
  { mime: "image/png", ext: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

export function scanTypeOf(bytes: Uint8Array): (typeof TYPES)[number] | null {
  return TYPES.find((t) => t.magic.every((b, i) => bytes[i] === b)) ?? null;
}

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", message, { file: message });
}

export type ScanView = { id: string; fileName: string; mimeType: string; size: number; createdAt: Date };

/** The 回传 files of the agreement's current approval, newest first. */
export async function scansOf(agreementId: string): Promise<ScanView[]> {
  const a = await prisma.agreement.findUnique({ where: { id: agreementId }, select: { approvedAt: true } });
  if (!a?.approvedAt) return [];
  return prisma.agreementScan.findMany({
    where: { agreementId, createdAt: { gte: a.approvedAt } },
    orderBy: { createdAt: "desc" },
    select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
  });
}

/** 上传回传件: the student, on their own approved paper agreement. */
export async function uploadScan(actor: Actor, agreementId: string, file: { name: string; bytes: Uint8Array }): Promise<ScanView> {
  if (actor.role !== "STUDENT") throw new AppError("FORBIDDEN", "回传件由毕业生本人上传");
  const agreement = await getAgreementForActor(actor, agreementId);
  if (agreement.signingMode === "ELECTRONIC") throw new AppError("INVALID_STATE", "电子协议以带数字签名的 PDF 为原件，无需上传回传件");
  if (agreement.status !== "APPROVED") {
    throw new AppError("INVALID_STATE", agreement.status === "FILED" ? "协议已备案，无需再上传回传件" : "学院审核通过并打印、盖章后，才能上传回传件");
  }
  if (file.bytes.byteLength === 0) refuse("请选择盖章后的就业协议书扫描件或照片");
  if (file.bytes.byteLength > MAX_SCAN_BYTES) refuse(`文件不能超过 ${MAX_SCAN_BYTES / 1024 / 1024} MB，请压缩后重新上传（手机照片可选“压缩”或降低分辨率）`);
  const type = scanTypeOf(file.bytes);
  if (!type) refuse("只能上传 PDF、JPG 或 PNG 文件");
  const base = file.name.replace(/[\\/\u0000-\u001f]/g, "").trim().slice(0, 80) || "回传件";
  const fileName = /\.[A-Za-z0-9]{1,5}$/.test(base) ? base.replace(/\.[A-Za-z0-9]{1,5}$/, `.${type.ext}`) : `${base}.${type.ext}`;
  return prisma.$transaction(async (tx) => {
    const scan = await tx.agreementScan.create({
      data: {
        agreementId,
        agreementVersion: agreement.version,
        fileName,
        mimeType: type.mime,
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        bytes: new Uint8Array(file.bytes),
        uploadedById: actor.userId,
      },
      select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
    });
    await recordAudit(tx, { actor, entity: "AgreementScan", entityId: scan.id, action: "uploadScan", changes: { agreementId, fileName, size: scan.size, mimeType: type.mime } });
    return scan;
  });
}

/** A 回传 file, for the student, the 学院's counselors and the office; everyone else NOT_FOUND. */
export async function scanFileFor(actor: Actor, agreementId: string, scanId: string) {
  if (actor.role === "EMPLOYER") throw new AppError("NOT_FOUND", "未找到该文件");
  await getAgreementForActor(actor, agreementId); // NOT_FOUND unless visible
  if (!/^[0-9a-f-]{36}$/i.test(scanId)) throw new AppError("NOT_FOUND", "未找到该文件");
  const scan = await prisma.agreementScan.findFirst({ where: { id: scanId, agreementId }, select: { fileName: true, mimeType: true, bytes: true } });
  if (!scan) throw new AppError("NOT_FOUND", "未找到该文件");
  return scan;
}
