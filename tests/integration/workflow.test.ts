// Each workflow service on a real PostgreSQL: the happy path, each refusal, the audit trail,
// ownership, races and batch signing.
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import {
  approveAsCounselor,
  batchSignAsEmployer,
  confirmAsStudent,
  fileAgreement,
  lastApprovalDefaults,
  returnAsCounselor,
  returnAsEmployer,
  saveDraft,
  signAsEmployer,
  submitAgreement,
  takeBackForResign,
} from "@/lib/workflow";
import { findForFiling, getAgreementForActor, getStudentAgreement } from "@/lib/workflow/queries";
import { agreementAt, approveForm, demoWorld, newStudent, signForm, studentForm } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";
import { refusal } from "../helpers/refusal";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
});

const freshStudent = (collegeCode = "01") => newStudent(prisma, collegeCode);

describe("the whole journey", () => {
  it("DRAFT → … → FILED with exactly one audit event per step", async () => {
    const student = w.student;
    const draft = await saveDraft(student, studentForm(w.soft.employerId!));
    expect(draft.to).toBe("DRAFT");
    const submitted = await submitAgreement(student, { agreementId: draft.agreementId, version: draft.version });
    expect(submitted.agreement.agreementNo).toMatch(/^2027-\d{6}$/);
    const signed = await signAsEmployer(w.soft, { agreementId: draft.agreementId, version: submitted.version }, await signForm(prisma, w.soft.employerId!));
    expect(signed.agreement.autoConfirmAt!.getTime() - signed.agreement.employerSignedAt!.getTime()).toBe(7 * 24 * 3600 * 1000);
    const confirmed = await confirmAsStudent(student, { agreementId: draft.agreementId, version: signed.version });
    const approved = await approveAsCounselor(w.counselor, { agreementId: draft.agreementId, version: confirmed.version }, approveForm);
    expect(approved.agreement.schoolContact).toBe("王老师");
    const filed = await fileAgreement(w.counselor, { agreementId: draft.agreementId, version: approved.version });
    expect(filed.to).toBe("FILED");

    const events = await prisma.agreementEvent.findMany({ where: { agreementId: draft.agreementId }, orderBy: { version: "asc" } });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.version])).toEqual([
      ["saveDraft", null, "DRAFT", 1],
      ["submit", "DRAFT", "PENDING_EMPLOYER", 2],
      ["sign", "PENDING_EMPLOYER", "PENDING_STUDENT_CONFIRM", 3],
      ["confirm", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", 4],
      ["approve", "PENDING_COLLEGE_REVIEW", "APPROVED", 5],
      ["file", "APPROVED", "FILED", 6],
    ]);
    expect(events.map((e) => e.actorRole)).toEqual(["STUDENT", "STUDENT", "EMPLOYER", "STUDENT", "COUNSELOR", "COUNSELOR"]);
    expect(events[2].changes).toMatchObject({ unitName: { to: expect.any(String) } });

    // the student's own record after the journey; the unit and the counselor are told
    const mine = await getStudentAgreement(student.userId!);
    expect(mine?.status).toBe("FILED");
    const found = await findForFiling(w.counselor, submitted.agreement.agreementNo!.replace("-", ""));
    expect(found?.id).toBe(draft.agreementId);
    expect(await prisma.notification.count({ where: { agreementId: draft.agreementId, userId: student.userId! } })).toBeGreaterThanOrEqual(3);
  });
});

