// 解约 online (#14) on a real PostgreSQL: each path (student- and unit-started, with and
// without the 就业处's review), each refusal, the lapse by the scheduled job, races, the
// office's limits, the new 协议书号 that records the old one, /verify after cancellation, the
// statistics, notifications, and the 解约函 upload.
import { addDays } from "date-fns";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { answerTermination, lapseTerminationsDue, requestTermination, reviewTermination, saveDraft, submitAgreement, withdrawTermination } from "@/lib/workflow";
import { getStudentAgreement } from "@/lib/workflow/queries";
import { verificationCode } from "@/lib/pdf/verify-code";
import { verifyAgreementCode } from "@/lib/printing/verify";
import { terminationFigures } from "@/lib/termination/statistics";
import { grantTerminationException, updateTerminationSettings } from "@/lib/termination/settings";
import { terminationLetterFor, uploadTerminationLetter } from "@/lib/termination/letters";
import { toSheetData } from "@/lib/agreement/sheet-data";
import { runJobsOnce } from "@/jobs/in-process";
import { JOBS } from "@/jobs/list";
import { agreementAt, demoWorld, newStudent, refOf as ref, studentForm, TERMINATION_DEFAULTS as DEFAULTS } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";
import type { WorkflowActor } from "@/lib/workflow";
import type { Actor } from "@/lib/auth/roles";
import { refusal } from "../helpers/refusal";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
});

beforeEach(async () => {
  await updateTerminationSettings(w.office as Actor, DEFAULTS);
});


