// 解约函 / 退函 (#14): the PDF or image a party uploads with its 解约 request. Checked by its
// bytes (PDF, JPEG, PNG), at most LETTER_BYTES, stored in the database (never public): the
// uploader sees it until the request is made, then the agreement's parties, its 学院's
// counselors and the office (lib/workflow/access.ts).
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { LETTER_BYTES, formatBytes } from "@/lib/http/limits";
import { scanTypeOf } from "@/lib/printing/scans";
import { getAgreementForActor } from "@/lib/workflow/queries";

export const MAX_LETTER_BYTES = LETTER_BYTES;
export const LETTER_TOO_LARGE = `解约函不能超过 ${formatBytes(LETTER_BYTES)}，请压缩后重新上传`;

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", message, { file: message });
}

export type LetterView = { id: string; fileName: string; mimeType: string; size: number; createdAt: Date };

const viewSelect = { id: true, fileName: true, mimeType: true, size: true, createdAt: true } as const;

/** 上传解约函: the student or a unit's staff, before 申请解约 / 发起解约 (which attaches it). */
export async function uploadTerminationLetter(actor: Actor, file: { name: string; bytes: Uint8Array }): Promise<LetterView> {
  if (actor.role !== "STUDENT" && actor.role !== "EMPLOYER") throw new AppError("FORBIDDEN", "解约函由毕业生或用人单位上传");
  if (file.bytes.byteLength === 0) refuse("请选择解约函（PDF 或图片）");
  if (file.bytes.byteLength > MAX_LETTER_BYTES) refuse(LETTER_TOO_LARGE);
  const type = scanTypeOf(file.bytes);
  if (!type) refuse("解约函只能上传 PDF、JPG 或 PNG 文件");
  const base = file.name.replace(/[\\/\u0000-\u001f]/g, "").trim().slice(0, 80) || "解约函";
  const fileName = /\.[A-Za-z0-9]{1,5}$/.test(base) ? base.replace(/\.[A-Za-z0-9]{1,5}$/, `.${type.ext}`) : `${base}.${type.ext}`;
  return prisma.terminationLetter.create({
    data: {
      uploadedById: actor.userId,
      fileName,
      mimeType: type.mime,
      size: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      bytes: new Uint8Array(file.bytes),
    },
    select: viewSelect,
  });
}

/** The letter of an agreement's 解约 request, for whoever may see the agreement; else NOT_FOUND. */
export async function terminationLetterFor(actor: Actor, letterId: string) {
  const notFound = new AppError("NOT_FOUND", "未找到该文件");
  if (!/^[0-9a-f-]{36}$/i.test(letterId)) throw notFound;
  const letter = await prisma.terminationLetter.findUnique({ where: { id: letterId } });
  if (!letter) throw notFound;
  if (letter.agreementId) await getAgreementForActor(actor, letter.agreementId); // NOT_FOUND unless visible
  else if (letter.uploadedById !== actor.userId) throw notFound;
  return letter;
}

/** The letters of an agreement's 解约 requests, newest first (the caller has checked access). */
export function lettersOf(agreementId: string): Promise<LetterView[]> {
  return prisma.terminationLetter.findMany({ where: { agreementId }, orderBy: { createdAt: "desc" }, select: viewSelect });
}
