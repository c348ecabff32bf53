import { snapshotOf } from "@/lib/agreement/student-section";
import type { Tx } from "@/lib/db/client";
import { signingModeFor } from "@/lib/settings/signing-mode";
import { nextAgreementNumber } from "../agreement-number";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/**
 * What a submission fixes (正式提交, and 应约 which includes it): the 协议书号 (kept from an
 * earlier submission), the frozen 生源信息, the terms, the year's 签约方式, and — when the
 * student's earlier agreement was cancelled (解约) — the old 协议书号 the new one records.
 */
export async function submissionParams(tx: Tx, a: { agreementNo: string | null; studentId: string; graduationYear: number }) {
  const [student, settings, cancelled] = await Promise.all([
    tx.student.findUniqueOrThrow({ where: { id: a.studentId }, include: { major: true, college: true } }),
    tx.setting.findUnique({ where: { id: 1 }, select: { currentTermsId: true } }),
    tx.agreement.findFirst({
      where: { studentId: a.studentId, status: "CANCELLED", agreementNo: { not: null } },
      orderBy: { cancelledAt: "desc" },
      select: { agreementNo: true },
    }),
  ]);
  return {
    agreementNo: a.agreementNo ?? (await nextAgreementNumber(tx, a.graduationYear)),
    previousAgreementNo: cancelled?.agreementNo ?? null,
    snapshot: snapshotOf(student),
    termsId: settings?.currentTermsId ?? null,
    signingMode: await signingModeFor(tx, a.graduationYear),
  };
}

/** 正式提交: sends the saved agreement to the unit; assigns the 协议书号 the first time. */
export async function submitAgreement(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({
    action: "submit",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: ({ tx, agreement }) => submissionParams(tx, agreement!),
  });
}