async function approvedFor(student: WorkflowActor, unit = w.soft) {
  return agreementAt(prisma, "APPROVED", { student, employer: unit, counselor: w.counselor });
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("a student-started 解约", () => {
  it("unit agrees, 学院 approves: CANCELLED, out of the live index, /verify says void, a new agreement records the old number", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const letter = await uploadTerminationLetter(student as Actor, { name: "解约函.pdf", bytes: PDF });
    const asked = await requestTermination(student, ref(approved), { reason: "考取研究生", letterId: letter.id });
    expect(asked.agreement).toMatchObject({ status: "APPROVED", terminationStatus: "AWAITING_PARTY", terminationBy: "STUDENT", terminationLetterId: letter.id });
    expect(asked.agreement.terminationAnswerBy!.getTime() - asked.at.getTime()).toBe(7 * 24 * 3600 * 1000);
    // the unit is told, in-app and by e-mail
    const unitUsers = await prisma.user.findMany({ where: { employerId: w.soft.employerId! } });
    const told = await prisma.notification.findMany({ where: { agreementId: approved.agreementId, kind: "termination.requested" } });
    expect(told.map((n) => n.userId).sort()).toEqual(unitUsers.map((u) => u.id).sort());
    expect(told[0].body).toContain("考取研究生");
    expect(await prisma.outboxEmail.count({ where: { subject: "【网上签约】毕业生申请解约", dedupeKey: { startsWith: `${approved.agreementId}:${asked.version}` } } })).toBeGreaterThan(0);

    // the letter: the unit and the 学院 see it, another unit and another 学院 do not
    expect((await terminationLetterFor(w.soft as Actor, letter.id)).fileName).toBe("解约函.pdf");
    expect((await terminationLetterFor(w.counselor as Actor, letter.id)).size).toBe(PDF.byteLength);
    expect((await refusal(terminationLetterFor(w.bank as Actor, letter.id))).code).toBe("NOT_FOUND");
    expect((await refusal(terminationLetterFor(w.otherCounselor as Actor, letter.id))).code).toBe("NOT_FOUND");

    const agreed = await answerTermination(w.soft, ref(asked), { agree: true });
    expect(agreed.agreement.terminationStatus).toBe("AWAITING_COLLEGE");
    expect(await prisma.notification.count({ where: { agreementId: approved.agreementId, kind: "termination.waiting_review" } })).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { agreementId: approved.agreementId, kind: "termination.agreed", userId: student.userId! } })).toBe(1);

    const cancelled = await reviewTermination(w.counselor, ref(agreed), { approve: true });
    expect(cancelled.to).toBe("CANCELLED");
    expect(cancelled.agreement.cancelledAt).not.toBeNull();
    expect(await getStudentAgreement(student.userId!)).toBeNull();
    const events = await prisma.agreementEvent.findMany({ where: { agreementId: approved.agreementId }, orderBy: { version: "asc" } });
    expect(events.slice(-3).map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["requestTermination", "APPROVED", "APPROVED"],
      ["agreeTermination", "APPROVED", "APPROVED"],
      ["approveTermination", "APPROVED", "CANCELLED"],
    ]);
    expect(events.find((e) => e.action === "requestTermination")!.reason).toBe("考取研究生");

    // every printed copy is void
    const old = await prisma.agreement.findUniqueOrThrow({ where: { id: approved.agreementId } });
    const verdict = await verifyAgreementCode(verificationCode(old.id, old.agreementNo!, old.approvals));
    expect(verdict).toMatchObject({ ok: true, cancelled: true, valid: false, statusLabel: "已解约（已失效）" });

    // a new agreement with a second unit: a new 协议书号 that records the old one
    const draft = await saveDraft(student, studentForm(w.bank.employerId!));
    const submitted = await submitAgreement(student, ref(draft));
    expect(submitted.agreement.agreementNo).not.toBe(old.agreementNo);
    expect(submitted.agreement.previousAgreementNo).toBe(old.agreementNo);
    const detail = await getStudentAgreement(student.userId!);
    const sheet = toSheetData(detail!, { maskIdNumber: true, showReportTitle: false });
    expect(sheet.remarks).toContain(`协议书号 ${old.agreementNo}`);
  });

  it("with the 就业处's review: the 学院 forwards, the office cancels; the 学院 alone cannot", async () => {
    await updateTerminationSettings(w.office as Actor, { ...DEFAULTS, terminationOfficeReview: true });
    const student = await newStudent(prisma);
    const filed = await agreementAt(prisma, "FILED", { student, employer: w.soft, counselor: w.counselor });
    const asked = await requestTermination(student, ref(filed), { reason: "家庭原因", letterId: null });
    const agreed = await answerTermination(w.soft, ref(asked), { agree: true });
    const forwarded = await reviewTermination(w.counselor, ref(agreed), { approve: true });
    expect(forwarded).toMatchObject({ action: "forwardTermination", to: "FILED" });
    expect(forwarded.agreement.terminationStatus).toBe("AWAITING_OFFICE");
    expect(await prisma.notification.count({ where: { agreementId: filed.agreementId, kind: "termination.waiting_office" } })).toBeGreaterThan(0);
    // the 学院 has done its part
    expect((await refusal(reviewTermination(w.counselor, ref(forwarded), { approve: false, reason: "不同意" }))).code).toBe("GUARD_FAILED");
    const cancelled = await reviewTermination(w.office, ref(forwarded), { approve: true });
    expect(cancelled.to).toBe("CANCELLED");
  });
});