describe("student rules", () => {
  it("refuses a student whose 生源信息 is not yet reviewed", async () => {
    const e = await refusal(saveDraft(w.pendingStudent, studentForm(w.soft.employerId!)));
    expect(e.code).toBe("GUARD_FAILED");
    expect(e.message).toContain("审核完成");
    expect(await prisma.agreement.count({ where: { student: { userId: w.pendingStudent.userId! } } })).toBe(0);
  });

  it("refuses a unit that is not approved", async () => {
    const pendingUnit = await prisma.employer.findFirstOrThrow({ where: { status: { not: "APPROVED" } } });
    const e = await refusal(saveDraft(w.student2, studentForm(pendingUnit.id)));
    expect(e.message).toContain("尚未通过就业处审核");
  });

  it("changes the unit freely before 正式提交, never after, and again after the unit returns it", async () => {
    const s = w.student2;
    let r = await saveDraft(s, studentForm(w.soft.employerId!));
    r = await saveDraft(s, studentForm(w.bank.employerId!), { agreementId: r.agreementId, version: r.version });
    expect(r.agreement.employerId).toBe(w.bank.employerId);
    r = await submitAgreement(s, { agreementId: r.agreementId, version: r.version });
    const e = await refusal(saveDraft(s, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version }));
    expect(e.code).toBe("INVALID_STATE");
    // the soft unit cannot see it; the bank returns it with a reason
    expect((await refusal(signAsEmployer(w.soft, { agreementId: r.agreementId, version: r.version }, await signForm(prisma, w.soft.employerId!)))).code).toBe("NOT_FOUND");
    expect((await refusal(returnAsEmployer(w.bank, { agreementId: r.agreementId, version: r.version }, "  "))).message).toBe("请填写退回原因");
    r = await returnAsEmployer(w.bank, { agreementId: r.agreementId, version: r.version }, "岗位已满");
    expect(r.agreement.returnReason).toBe("岗位已满");
    r = await saveDraft(s, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version });
    expect(r.to).toBe("DRAFT");
    r = await submitAgreement(s, { agreementId: r.agreementId, version: r.version });
    expect(r.agreement.employerId).toBe(w.soft.employerId);
    expect(r.agreement.returnReason).toBeNull();
    // the number given at the first submission is kept
    const events = await prisma.agreementEvent.count({ where: { agreementId: r.agreementId } });
    expect(events).toBe(r.version);
  });

  it("after a return by the 学院 the unit stays the same, however often the form is saved (only the unit's own return frees it)", async () => {
    const s = await freshStudent();
    let r = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student: s, employer: w.soft, counselor: w.counselor });
    r = await returnAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, "请补充联系方式");
    // the first save turns RETURNED into DRAFT; the unit still cannot be changed, now or later
    r = await saveDraft(s, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version });
    expect(r.to).toBe("DRAFT");
    const e = await refusal(saveDraft(s, studentForm(w.bank.employerId!), { agreementId: r.agreementId, version: r.version }));
    expect(e).toMatchObject({ code: "GUARD_FAILED", message: "提交签约信息后不能更换签约单位（仅在用人单位退回后可以更换）" });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: r.agreementId } })).employerId).toBe(w.soft.employerId);
    // resubmitted to the same unit, which then returns it itself: now the student may choose another
    r = await submitAgreement(s, { agreementId: r.agreementId, version: r.version });
    r = await returnAsEmployer(w.soft, { agreementId: r.agreementId, version: r.version }, "岗位调整");
    r = await saveDraft(s, studentForm(w.soft.employerId!), { agreementId: r.agreementId, version: r.version });
    r = await saveDraft(s, studentForm(w.bank.employerId!), { agreementId: r.agreementId, version: r.version });
    expect(r.agreement.employerId).toBe(w.bank.employerId);
  });

  it("holds one live agreement per student in the database", async () => {
    const s = await freshStudent();
    await saveDraft(s, studentForm(w.soft.employerId!));
    const e = await refusal(saveDraft(s, studentForm(w.bank.employerId!)));
    expect(e.code).toBe("CONFLICT");
    expect(await prisma.agreement.count({ where: { student: { userId: s.userId! } } })).toBe(1);
  });
});

describe("employer rules", () => {
  it("拿回重签 before the student confirms, then signs again; not after the 7 days", async () => {
    const s = await freshStudent();
    let r = await agreementAt(prisma, "PENDING_STUDENT_CONFIRM", { student: s, employer: w.soft, counselor: w.counselor });
    r = await takeBackForResign(w.soft, { agreementId: r.agreementId, version: r.version });
    expect(r.to).toBe("PENDING_EMPLOYER");
    expect(r.agreement.autoConfirmAt).toBeNull();
    r = await signAsEmployer(w.soft, { agreementId: r.agreementId, version: r.version }, { ...(await signForm(prisma, w.soft.employerId!)), unitContactName: "李经理" });
    expect(r.agreement.unitContactName).toBe("李经理");
    // once the automatic confirmation is due, neither take-back nor a late confirm
    const later = new Date(r.agreement.autoConfirmAt!.getTime() + 1000);
    const { runTransition } = await import("@/lib/workflow/engine");
    const e = await refusal(runTransition({ action: "takeBack", actor: w.soft, agreementId: r.agreementId, expectedVersion: r.version, now: later, params: {} }));
    expect(e.message).toContain("已超过复核确认期限");
  });

  it("batch signs many with the unit's defaults and reports each outcome", async () => {
    const students = await Promise.all([1, 2, 3, 4, 5].map(() => freshStudent("02")));
    const counselor02 = w.otherCounselor;
    const refs = [];
    for (const s of students) refs.push(await agreementAt(prisma, "PENDING_EMPLOYER", { student: s, employer: w.bank, counselor: counselor02 }));
    const items = refs.map((r) => ({ agreementId: r.agreementId, version: r.version }));
    items[1] = { ...items[1], version: items[1].version - 1 }; // a stale row
    const outcomes = await batchSignAsEmployer(w.bank, [...items, { agreementId: "00000000-0000-4000-8000-000000000000", version: 1 }]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true, true, false]);
    // the stale form is told what changed since (the student's 正式提交), not "已被他人更新"
    expect(outcomes[1].message).toMatch(/^已由测试学生\d+（应届毕业生）于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}“正式提交”，内容已有变化，请刷新后核对再办理$/);
    expect(outcomes[5].message).toBe("未找到该协议");
    const signed = await prisma.agreement.findMany({ where: { id: { in: items.map((i) => i.agreementId) } } });
    expect(signed.filter((a) => a.status === "PENDING_STUDENT_CONFIRM")).toHaveLength(4);
    const bank = await prisma.employer.findUniqueOrThrow({ where: { id: w.bank.employerId! } });
    expect(signed.find((a) => a.id === items[0].agreementId)!.unitName).toBe(bank.name);
    const events = await prisma.agreementEvent.findMany({ where: { agreementId: { in: items.map((i) => i.agreementId) }, action: "sign" } });
    expect(events).toHaveLength(4);
    // another unit's batch touches nothing
    const foreign = await batchSignAsEmployer(w.soft, [{ agreementId: items[1].agreementId, version: items[1].version + 1 }]);
    expect(foreign[0]).toMatchObject({ ok: false, message: "未找到该协议", studentName: null });
  });
});

