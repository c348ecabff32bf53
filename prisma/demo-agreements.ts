// Agreements for the demo of `npm start`, so that every role finds work and the office's
// dashboard has something to show: graduates of all three 学院 at every step, with the demo
// units, driven through the real services (the same transitions, audit events and
// notifications as in use). The required demo students (2022010101, 2022010102, 2022010199)
// are left without an agreement, to walk the whole journey themselves.
// The helpers that drive one agreement to a step are shared with the tests.
import type { Db } from "@/lib/db/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { signatureFromProfile } from "@/lib/agreement/unit-section";
import { employerSignSchema } from "@/lib/workflow/schemas";
import {
  approveAsCounselor,
  confirmAsStudent,
  fileAgreement,
  returnAsEmployer,
  saveDraft,
  signAsEmployer,
  submitAgreement,
  type WorkflowActor,
} from "@/lib/workflow";

export const studentForm = (employerId: string, studentEmail = "student@example.com") => ({
  employerId,
  studentPhone: "13812345678",
  studentEmail,
  studentOpinion: "同意",
});

export async function signForm(prisma: Db, employerId: string) {
  return employerSignSchema.parse(signatureFromProfile(await prisma.employer.findUniqueOrThrow({ where: { id: employerId } })));
}

export const approveForm = {
  schoolContact: "王老师",
  schoolPhone: "0451-86412345",
  schoolPostalCode: "150001",
  schoolMailAddress: "黑龙江省哈尔滨市南岗区西大直街92号 就业指导中心",
  collegeOpinion: "同意",
  schoolOpinion: null,
};

const ORDER: AgreementStatus[] = ["DRAFT", "PENDING_EMPLOYER", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"];

/** Drives one student's agreement with `employer` through the real services up to `target`. */
export async function agreementAt(
  prisma: Db,
  target: AgreementStatus,
  parties: { student: WorkflowActor; employer: WorkflowActor; counselor: WorkflowActor },
  studentEmail?: string,
) {
  const { student, employer, counselor } = parties;
  let r = await saveDraft(student, studentForm(employer.employerId!, studentEmail));
  const steps: (() => Promise<typeof r>)[] = [
    () => submitAgreement(student, { agreementId: r.agreementId, version: r.version }),
    async () => signAsEmployer(employer, { agreementId: r.agreementId, version: r.version }, await signForm(prisma, employer.employerId!)),
    () => confirmAsStudent(student, { agreementId: r.agreementId, version: r.version }),
    () => approveAsCounselor(counselor, { agreementId: r.agreementId, version: r.version }, approveForm),
    () => fileAgreement(counselor, { agreementId: r.agreementId, version: r.version }),
  ];
  for (let i = 0; i < ORDER.indexOf(target); i++) r = await steps[i]();
  return r;
}

/**
 * Where each demo graduate's agreement stands, with approved units only (the seed's 医院 is
 * still 待审核 and its 汽车 unit was rejected); "RETURNED": refused by the unit, with a reason.
 */
const PLAN: { studentNo: string; unit: string; at: AgreementStatus }[] = [
  // 学院 01
  { studentNo: "2022010103", unit: "hr@demo-soft.example", at: "PENDING_EMPLOYER" },
  { studentNo: "2022010201", unit: "hr@demo-soft.example", at: "PENDING_STUDENT_CONFIRM" },
  { studentNo: "2022010202", unit: "hr@demo-bank.example", at: "PENDING_COLLEGE_REVIEW" },
  { studentNo: "2022010301", unit: "hr@demo-research.example", at: "APPROVED" },
  { studentNo: "2022010302", unit: "hr@demo-cloud.example", at: "FILED" },
  { studentNo: "2024018001", unit: "hr@demo-soft.example", at: "FILED" },
  { studentNo: "2024018003", unit: "hr@demo-bank.example", at: "RETURNED" },
  // 学院 02
  { studentNo: "2022020101", unit: "hr@demo-bank.example", at: "PENDING_EMPLOYER" },
  { studentNo: "2022020102", unit: "hr@demo-cloud.example", at: "PENDING_STUDENT_CONFIRM" },
  { studentNo: "2022020201", unit: "hr@demo-soft.example", at: "PENDING_COLLEGE_REVIEW" },
  { studentNo: "2022020202", unit: "hr@demo-gov.example", at: "APPROVED" },
  { studentNo: "2022020301", unit: "hr@demo-research.example", at: "FILED" },
  { studentNo: "2022020302", unit: "hr@demo-bank.example", at: "FILED" },
  { studentNo: "2024028001", unit: "hr@demo-school.example", at: "PENDING_COLLEGE_REVIEW" },
  // 学院 03
  { studentNo: "2022030101", unit: "hr@demo-soft.example", at: "PENDING_EMPLOYER" },
  { studentNo: "2022030102", unit: "hr@demo-gov.example", at: "PENDING_STUDENT_CONFIRM" },
  { studentNo: "2022030201", unit: "hr@demo-cloud.example", at: "PENDING_COLLEGE_REVIEW" },
  { studentNo: "2022030202", unit: "hr@demo-school.example", at: "APPROVED" },
  { studentNo: "2022030301", unit: "hr@demo-research.example", at: "FILED" },
  { studentNo: "2022030302", unit: "hr@demo-gov.example", at: "APPROVED" },
  { studentNo: "2024038001", unit: "hr@demo-bank.example", at: "FILED" },
];

export async function actorFor(prisma: Db, username: string): Promise<WorkflowActor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId };
}

/** Writes the demo agreements once: does nothing when any agreement exists. Returns how many it wrote. */
export async function seedDemoAgreements(prisma: Db): Promise<number> {
  if ((await prisma.agreement.count()) > 0) return 0;
  const counselors = new Map<string, WorkflowActor>();
  for (const c of await prisma.user.findMany({ where: { role: "COUNSELOR", active: true }, orderBy: { username: "asc" } })) {
    if (c.collegeId && !counselors.has(c.collegeId)) counselors.set(c.collegeId, await actorFor(prisma, c.username));
  }
  for (const p of PLAN) {
    const student = await actorFor(prisma, p.studentNo);
    const employer = await actorFor(prisma, p.unit);
    const { collegeId } = await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } });
    const counselor = counselors.get(collegeId)!;
    const email = `${p.studentNo}@stu.neut.example`;
    if (p.at === "RETURNED") {
      const r = await agreementAt(prisma, "PENDING_EMPLOYER", { student, employer, counselor }, email);
      await returnAsEmployer(employer, { agreementId: r.agreementId, version: r.version }, "该岗位今年已招满，请改签其他单位");
    } else {
      await agreementAt(prisma, p.at, { student, employer, counselor }, email);
    }
  }
  return PLAN.length;
}
