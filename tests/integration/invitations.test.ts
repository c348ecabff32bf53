// 签约邀请 (#14) on a real PostgreSQL: a unit invites by 学号 + 姓名 (nothing revealed when
// they do not match), the student 应约 (to the 学院's review, the other invitations lapse) or
// 拒绝, the unit 撤回 and resends, the lapse by the scheduled job, the office's switches, and
// the races (accept vs withdraw; two accepted at once → exactly one agreement).
import { addDays } from "date-fns";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { acceptInvitation, declineInvitation, inviteGraduate, lapseInvitationsDue, saveDraft, withdrawInvitation, approveAsCounselor } from "@/lib/workflow";
import { NO_SUCH_GRADUATE } from "@/lib/workflow/actions/invitations";
import { getStudentAgreement } from "@/lib/workflow/queries";
import { toSheetData } from "@/lib/agreement/sheet-data";
import { updateTerminationSettings } from "@/lib/termination/settings";
import { signingRecordEntries } from "@/lib/printing/signing-record";
import { isSigningAct } from "@/lib/agreement/content-hash";
import { JOBS } from "@/jobs/list";
import { approveForm, demoWorld, newStudent, refOf as ref, signForm, studentForm, TERMINATION_DEFAULTS as DEFAULTS } from "../fixtures/workflow";
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

const TERMS = { position: "软件开发工程师", workplace: "黑龙江省哈尔滨市", salary: "税前月薪 9000 元", probation: "3 个月", serviceTerm: "服务期 3 年，违约金 5000 元" };
const ACCEPT = { studentPhone: "13900001111", studentEmail: "grad@example.com", studentOpinion: "同意" };

async function identity(student: WorkflowActor) {
  const s = await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } });
  return { studentNo: s.studentNo, studentName: s.name };
}

async function invite(unit: WorkflowActor, student: WorkflowActor, terms = TERMS) {
  return inviteGraduate(unit, { ...(await identity(student)), ...(await signForm(prisma, unit.employerId!)), ...terms });
}

describe("inviting", () => {
  it("by 学号 + 姓名; a wrong name, an unknown 学号 and an unreviewed 生源 get the same answer", async () => {
    const student = await newStudent(prisma);
    const id = await identity(student);
    const unit = await signForm(prisma, w.soft.employerId!);
    const wrongName = await refusal(inviteGraduate(w.soft, { ...id, studentName: "不是本人", ...unit, ...TERMS }));
    const unknown = await refusal(inviteGraduate(w.soft, { studentNo: "1999999999", studentName: id.studentName, ...unit, ...TERMS }));
    const pendingNo = (await prisma.student.findUniqueOrThrow({ where: { userId: w.pendingStudent.userId! } }));
    const unreviewed = await refusal(inviteGraduate(w.soft, { studentNo: pendingNo.studentNo, studentName: pendingNo.name, ...unit, ...TERMS }));
    for (const e of [wrongName, unknown, unreviewed]) expect([e.code, e.message]).toEqual(["NOT_FOUND", NO_SUCH_GRADUATE]);

    const invited = await invite(w.soft, student);
    expect(invited.to).toBe("INVITED");
    expect(invited.agreement).toMatchObject({ agreementNo: null, unitName: expect.any(String), employerId: w.soft.employerId });
    expect(invited.agreement.invitationAnswerBy!.getTime() - invited.at.getTime()).toBe(5 * 24 * 3600 * 1000);
    // not a live agreement: the student may still start one of their own
    expect(await getStudentAgreement(student.userId!)).toBeNull();
    expect(await prisma.notification.count({ where: { agreementId: invited.agreementId, kind: "invitation.received", userId: student.userId! } })).toBe(1);
    // no second invitation from the same unit while this one is pending
    const again = await refusal(invite(w.soft, student));
    expect(again.message).toContain("对方答复前不能再次邀请");
    // a pending unit cannot invite
    const pendingUnit = await prisma.user.findFirst({ where: { role: "EMPLOYER", employer: { status: "PENDING" } } });
    if (pendingUnit) {
      const actor = { userId: pendingUnit.id, role: "EMPLOYER" as const, name: pendingUnit.name, collegeId: null, employerId: pendingUnit.employerId };
      expect((await refusal(inviteGraduate(actor, { ...id, ...unit, ...TERMS }))).code).toBe("GUARD_FAILED");
    }
  });

  it("the 补充条款 are bounded and print in the 备注/其他约定 box", async () => {
    const student = await newStudent(prisma);
    const { invitationSchema } = await import("@/lib/workflow/schemas");
    const tooLong = invitationSchema.safeParse({ ...(await identity(student)), ...(await signForm(prisma, w.soft.employerId!)), ...TERMS, serviceTerm: "长".repeat(201) });
    expect(tooLong.success).toBe(false);
    const missing = invitationSchema.safeParse({ ...(await identity(student)), ...(await signForm(prisma, w.soft.employerId!)), ...TERMS, position: "" });
    expect(missing.success).toBe(false);
    const invited = await invite(w.soft, student);
    const accepted = await acceptInvitation(student, ref(invited), ACCEPT);
    const detail = await getStudentAgreement(student.userId!);
    const sheet = toSheetData(detail!, { maskIdNumber: true, showReportTitle: false });
    expect(sheet.remarks.split("\n")).toEqual(["岗位：软件开发工程师", "工作地点：黑龙江省哈尔滨市", "薪酬：税前月薪 9000 元", "试用期：3 个月", "服务期/违约金：服务期 3 年，违约金 5000 元"]);
    expect(accepted.agreement.status).toBe("PENDING_COLLEGE_REVIEW");
  });
});

