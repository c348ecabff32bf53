// Every (state, action, role) of the transition table, generated from the enums: the
// engine's checker either allows it with the table's next state or refuses it with the
// right kind of zh-CN reason. Plus the manual's rules stated independently of the table.
import { AppError } from "@/lib/errors";
import { ActorRole, AgreementStatus } from "@/lib/generated/prisma/enums";
import { checkTransition } from "@/lib/workflow/capabilities";
import type { LoadedAgreement } from "@/lib/workflow/engine";
import { TRANSITIONS, WORKFLOW_ACTIONS, availableActions, lookupTransition, nextStatus, type WorkflowAction } from "@/lib/workflow/transitions";
import { HIDDEN_FROM_UNIT } from "@/lib/workflow/access";
import { satisfyingGuards } from "./guard-setup";

const STATES: (AgreementStatus | null)[] = [null, ...Object.values(AgreementStatus)];
const ROLES = Object.values(ActorRole);
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

/** An agreement in `status` that satisfies every guard, so only the table decides. */
function agreementIn(status: AgreementStatus): LoadedAgreement {
  return {
    status,
    version: 3,
    employerId: ids.employer,
    collegeId: ids.college,
    savedAt: NOW,
    // due for auto-confirmation only where that action is tried (guards are per action)
    autoConfirmAt: null,
    returnedByRole: "EMPLOYER",
    signingMode: "PAPER",
    attestedAt: null,
    student: { userId: ids.studentUser, user: { id: ids.studentUser } },
  } as unknown as LoadedAgreement;
}

function check(action: WorkflowAction, role: ActorRole, state: AgreementStatus | null) {
  const setup = satisfyingGuards(action, role, NOW);
  const agreement = state ? ({ ...agreementIn(state), ...setup.agreement } as LoadedAgreement) : null;
  return checkTransition({
    policy: setup.policy,
    action,
    actor: actorOf(role),
    agreement,
    expectedVersion: agreement ? 3 : undefined,
    student: { sourceStatus: "APPROVED" },
    employer: { id: ids.employer, status: "APPROVED", sealId: null },
    reason: "原因",
    now: NOW,
  });
}

