import type { Prisma } from "@/lib/generated/prisma/client";
import { nextAgreementNumber } from "../agreement-number";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** The student's 生源信息 as it is printed in 毕业生情况及意见, frozen at submission. */
export type StudentSnapshot = {
  studentNo: string;
  name: string;
  gender: string;
  ethnicityCode: string;
  politicalCode: string;
  trainingMode: string;
  educationCode: string;
  schoolingYears: number;
  graduationMonth: string;
  majorName: string;
  collegeName: string;
  idNumber: string;
  originProvince: string;
  originCity: string;
  homeAddress: string;
};

type StudentWithPlace = Omit<StudentSnapshot, "majorName" | "collegeName"> & { major: { name: string }; college: { name: string } };

/** The 毕业生 section of a student's 生源信息, as printed. */
export function snapshotOf(s: StudentWithPlace): StudentSnapshot {
  return {
    studentNo: s.studentNo,
    name: s.name,
    gender: s.gender,
    ethnicityCode: s.ethnicityCode,
    politicalCode: s.politicalCode,
    trainingMode: s.trainingMode,
    educationCode: s.educationCode,
    schoolingYears: s.schoolingYears,
    graduationMonth: s.graduationMonth,
    majorName: s.major.name,
    collegeName: s.college.name,
    idNumber: s.idNumber,
    originProvince: s.originProvince,
    originCity: s.originCity,
    homeAddress: s.homeAddress,
  };
}

/** 正式提交: sends the saved agreement to the unit; assigns the 协议书号 the first time. */
export async function submitAgreement(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({
    action: "submit",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    build: async ({ tx, agreement, now }) => {
      const a = agreement!;
      const student = await tx.student.findUniqueOrThrow({
        where: { id: a.studentId },
        include: { major: true, college: true },
      });
      const snapshot = snapshotOf(student);
      const settings = await tx.setting.findUnique({ where: { id: 1 } });
      return {
        data: {
          agreementNo: a.agreementNo ?? (await nextAgreementNumber(tx, a.graduationYear)),
          studentSnapshot: snapshot as unknown as Prisma.InputJsonValue,
          termsId: settings?.currentTermsId ?? null,
          submittedAt: now,
          returnReason: null,
          returnedByRole: null,
          returnedAt: null,
        },
        changes: { submittedAt: { from: a.submittedAt, to: now } },
      };
    },
  });
}