describe("a unit-started 解约", () => {
  it("refused by the student with a reason: the agreement stays as it was", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const started = await requestTermination(w.soft, ref(approved), { reason: "岗位取消", letterId: null });
    expect(started).toMatchObject({ action: "startTermination" });
    expect(started.agreement.terminationBy).toBe("EMPLOYER");
    expect(await prisma.notification.count({ where: { agreementId: approved.agreementId, kind: "termination.requested", userId: student.userId! } })).toBe(1);
    // the starter cannot answer its own request; an answer needs a reason to refuse
    expect((await refusal(answerTermination(w.soft, ref(started), { agree: true }))).message).toContain("由您发起");
    expect((await refusal(answerTermination(student, ref(started), { agree: false, reason: " " }))).code).toBe("GUARD_FAILED");
    const refused = await answerTermination(student, ref(started), { agree: false, reason: "已办理入职" });
    expect(refused.agreement).toMatchObject({ status: "APPROVED", terminationStatus: null });
    const told = await prisma.notification.findMany({ where: { agreementId: approved.agreementId, kind: "termination.refused" } });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.body.includes("已办理入职"))).toBe(true);
    expect(await prisma.user.count({ where: { id: { in: told.map((n) => n.userId) }, employerId: w.soft.employerId! } })).toBe(told.length);
    // still approved, still printable: /verify says valid
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: approved.agreementId } });
    expect(await verifyAgreementCode(verificationCode(a.id, a.agreementNo!, a.approvals))).toMatchObject({ ok: true, valid: true, cancelled: false });
  });

  it("refused when the office does not let units start one", async () => {
    await updateTerminationSettings(w.office as Actor, { ...DEFAULTS, unitsMayStartTermination: false });
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const e = await refusal(requestTermination(w.soft, ref(approved), { reason: "岗位取消", letterId: null }));
    expect(e).toMatchObject({ code: "GUARD_FAILED" });
    expect(e.message).toContain("未开放用人单位发起解约");
  });
});

describe("refusals and withdrawals", () => {
  it("only from 待学院审核, 审核通过 or 已备案; with a reason; not twice; not by another unit", async () => {
    const student = await newStudent(prisma);
    const pending = await agreementAt(prisma, "PENDING_EMPLOYER", { student, employer: w.soft, counselor: w.counselor });
    expect((await refusal(requestTermination(student, ref(pending), { reason: "原因", letterId: null }))).code).toBe("INVALID_STATE");
    const s2 = await newStudent(prisma);
    const review = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student: s2, employer: w.soft, counselor: w.counselor });
    expect((await refusal(requestTermination(s2, ref(review), { reason: "", letterId: null }))).message).toBe("请填写解约原因");
    expect((await refusal(requestTermination(w.bank, ref(review), { reason: "原因", letterId: null }))).code).toBe("NOT_FOUND");
    const asked = await requestTermination(s2, ref(review), { reason: "原因", letterId: null });
    expect((await refusal(requestTermination(s2, ref(asked), { reason: "再来", letterId: null }))).message).toBe("该协议已有解约申请在办理中");
    // the 学院 cannot decide before the unit has answered
    expect((await refusal(reviewTermination(w.counselor, ref(asked), { approve: true }))).code).toBe("GUARD_FAILED");
    // withdrawal: only the starter, only before the answer
    expect((await refusal(withdrawTermination(w.soft, ref(asked)))).message).toContain("只有发起方");
    const withdrawn = await withdrawTermination(s2, ref(asked));
    expect(withdrawn.agreement).toMatchObject({ status: "PENDING_COLLEGE_REVIEW", terminationStatus: null });
    expect(await prisma.notification.count({ where: { agreementId: review.agreementId, kind: "termination.withdrawn" } })).toBeGreaterThan(0);
  });

  it("a stale form is a conflict, nothing overwritten", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    expect((await refusal(requestTermination(student, ref(approved), { reason: "原因2", letterId: null }))).code).toBe("CONFLICT");
  });

  it("the 学院 refuses with a reason: the agreement stays", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const asked = await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    const agreed = await answerTermination(w.soft, ref(asked), { agree: true });
    expect((await refusal(reviewTermination(w.otherCounselor, ref(agreed), { approve: true }))).code).toBe("NOT_FOUND");
    const rejected = await reviewTermination(w.counselor, ref(agreed), { approve: false, reason: "材料不全" });
    expect(rejected.agreement).toMatchObject({ status: "APPROVED", terminationStatus: null });
    expect(await prisma.notification.count({ where: { agreementId: approved.agreementId, kind: "termination.rejected", userId: student.userId! } })).toBe(1);
  });

  it("a letter that is not a PDF or image, too large, or someone else's is refused", async () => {
    const student = await newStudent(prisma);
    expect((await refusal(uploadTerminationLetter(student as Actor, { name: "a.pdf", bytes: new TextEncoder().encode("MZ not a pdf") }))).message).toContain("只能上传 PDF");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    expect((await refusal(uploadTerminationLetter(student as Actor, { name: "a.pdf", bytes: big }))).message).toContain("不能超过");
    expect((await refusal(uploadTerminationLetter(w.counselor as Actor, { name: "a.pdf", bytes: PDF }))).code).toBe("FORBIDDEN");
    const other = await newStudent(prisma);
    const theirs = await uploadTerminationLetter(other as Actor, { name: "b.pdf", bytes: PDF });
    const approved = await approvedFor(student);
    const e = await refusal(requestTermination(student, ref(approved), { reason: "原因", letterId: theirs.id }));
    expect(e.message).toBe("解约函无效，请重新上传");
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: approved.agreementId } })).terminationStatus).toBeNull();
    expect((await refusal(terminationLetterFor(student as Actor, theirs.id))).code).toBe("NOT_FOUND");
  });
});