describe("counselor rules", () => {
  it("prefills the approval form from this counselor's last approval; other 学院 refused", async () => {
    const s = await freshStudent();
    const r = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student: s, employer: w.soft, counselor: w.counselor });
    expect((await refusal(approveAsCounselor(w.otherCounselor, { agreementId: r.agreementId, version: r.version }, approveForm))).code).toBe("NOT_FOUND");
    await expect(getAgreementForActor(w.otherCounselor, r.agreementId)).rejects.toThrow("未找到该协议");
    await approveAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, { ...approveForm, schoolContact: "赵老师" });
    expect(await lastApprovalDefaults(w.counselor)).toMatchObject({ schoolContact: "赵老师", schoolPostalCode: "150001" });
    expect(await lastApprovalDefaults(w.otherCounselor)).toBeNull();
  });

  it("returns with a reason to the student, who resubmits to the same unit", async () => {
    const s = await freshStudent();
    let r = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student: s, employer: w.soft, counselor: w.counselor });
    expect((await refusal(returnAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, ""))).message).toBe("请填写退回原因");
    r = await returnAsCounselor(w.counselor, { agreementId: r.agreementId, version: r.version }, "本人意见填写不规范");
    expect(r.to).toBe("RETURNED");
    // a return by the 学院 does not free the student to change the unit
    const e = await refusal(saveDraft(s, studentForm(w.bank.employerId!), { agreementId: r.agreementId, version: r.version }));
    expect(e.message).toContain("不能更换签约单位");
    r = await saveDraft(s, { ...studentForm(w.soft.employerId!), studentOpinion: "同意签约" }, { agreementId: r.agreementId, version: r.version });
    r = await submitAgreement(s, { agreementId: r.agreementId, version: r.version });
    expect(r.to).toBe("PENDING_EMPLOYER");
  });

  it("files only an approved agreement, by 学号 or 协议书号, within its own 学院", async () => {
    const s = await freshStudent();
    const r = await agreementAt(prisma, "APPROVED", { student: s, employer: w.soft, counselor: w.counselor });
    const studentNo = (await prisma.student.findUniqueOrThrow({ where: { userId: s.userId! } })).studentNo;
    expect((await findForFiling(w.counselor, studentNo))?.id).toBe(r.agreementId);
    expect(await findForFiling(w.otherCounselor, studentNo)).toBeNull();
    const filed = await fileAgreement(w.counselor, { agreementId: r.agreementId, version: r.version });
    expect(filed.agreement.filedById).toBe(w.counselor.userId);
    expect((await refusal(fileAgreement(w.counselor, { agreementId: r.agreementId, version: filed.version }))).code).toBe("INVALID_STATE");
  });
});

describe("races: exactly one wins, the other gets the conflict message", () => {
  const settle = (ps: Promise<unknown>[]) => Promise.allSettled(ps);
  const conflicts = (rs: PromiseSettledResult<unknown>[]) =>
    rs.filter((r) => r.status === "rejected" && (r.reason as AppError).code === "CONFLICT").length;

  it("two signs, sign vs take-back, double submit, double confirm", async () => {
    for (let round = 0; round < 10; round++) {
      const s = await freshStudent();
      let r = await agreementAt(prisma, "DRAFT", { student: s, employer: w.soft, counselor: w.counselor });
      const ref = () => ({ agreementId: r.agreementId, version: r.version });
      // double 正式提交
      let results = await settle([submitAgreement(s, ref()), submitAgreement(s, ref())]);
      expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      expect(conflicts(results)).toBe(1);
      r = (results.find((x) => x.status === "fulfilled") as PromiseFulfilledResult<typeof r>).value;
      // two signatures at once
      const form = await signForm(prisma, w.soft.employerId!);
      results = await settle([signAsEmployer(w.soft, ref(), form), signAsEmployer(w.soft, ref(), form)]);
      expect(conflicts(results)).toBe(1);
      r = (results.find((x) => x.status === "fulfilled") as PromiseFulfilledResult<typeof r>).value;
      // take back vs the student's confirmation
      results = await settle([takeBackForResign(w.soft, ref()), confirmAsStudent(s, ref())]);
      expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      expect(conflicts(results)).toBe(1);
      const events = await prisma.agreementEvent.findMany({ where: { agreementId: r.agreementId }, orderBy: { version: "asc" } });
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1)); // contiguous, no doubles
      const current = await prisma.agreement.findUniqueOrThrow({ where: { id: r.agreementId } });
      expect(current.version).toBe(events.length);
    }
  });
});