describe("the transition table, every combination", () => {
  const cases = WORKFLOW_ACTIONS.flatMap((action) => STATES.flatMap((state) => ROLES.map((role) => [action, state, role] as const)));

  it("covers actions × states × roles", () => {
    expect(cases).toHaveLength(WORKFLOW_ACTIONS.length * (Object.values(AgreementStatus).length + 1) * ROLES.length);
  });

  it.each(cases)("%s from %s by %s", (action, state, role) => {
    const t = TRANSITIONS[action];
    const roleOk = t.roles.includes(role);
    const stateOk = t.from.includes(state);
    if (roleOk && stateOk) {
      expect(check(action, role, state)).toBe(nextStatus(action, state));
      // a side effect of another service is never offered as a button
      if (t.sideEffectOf) expect(availableActions(role, state)).not.toContain(action);
      else expect(availableActions(role, state)).toContain(action);
    } else {
      let error: unknown;
      try {
        check(action, role, state);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      // a unit does not even see a draft the student has not submitted to it (access comes first)
      const hidden = role === "EMPLOYER" && state !== null && HIDDEN_FROM_UNIT.includes(state);
      expect(appError.code).toBe(hidden ? "NOT_FOUND" : roleOk ? "INVALID_STATE" : "FORBIDDEN");
      expect(appError.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(lookupTransition(action, role, state).allowed).toBe(false);
    }
  });
});

describe("the manual's rules, stated on their own", () => {
  const allowed = (action: WorkflowAction, role: ActorRole, from: AgreementStatus | null) => lookupTransition(action, role, from).allowed;

  it("only the student starts, saves, submits and confirms", () => {
    for (const role of ROLES.filter((r) => r !== "STUDENT")) {
      expect(allowed("saveDraft", role, "DRAFT")).toBe(false);
      expect(allowed("submit", role, "DRAFT")).toBe(false);
      expect(allowed("confirm", role, "PENDING_STUDENT_CONFIRM")).toBe(false);
    }
    expect(allowed("saveDraft", "STUDENT", null)).toBe(true);
  });

  it("after 正式提交 the student cannot edit until the agreement is returned", () => {
    for (const s of ["PENDING_EMPLOYER", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"] as const) {
      expect(allowed("saveDraft", "STUDENT", s)).toBe(false);
    }
    expect(allowed("saveDraft", "STUDENT", "RETURNED")).toBe(true);
  });

  it("only the unit signs, returns and takes back; 拿回重签 only before the student confirms", () => {
    expect(allowed("sign", "EMPLOYER", "PENDING_EMPLOYER")).toBe(true);
    expect(allowed("takeBack", "EMPLOYER", "PENDING_STUDENT_CONFIRM")).toBe(true);
    expect(allowed("takeBack", "EMPLOYER", "PENDING_COLLEGE_REVIEW")).toBe(false);
    expect(allowed("sign", "STUDENT", "PENDING_EMPLOYER")).toBe(false);
  });

  it("only the system auto-confirms; counselors and the office review and file", () => {
    expect(TRANSITIONS.autoConfirm.roles).toEqual(["SYSTEM"]);
    expect(allowed("approve", "COUNSELOR", "PENDING_COLLEGE_REVIEW")).toBe(true);
    expect(allowed("approve", "OFFICE", "PENDING_COLLEGE_REVIEW")).toBe(true);
    expect(allowed("file", "COUNSELOR", "APPROVED")).toBe(true);
    expect(allowed("file", "COUNSELOR", "PENDING_COLLEGE_REVIEW")).toBe(false);
  });

  it("a stale version is a conflict, not a silent overwrite", () => {
    const agreement = agreementIn("PENDING_EMPLOYER");
    expect(() =>
      checkTransition({
        action: "sign",
        actor: actorOf("EMPLOYER"),
        agreement,
        expectedVersion: 2,
        student: { sourceStatus: "APPROVED" },
        employer: { id: ids.employer, status: "APPROVED", sealId: null },
        reason: null,
        now: NOW,
      }),
    ).toThrow("该协议已被他人更新，请刷新后重试");
  });

  it("another unit or another 学院 does not even see the agreement", () => {
    const agreement = agreementIn("PENDING_EMPLOYER");
    const otherUnit = { ...actorOf("EMPLOYER"), employerId: "55555555-5555-5555-5555-555555555555" };
    expect(() =>
      checkTransition({ action: "sign", actor: otherUnit, agreement, student: { sourceStatus: "APPROVED" }, employer: { id: ids.employer, status: "APPROVED", sealId: null }, reason: null, now: NOW }),
    ).toThrow("未找到该协议");
  });
});

describe("电子协议 and 纸质 (the mode's guards)", () => {
  const electronic = (status: AgreementStatus, attestedAt: Date | null = null) => ({ ...agreementIn(status), signingMode: "ELECTRONIC", attestedAt }) as LoadedAgreement;
  const run = (action: WorkflowAction, role: ActorRole, agreement: LoadedAgreement, sealId: string | null = null) =>
    checkTransition({ action, actor: actorOf(role), agreement, expectedVersion: 3, student: { sourceStatus: "APPROVED" }, employer: { id: ids.employer, status: "APPROVED", sealId }, reason: "原因", now: NOW });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as AppError;
    }
    throw new Error("expected a refusal");
  };

  it("an electronic agreement is signed only by a unit with an approved seal; a paper one needs none", () => {
    expect(refusal(() => run("sign", "EMPLOYER", electronic("PENDING_EMPLOYER"))).message).toMatch(/上传电子印章/);
    expect(run("sign", "EMPLOYER", electronic("PENDING_EMPLOYER"), "55555555-5555-5555-5555-555555555555")).toBe("PENDING_STUDENT_CONFIRM");
    expect(run("sign", "EMPLOYER", agreementIn("PENDING_EMPLOYER"))).toBe("PENDING_STUDENT_CONFIRM");
  });

  it("鉴证 only for an electronic agreement, once; its 备案 only after it", () => {
    expect(refusal(() => run("attest", "OFFICE", agreementIn("APPROVED"))).message).toMatch(/无需网上鉴证/);
    expect(run("attest", "OFFICE", electronic("APPROVED"))).toBe("APPROVED");
    expect(refusal(() => run("attest", "OFFICE", electronic("APPROVED", NOW))).message).toMatch(/已鉴证/);
    expect(refusal(() => run("attest", "COUNSELOR", electronic("APPROVED"))).code).toBe("FORBIDDEN");
    expect(refusal(() => run("file", "COUNSELOR", electronic("APPROVED"))).message).toMatch(/鉴证后方可备案/);
    expect(run("file", "COUNSELOR", electronic("APPROVED", NOW))).toBe("FILED");
    expect(run("file", "COUNSELOR", agreementIn("APPROVED"))).toBe("FILED");
  });
});
