// 签约邀请 (#14): an approved unit invites a graduate (学号 + 姓名), filling the 用人单位情况
// as when signing and the 补充条款; the graduate 应约 (正式提交 + 复核确认 at once: to the
// 学院's review) or 拒绝; the unit may 撤回 before an answer; unanswered ones lapse. Each is a
// transition of the table (invite … supersedeInvitation) through the one engine.
import { addDays } from "date-fns";
import { signatureUnder } from "@/lib/agreement/unit-section";
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SYSTEM_ACTOR, type WorkflowActor } from "../actor";
import { runTransition, runTransitionMany } from "../engine";
import { SIGNABLE_SOURCE_STATUSES } from "../guards";
import { policySettings } from "../policy";
import { invitationParts, type AcceptInvitationForm, type InvitationForm } from "../schemas";
import { LIVE_STATUSES } from "../states";
import { submissionParams } from "./submit-agreement";

type Ref = { agreementId: string; version: number };

/** The same answer whether the graduate does not exist, the name differs or their 生源 does not allow signing. */
export const NO_SUCH_GRADUATE = "未找到符合条件的毕业生，请核对学号和姓名（生源信息须已审核）";

/** 发出签约邀请 */
export async function inviteGraduate(actor: WorkflowActor, form: InvitationForm) {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN", "签约邀请由用人单位发出");
  const student = await prisma.student.findUnique({ where: { studentNo: form.studentNo }, select: { id: true, name: true, sourceStatus: true } });
  if (!student || student.name !== form.studentName || !SIGNABLE_SOURCE_STATUSES.includes(student.sourceStatus)) {
    throw new AppError("NOT_FOUND", NO_SUCH_GRADUATE, { studentNo: NO_SUCH_GRADUATE });
  }
  const employerId = actor.employerId;
  return runTransition({
    action: "invite",
    actor,
    studentId: student.id,
    requestedEmployerId: employerId,
    params: async ({ tx, now }) => {
      const pending = await tx.agreement.findFirst({ where: { studentId: student.id, employerId, status: "INVITED" }, select: { id: true } });
      if (pending) throw new AppError("GUARD_FAILED", "您已向该毕业生发出签约邀请，对方答复前不能再次邀请（如需修改，请先撤回）");
      const { invitationAnswerDays } = await policySettings(tx);
      const { signature, terms } = invitationParts(form);
      const identity = await tx.employer.findUniqueOrThrow({ where: { id: employerId }, select: { name: true, orgCode: true, natureCode: true } });
      return { signature: signatureUnder(identity, signature), terms, answerBy: addDays(now, invitationAnswerDays) };
    },
  });
}

/**
 * 应约: the invitation becomes the student's agreement, submitted and confirmed, waiting for
 * the 学院; every other pending invitation of the student lapses in the same transaction
 * (each unit is told). The student's invitations are locked in one order first, so two
 * answered at once queue instead of deadlocking, and only one can become the agreement
 * (the database's one-live-agreement index would refuse a second all the same).
 */
export async function acceptInvitation(actor: WorkflowActor, ref: Ref, form: AcceptInvitationForm) {
  return runTransition({
    action: "acceptInvitation",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, agreement, now }) => {
      const a = agreement!;
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Agreement" WHERE "studentId" = ${a.studentId}::uuid AND status = 'INVITED' ORDER BY id FOR UPDATE`;
      if (!locked.some((r) => r.id === a.id)) throw new AppError("CONFLICT", "该邀请已失效（已应约其他单位、被单位撤回或已过期），请刷新后查看");
      const live = await tx.agreement.findFirst({ where: { studentId: a.studentId, status: { in: [...LIVE_STATUSES] } }, select: { id: true } });
      if (live) throw new AppError("GUARD_FAILED", "您已有一份进行中的就业协议，不能应约；如需改签，请先办理解约");
      await runTransitionMany(
        {
          action: "supersedeInvitation",
          actor: { ...SYSTEM_ACTOR, name: "系统（毕业生已应约其他单位）" },
          now,
          params: {},
          targets: { kind: "select", where: (p) => [`a."studentId" = ${p.add(a.studentId, "uuid")}`, `a.id <> ${p.add(a.id, "uuid")}`], skipLocked: false },
        },
        tx,
      );
      return { ...(await submissionParams(tx, a)), form };
    },
  });
}

/** 拒绝邀请, with a reason the unit reads. */
export async function declineInvitation(actor: WorkflowActor, ref: Ref, reason: string) {
  return runTransition({ action: "declineInvitation", actor, agreementId: ref.agreementId, expectedVersion: ref.version, reason, params: { reason } });
}

/** 撤回邀请: the unit, before the graduate answers (then it may send a corrected one). */
export async function withdrawInvitation(actor: WorkflowActor, ref: Ref) {
  return runTransition({ action: "withdrawInvitation", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}

/** The scheduled job: invitations unanswered past the office's window lapse. */
export async function lapseInvitationsDue(now: Date = new Date(), db: Db = prisma): Promise<{ lapsed: number }> {
  const moved = await runTransitionMany(
    { action: "lapseInvitation", actor: { ...SYSTEM_ACTOR, name: "系统（逾期处理）" }, now, params: {}, targets: { kind: "select", orderBy: `a."invitationAnswerBy"`, limit: 5000, skipLocked: true } },
    db,
  );
  return { lapsed: moved.length };
}
