import { snapshotOf } from "@/lib/agreement/student-section";
import { signingModeFor } from "@/lib/settings/signing-mode";
import { nextAgreementNumber } from "../agreement-number";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** 正式提交: sends the saved agreement to the unit; assigns the 协议书号 the first time. */
export async function submitAgreement(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({
    action: "submit",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, agreement }) => {
      const a = agreement!;
      const [student, settings] = await Promise.all([
        tx.student.findUniqueOrThrow({ where: { id: a.studentId }, include: { major: true, college: true } }),
        tx.setting.findUnique({ where: { id: 1 }, select: { currentTermsId: true } }),
      ]);
      return {
        agreementNo: a.agreementNo ?? (await nextAgreementNumber(tx, a.graduationYear)),
        snapshot: snapshotOf(student),
        termsId: settings?.currentTermsId ?? null,
        signingMode: await signingModeFor(tx, a.graduationYear),
      };
    },
  });
}
