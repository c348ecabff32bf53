// The mode of a graduation year, read by the workflow when a student submits (no other
// settings code here, so lib/workflow can import it without a cycle).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SigningMode } from "@/lib/generated/prisma/enums";

export type Reader = Db | Prisma.TransactionClient;

export const SIGNING_MODE_LABELS: Record<SigningMode, string> = {
  PAPER: "纸质打印盖章",
  ELECTRONIC: "电子协议",
};

/** The mode of a graduation year; PAPER unless the office chose 电子协议. */
export async function signingModeFor(db: Reader, graduationYear: number): Promise<SigningMode> {
  const row = await db.graduationYearSetting.findUnique({ where: { graduationYear }, select: { signingMode: true } });
  return row?.signingMode ?? "PAPER";
}