describe("the lapse (scheduled job)", () => {
  it("an unanswered request counts as refused after the office's window, once, through the job list", async () => {
    await updateTerminationSettings(w.office as Actor, { ...DEFAULTS, terminationAnswerDays: 3 });
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const asked = await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    expect(asked.agreement.terminationAnswerBy!.getTime() - asked.at.getTime()).toBe(3 * 24 * 3600 * 1000);
    // not yet due
    expect((await lapseTerminationsDue(addDays(asked.at, 2), prisma)).lapsed).toBe(0);
    const lapsed = await lapseTerminationsDue(addDays(asked.at, 4), prisma);
    expect(lapsed.lapsed).toBeGreaterThanOrEqual(1);
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: approved.agreementId } });
    expect(a).toMatchObject({ status: "APPROVED", terminationStatus: null });
    const last = await prisma.agreementEvent.findFirstOrThrow({ where: { agreementId: a.id }, orderBy: { version: "desc" } });
    expect(last).toMatchObject({ action: "lapseTermination", actorRole: "SYSTEM" });
    expect(await prisma.notification.count({ where: { agreementId: a.id, kind: "termination.lapsed", userId: student.userId! } })).toBe(1);
    expect((await lapseTerminationsDue(addDays(asked.at, 5), prisma)).lapsed).toBe(0);
    expect(JOBS.map((j) => j.id)).toContain("lapse-terminations");
  });

  it("the job in the job list lapses what is due now", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    await prisma.$executeRaw`UPDATE "Agreement" SET "terminationAnswerBy" = now() - interval '1 minute' WHERE id = ${approved.agreementId}::uuid`;
    const results = await runJobsOnce(JOBS.filter((j) => j.id === "lapse-terminations"));
    expect((results["lapse-terminations"] as { lapsed: number }).lapsed).toBeGreaterThanOrEqual(1);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: approved.agreementId } })).terminationStatus).toBeNull();
  });

  it("answering in time, once due, is refused", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const asked = await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    await prisma.$executeRaw`UPDATE "Agreement" SET "terminationAnswerBy" = now() - interval '1 minute' WHERE id = ${approved.agreementId}::uuid`;
    const e = await refusal(answerTermination(w.soft, ref(asked), { agree: true }));
    expect(e.message).toContain("答复期限已过");
  });
});

