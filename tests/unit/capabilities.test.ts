// The capability function: what a page offers is what the engine would accept, for every
// action × state × role of the table (generated), plus the guards and print rules that make
// the difference between "the table allows it" and "you may do it now".
import { ActorRole, AgreementStatus } from "@/lib/generated/prisma/enums";
import { capabilitiesOf, checkTransition, startVerdict, type ShownAgreement } from "@/lib/workflow/capabilities";
import { AWAITING_AUTO_CONFIRM_LABEL } from "@/lib/workflow/seven-day-rule";
import { TRANSITIONS, WORKFLOW_ACTIONS, lookupTransition } from "@/lib/workflow/transitions";
import { satisfyingGuards } from "./guard-setup";

const NOW = new Date("2027-03-01T08:00:00Z");
const ids = { studentUser: "11111111-1111-1111-1111-111111111111", employer: "22222222-2222-2222-2222-222222222222", college: "33333333-3333-3333-3333-333333333333" };

function actorOf(role: ActorRole) {
  return {
    userId: role === "SYSTEM" ? null : role === "STUDENT" ? ids.studentUser : "44444444-4444-4444-4444-444444444444",
    role,
    name: "测试",
    collegeId: role === "COUNSELOR" ? ids.college : null,
    employerId: role === "EMPLOYER" ? ids.employer : null,
  };
}

function shown(status: AgreementStatus, extra: Partial<ShownAgreement> = {}): ShownAgreement {
  return {
    status,
    version: 3,
    employerId: ids.employer,
    collegeId: ids.college,
    autoConfirmAt: null,
    returnedByRole: null,
    submittedAt: status === "DRAFT" ? null : new Date("2027-02-01T00:00:00Z"),
    signingMode: "PAPER",
    attestedAt: null,
    student: { userId: ids.studentUser, sourceStatus: "APPROVED" },
    employer: { id: ids.employer, status: "APPROVED", sealId: null },
    printRecords: [],
    ...extra,
  };
}

const STATES = Object.values(AgreementStatus);
const ROLES = Object.values(ActorRole);

describe("a page offers exactly what the engine accepts", () => {
  const cases = WORKFLOW_ACTIONS.flatMap((action) => STATES.flatMap((state) => ROLES.map((role) => [action, state, role] as const)));

  it.each(cases)("%s on %s by %s", (action, state, role) => {
    // each action tried on an agreement its guards admit (鉴证: an electronic one, …)
    const setup = satisfyingGuards(action, role, NOW);
    const a = shown(state, setup.agreement as Partial<ShownAgreement>);
    const verdict = capabilitiesOf(actorOf(role), a, NOW, setup.policy).actions[action];
    const table = lookupTransition(action, role, state);
    if (TRANSITIONS[action].sideEffectOf) {
      expect(verdict.allowed).toBe(false); // never a button
      return;
    }
    expect(verdict.allowed).toBe(table.allowed);
    let accepted = true;
    try {
      checkTransition({ action, actor: actorOf(role), agreement: a, expectedVersion: 3, student: a.student, employer: a.employer, reason: "原因", now: NOW, policy: setup.policy });
    } catch {
      accepted = false;
    }
    expect(accepted).toBe(verdict.allowed);
    if (!verdict.allowed) expect(verdict.reason).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe("the rules a page must not re-derive", () => {
  const student = actorOf("STUDENT");
  const unit = actorOf("EMPLOYER");

  it("after the 7 days: no 复核确认, no 拿回重签, shown as 已到期，系统确认中", () => {
    const overdue = shown("PENDING_STUDENT_CONFIRM", { autoConfirmAt: new Date(NOW.getTime() - 1) });
    const s = capabilitiesOf(student, overdue, NOW);
    expect(s.actions.confirm).toMatchObject({ allowed: false, code: "GUARD_FAILED" });
    expect(s.awaitingAutoConfirm).toBe(true);
    expect(capabilitiesOf(unit, overdue, NOW).actions.takeBack.allowed).toBe(false);
    expect(AWAITING_AUTO_CONFIRM_LABEL).toBe("已到期，系统确认中");
    const inTime = shown("PENDING_STUDENT_CONFIRM", { autoConfirmAt: new Date(NOW.getTime() + 60_000) });
    expect(capabilitiesOf(student, inTime, NOW)).toMatchObject({ awaitingAutoConfirm: false, actions: { confirm: { allowed: true } } });
    expect(capabilitiesOf(unit, inTime, NOW).actions.takeBack.allowed).toBe(true);
  });

  it("a student whose 生源信息 is not reviewed may not start, with the reason naming their status", () => {
    const v = startVerdict(student, { sourceStatus: "PENDING_COLLEGE" }, NOW);
    expect(v).toMatchObject({ allowed: false, code: "GUARD_FAILED" });
    expect(!v.allowed && v.reason).toContain("待学院审核");
    expect(startVerdict(student, { sourceStatus: "PENDING_OFFICE" }, NOW).allowed).toBe(true);
  });

  it("the unit may be changed before 正式提交 and after the unit's own return only", () => {
    expect(capabilitiesOf(student, shown("DRAFT"), NOW).changeEmployer).toBe(true);
    expect(capabilitiesOf(student, shown("RETURNED", { returnedByRole: "EMPLOYER" }), NOW).changeEmployer).toBe(true);
    expect(capabilitiesOf(student, shown("DRAFT", { returnedByRole: "EMPLOYER", submittedAt: new Date("2027-02-01T00:00:00Z") }), NOW).changeEmployer).toBe(true);
    expect(capabilitiesOf(student, shown("RETURNED", { returnedByRole: "COUNSELOR" }), NOW).changeEmployer).toBe(false);
    // the 学院 returned it and the student saved it once: still the same unit
    expect(capabilitiesOf(student, shown("DRAFT", { returnedByRole: "COUNSELOR", submittedAt: new Date("2027-02-01T00:00:00Z") }), NOW).changeEmployer).toBe(false);
  });

  it("printing: once approved; the student once, the 学院 again with a reason; never the unit", () => {
    const approved = shown("APPROVED");
    expect(capabilitiesOf(student, approved, NOW).print).toEqual({ allowed: true, needsReason: false });
    expect(capabilitiesOf(student, { ...approved, printRecords: [{ role: "STUDENT" }] }, NOW).print.allowed).toBe(false);
    expect(capabilitiesOf(actorOf("COUNSELOR"), { ...approved, printRecords: [{ role: "STUDENT" }] }, NOW).print).toEqual({ allowed: true, needsReason: true });
    expect(capabilitiesOf(unit, approved, NOW).print.allowed).toBe(false);
    expect(capabilitiesOf(student, shown("PENDING_COLLEGE_REVIEW"), NOW).print.allowed).toBe(false);
  });

  it("someone else's agreement: nothing at all", () => {
    const other = { ...unit, employerId: "55555555-5555-5555-5555-555555555555" };
    const caps = capabilitiesOf(other, shown("PENDING_EMPLOYER"), NOW);
    expect(Object.values(caps.actions).every((v) => !v.allowed)).toBe(true);
    expect(caps.actions.sign).toMatchObject({ code: "NOT_FOUND" });
  });
});