describe("应约", () => {
  it("is the submission and 复核确认 at once: to the 学院's review with a 协议书号; the other invitations lapse and their units are told", async () => {
    const student = await newStudent(prisma);
    const fromSoft = await invite(w.soft, student);
    const fromBank = await invite(w.bank, student);
    const accepted = await acceptInvitation(student, ref(fromSoft), ACCEPT);
    expect(accepted.to).toBe("PENDING_COLLEGE_REVIEW");
    expect(accepted.agreement).toMatchObject({ ...ACCEPT, agreementNo: expect.stringMatching(/^\d{4}-\d{6}$/) });
    expect(accepted.agreement.submittedAt).not.toBeNull();
    expect(accepted.agreement.studentConfirmedAt).not.toBeNull();
    const bank = await prisma.agreement.findUniqueOrThrow({ where: { id: fromBank.agreementId } });
    expect(bank.status).toBe("INVITATION_LAPSED");
    expect(await prisma.notification.count({ where: { agreementId: fromBank.agreementId, kind: "invitation.superseded" } })).toBe(await prisma.user.count({ where: { employerId: w.bank.employerId!, active: true } }));
    expect(await prisma.notification.count({ where: { agreementId: fromSoft.agreementId, kind: "invitation.accepted" } })).toBeGreaterThan(0);
    expect(await prisma.notification.count({ where: { agreementId: fromSoft.agreementId, kind: "agreement.waiting_review" } })).toBeGreaterThan(0);
    // the 签署记录: 应约 is a signing act, with the content hash
    expect(isSigningAct("acceptInvitation")).toBe(true);
    const events = await prisma.agreementEvent.findMany({ where: { agreementId: fromSoft.agreementId }, orderBy: { version: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["invite", "acceptInvitation"]);
    expect(events[1].contentHash).toMatch(/^[0-9a-f]{64}$/);
    const record = signingRecordEntries(events, { unitName: "单位", collegeName: "学院" });
    expect(record.map((r) => r.act)).toEqual(["发出签约邀请（确定签约）", "应约（提交并确认签约信息）"]);
    // the 学院 reviews it as any other
    const approved = await approveAsCounselor(w.counselor, ref(accepted), approveForm);
    expect(approved.to).toBe("APPROVED");
  });

  it("a student with a live agreement cannot accept", async () => {
    const student = await newStudent(prisma);
    const invited = await invite(w.bank, student);
    await saveDraft(student, studentForm(w.soft.employerId!));
    const e = await refusal(acceptInvitation(student, ref(invited), ACCEPT));
    expect(e.message).toContain("已有一份进行中的就业协议");
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: invited.agreementId } })).status).toBe("INVITED");
  });

  it("拒绝 needs a reason, which the unit reads", async () => {
    const student = await newStudent(prisma);
    const invited = await invite(w.soft, student);
    expect((await refusal(declineInvitation(student, ref(invited), " "))).code).toBe("GUARD_FAILED");
    expect((await refusal(declineInvitation(w.student, ref(invited), "不是我的"))).code).toBe("NOT_FOUND");
    const declined = await declineInvitation(student, ref(invited), "已有其他意向");
    expect(declined.agreement).toMatchObject({ status: "INVITATION_DECLINED", invitationDeclineReason: "已有其他意向" });
    const told = await prisma.notification.findMany({ where: { agreementId: invited.agreementId, kind: "invitation.declined" } });
    expect(told.length).toBeGreaterThan(0);
    expect(told[0].body).toContain("已有其他意向");
    // a declined invitation can be followed by a new one
    expect((await invite(w.soft, student)).to).toBe("INVITED");
  });
});

