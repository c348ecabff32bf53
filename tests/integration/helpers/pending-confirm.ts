// Fixtures for the auto-confirmation tests: agreements brought to 待学生复核确认 by the real
// services (saveDraft → submitAgreement → signAsEmployer) on the demo university.
import type { Db } from "@/lib/db/client";
import type { WorkflowActor } from "@/lib/workflow/actor";
import { saveDraft, signAsEmployer, submitAgreement } from "@/lib/workflow";
import { employerSignSchema } from "@/lib/workflow/schemas";
import { signatureFromProfile } from "@/lib/agreement/unit-section";

export type PendingConfirm = {
  agreementId: string;
  version: number;
  collegeId: string;
  studentUserId: string;
  studentEmail: string;
  employerSignedAt: Date;
  autoConfirmAt: Date;
};

export async function studentActor(db: Db, studentNo: string): Promise<WorkflowActor> {
  const s = await db.student.findUniqueOrThrow({ where: { studentNo }, include: { user: true } });
  return { userId: s.userId, role: "STUDENT", name: s.name, collegeId: s.collegeId, employerId: null };
}

export async function employerActor(db: Db, username = "hr@demo-soft.example"): Promise<WorkflowActor> {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return { userId: u.id, role: "EMPLOYER", name: u.name, collegeId: null, employerId: u.employerId };
}

/** Students who may sign and have no agreement yet, spread over the 学院 (round-robin). */
export async function freeStudents(db: Db, count: number): Promise<string[]> {
  const students = await db.student.findMany({
    where: { sourceStatus: { in: ["APPROVED", "PENDING_OFFICE"] }, agreements: { none: {} } },
    orderBy: { studentNo: "asc" },
    select: { studentNo: true, collegeId: true },
  });
  const byCollege = new Map<string, string[]>();
  for (const s of students) byCollege.set(s.collegeId, [...(byCollege.get(s.collegeId) ?? []), s.studentNo]);
  const queues = [...byCollege.values()];
  const picked: string[] = [];
  for (let i = 0; picked.length < count && queues.some((q) => q.length); i++) {
    const q = queues[i % queues.length];
    if (q.length) picked.push(q.shift()!);
  }
  if (picked.length < count) throw new Error(`only ${picked.length} free students for ${count} agreements`);
  return picked;
}

/** 确定签约 with the unit's profile; with its own default opinion too when `defaults` (as 批量签约 signs). */
export async function signFor(db: Db, employer: WorkflowActor, ref: { agreementId: string; version: number }, options: { defaults?: boolean } = {}) {
  const e = await db.employer.findUniqueOrThrow({ where: { id: employer.employerId! } });
  const profile = signatureFromProfile(e);
  const input = employerSignSchema.parse(options.defaults ? profile : { ...profile, employerOpinion: "同意接收该生" });
  return signAsEmployer(employer, ref, input);
}

/** Brings `count` agreements (of distinct free students) to PENDING_STUDENT_CONFIRM. */
export async function makePendingConfirm(db: Db, count: number, employerUsername?: string): Promise<PendingConfirm[]> {
  const employer = await employerActor(db, employerUsername);
  const result: PendingConfirm[] = [];
  for (const studentNo of await freeStudents(db, count)) {
    const student = await studentActor(db, studentNo);
    const studentEmail = `${studentNo}@stu.example`;
    const draft = await saveDraft(student, { employerId: employer.employerId!, studentPhone: "13812345678", studentEmail, studentOpinion: "同意" });
    const submitted = await submitAgreement(student, { agreementId: draft.agreementId, version: draft.version });
    const signed = await signFor(db, employer, { agreementId: submitted.agreementId, version: submitted.version });
    result.push({
      agreementId: signed.agreementId,
      version: signed.version,
      collegeId: signed.agreement.collegeId,
      studentUserId: student.userId!,
      studentEmail,
      employerSignedAt: signed.agreement.employerSignedAt!,
      autoConfirmAt: signed.agreement.autoConfirmAt!,
    });
  }
  return result;
}

/** Test-only: moves the 7-day deadline into the past, as if the days had gone by. */
export async function makeOverdue(db: Db, agreementIds: string[], by = 60_000): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "Agreement" SET "autoConfirmAt" = (now() AT TIME ZONE 'UTC') - make_interval(secs => $2) WHERE id = ANY($1::uuid[])`,
    agreementIds,
    by / 1000,
  );
}