describe("races", () => {
  it("both parties answer at once (the unit agrees while the student withdraws): exactly one wins", async () => {
    for (let i = 0; i < 3; i++) {
      const student = await newStudent(prisma);
      const approved = await approvedFor(student);
      const asked = await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
      const results = await Promise.allSettled([answerTermination(w.soft, ref(asked), { agree: true }), withdrawTermination(student, ref(asked))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(AppError);
      expect(await prisma.agreementEvent.count({ where: { agreementId: approved.agreementId, version: asked.version + 1 } })).toBe(1);
    }
  });

  it("two staff of the unit answer at once (agree and refuse): one answer counts", async () => {
    const student = await newStudent(prisma);
    const approved = await approvedFor(student);
    const asked = await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    const results = await Promise.allSettled([answerTermination(w.soft, ref(asked), { agree: true }), answerTermination(w.soft, ref(asked), { agree: false, reason: "不同意" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("the office's limits", () => {
  it("one 解约 per graduation year by default; an exception with a reason allows one more", async () => {
    const student = await newStudent(prisma);
    const cancel = async (unit: WorkflowActor) => {
      const approved = await approvedFor(student, unit);
      const asked = await requestTermination(student, ref(approved), { reason: "改签", letterId: null });
      const agreed = await answerTermination(unit, ref(asked), { agree: true });
      return reviewTermination(w.counselor, ref(agreed), { approve: true });
    };
    const first = await cancel(w.soft);
    const second = await approvedFor(student, w.bank);
    const e = await refusal(requestTermination(student, ref(second), { reason: "再次改签", letterId: null }));
    expect(e.code).toBe("GUARD_FAILED");
    expect(e.message).toContain("已达就业处规定的上限（1 次）");
    // the unit cannot start one either: the limit is the student's
    expect((await refusal(requestTermination(w.bank, ref(second), { reason: "岗位取消", letterId: null }))).message).toContain("上限");
    const studentNo = (await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } })).studentNo;
    await grantTerminationException(w.office as Actor, { studentNo, reason: "单位破产，特批" });
    const asked = await requestTermination(student, ref(second), { reason: "再次改签", letterId: null });
    expect(asked.agreement.terminationStatus).toBe("AWAITING_PARTY");
    const agreed = await answerTermination(w.bank, ref(asked), { agree: true });
    await reviewTermination(w.counselor, ref(agreed), { approve: true });
    // the third agreement records the second's number
    const third = await agreementAt(prisma, "PENDING_EMPLOYER", { student, employer: w.soft, counselor: w.counselor });
    const secondNo = (await prisma.agreement.findUniqueOrThrow({ where: { id: second.agreementId } })).agreementNo;
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: third.agreementId } })).previousAgreementNo).toBe(secondNo);
    expect(first.agreementId).not.toBe(second.agreementId);
    const audit = await prisma.auditLog.findFirst({ where: { action: "grantTerminationException" }, orderBy: { createdAt: "desc" } });
    expect(audit?.changes).toMatchObject({ reason: "单位破产，特批" });
  });
});

describe("statistics", () => {
  it("count 解约 by 学院 and by unit, within the counselor's 学院", async () => {
    const before = await terminationFigures({ role: "OFFICE", collegeId: null });
    const student = await newStudent(prisma);
    const approved = await approvedFor(student, w.bank);
    const asked = await requestTermination(student, ref(approved), { reason: "原因", letterId: null });
    const mid = await terminationFigures({ role: "OFFICE", collegeId: null });
    expect(mid.inProgress).toBe(before.inProgress + 1);
    const agreed = await answerTermination(w.bank, ref(asked), { agree: true });
    await reviewTermination(w.counselor, ref(agreed), { approve: true });
    const after = await terminationFigures({ role: "OFFICE", collegeId: null });
    expect(after.total).toBe(before.total + 1);
    const countOf = (rows: { id: string; count: number }[], id: string) => rows.find((r) => r.id === id)?.count ?? 0;
    expect(countOf(after.byUnit, w.bank.employerId!)).toBe(countOf(before.byUnit, w.bank.employerId!) + 1);
    const college = (await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } })).collegeId;
    expect(countOf(after.byCollege, college)).toBe(countOf(before.byCollege, college) + 1);
    expect(after.total).toBe(await prisma.agreement.count({ where: { status: "CANCELLED" } }));
    const other = await terminationFigures({ role: "COUNSELOR", collegeId: w.otherCounselor.collegeId });
    expect(other.byCollege.every((r) => r.id === w.otherCounselor.collegeId)).toBe(true);
  });
});