describe("撤回 and resend", () => {
  it("the unit withdraws before the answer and sends a corrected one; not after the answer; not another unit's", async () => {
    const student = await newStudent(prisma);
    const first = await invite(w.soft, student);
    expect((await refusal(withdrawInvitation(w.bank, ref(first)))).code).toBe("NOT_FOUND");
    const withdrawn = await withdrawInvitation(w.soft, ref(first));
    expect(withdrawn.to).toBe("INVITATION_WITHDRAWN");
    expect(await prisma.notification.count({ where: { agreementId: first.agreementId, kind: "invitation.withdrawn", userId: student.userId! } })).toBe(1);
    expect((await refusal(acceptInvitation(student, ref(withdrawn), ACCEPT))).code).toBe("INVALID_STATE");
    const resent = await invite(w.soft, student, { ...TERMS, salary: "税前月薪 10000 元" });
    const accepted = await acceptInvitation(student, ref(resent), ACCEPT);
    expect((accepted.agreement.supplementaryTerms as { salary: string }).salary).toBe("税前月薪 10000 元");
    expect((await refusal(withdrawInvitation(w.soft, ref(accepted)))).code).toBe("INVALID_STATE");
  });
});

describe("the lapse (scheduled job)", () => {
  it("an unanswered invitation lapses after the office's window; it cannot be accepted then", async () => {
    await updateTerminationSettings(w.office as Actor, { ...DEFAULTS, invitationAnswerDays: 2 });
    const student = await newStudent(prisma);
    const invited = await invite(w.soft, student);
    expect(invited.agreement.invitationAnswerBy!.getTime() - invited.at.getTime()).toBe(2 * 24 * 3600 * 1000);
    expect((await lapseInvitationsDue(addDays(invited.at, 1), prisma)).lapsed).toBe(0);
    await prisma.$executeRaw`UPDATE "Agreement" SET "invitationAnswerBy" = now() - interval '1 minute' WHERE id = ${invited.agreementId}::uuid`;
    expect((await refusal(acceptInvitation(student, ref(invited), ACCEPT))).message).toContain("已超过答复期限");
    expect((await lapseInvitationsDue(new Date(), prisma)).lapsed).toBeGreaterThanOrEqual(1);
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: invited.agreementId } });
    expect(a.status).toBe("INVITATION_LAPSED");
    expect(await prisma.notification.count({ where: { agreementId: a.id, kind: "invitation.lapsed" } })).toBeGreaterThan(0);
    expect(JOBS.map((j) => j.id)).toContain("lapse-invitations");
  });
});

describe("the office's switches", () => {
  it("invitations off: no invitation, no 应约; student signing off: no 保存/提交, invitations still work", async () => {
    const student = await newStudent(prisma);
    const pending = await invite(w.soft, student);
    await updateTerminationSettings(w.office as Actor, { ...DEFAULTS, invitationsEnabled: false });
    expect((await refusal(invite(w.bank, student))).message).toContain("已关闭用人单位签约邀请");
    expect((await refusal(acceptInvitation(student, ref(pending), ACCEPT))).message).toContain("已关闭用人单位签约邀请");
    await updateTerminationSettings(w.office as Actor, { ...DEFAULTS, studentSigningEnabled: false });
    expect((await refusal(saveDraft(student, studentForm(w.soft.employerId!)))).message).toContain("已关闭学生发起的网上签约");
    expect((await acceptInvitation(student, ref(pending), ACCEPT)).to).toBe("PENDING_COLLEGE_REVIEW");
  });
});

describe("races", () => {
  it("the student accepts while the unit withdraws: exactly one of them happens", async () => {
    for (let i = 0; i < 3; i++) {
      const student = await newStudent(prisma);
      const invited = await invite(w.soft, student);
      const results = await Promise.allSettled([acceptInvitation(student, ref(invited), ACCEPT), withdrawInvitation(w.soft, ref(invited))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      const a = await prisma.agreement.findUniqueOrThrow({ where: { id: invited.agreementId } });
      expect(["PENDING_COLLEGE_REVIEW", "INVITATION_WITHDRAWN"]).toContain(a.status);
    }
  });

  it("two invitations accepted at once: exactly one agreement, the other lapsed", async () => {
    for (let i = 0; i < 3; i++) {
      const student = await newStudent(prisma);
      const a = await invite(w.soft, student);
      const b = await invite(w.bank, student);
      const results = await Promise.allSettled([acceptInvitation(student, ref(a), ACCEPT), acceptInvitation(student, ref(b), ACCEPT)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(AppError);
      expect((lost.reason as AppError).code).toBe("CONFLICT");
      const rows = await prisma.agreement.findMany({ where: { studentId: (await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! } })).id } });
      expect(rows.filter((r) => r.status === "PENDING_COLLEGE_REVIEW")).toHaveLength(1);
      expect(rows.filter((r) => r.status === "INVITATION_LAPSED")).toHaveLength(1);
    }
  });
});
