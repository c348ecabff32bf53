// 电子协议 or 纸质打印盖章, chosen by the office per graduation year (届), and the two switches
// of the paper form: 就业报到证抬头 kept or not, 回传 required for 备案 or not.
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SigningMode } from "@/lib/generated/prisma/enums";
import { changesOf, recordAudit } from "@/lib/audit";
import { settingRowIn } from "./row";
import { requireOffice } from "./service";

import { signingModeFor, type Reader } from "./signing-mode";

export { SIGNING_MODE_LABELS, signingModeFor } from "./signing-mode";

/** The years the office can set: every year that has graduates, and any year already set. */
export async function signingModes(): Promise<{ graduationYear: number; signingMode: SigningMode; graduates: number }[]> {
  const [years, settings] = await Promise.all([
    prisma.student.groupBy({ by: ["graduationYear"], _count: { _all: true } }),
    prisma.graduationYearSetting.findMany(),
  ]);
  const byYear = new Map<number, { graduationYear: number; signingMode: SigningMode; graduates: number }>();
  for (const y of years) byYear.set(y.graduationYear, { graduationYear: y.graduationYear, signingMode: "PAPER", graduates: y._count._all });
  for (const s of settings) byYear.set(s.graduationYear, { graduationYear: s.graduationYear, signingMode: s.signingMode, graduates: byYear.get(s.graduationYear)?.graduates ?? 0 });
  return [...byYear.values()].sort((a, b) => b.graduationYear - a.graduationYear);
}

/** 设置签约方式: applies to agreements submitted from now on; those in progress keep theirs. */
export async function setSigningMode(actor: Actor, input: { graduationYear: number; signingMode: SigningMode }) {
  requireOffice(actor);
  return prisma.$transaction(async (tx) => {
    const before = await signingModeFor(tx, input.graduationYear);
    await tx.graduationYearSetting.upsert({
      where: { graduationYear: input.graduationYear },
      create: { graduationYear: input.graduationYear, signingMode: input.signingMode, updatedById: actor.userId },
      update: { signingMode: input.signingMode, updatedById: actor.userId },
    });
    await recordAudit(tx, {
      actor,
      entity: "GraduationYearSetting",
      entityId: String(input.graduationYear),
      action: "setSigningMode",
      changes: { signingMode: { from: before, to: input.signingMode } },
    });
  });
}

export type PaperFormSettings = { showReportTitle: boolean; requireScanForFiling: boolean };

export async function paperFormSettings(db: Reader = prisma): Promise<PaperFormSettings> {
  const s = await settingRowIn(db);
  return { showReportTitle: s?.showReportTitle ?? false, requireScanForFiling: s?.requireScanForFiling ?? false };
}

export async function updatePaperFormSettings(actor: Actor, input: PaperFormSettings) {
  requireOffice(actor);
  return prisma.$transaction(async (tx) => {
    const before = await paperFormSettings(tx);
    await tx.setting.upsert({
      where: { id: 1 },
      create: { id: 1, schoolName: "", signingNotice: "", breachNotice: "", ...input },
      update: input,
    });
    await recordAudit(tx, { actor, entity: "Setting", entityId: "1", action: "updatePaperForm", changes: changesOf(before, input) as Prisma.InputJsonValue });
  });
}
