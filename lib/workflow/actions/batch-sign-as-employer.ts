// 批量签约: the unit signs many agreements at once with its profile's defaults, and is
// told each one's outcome. Every item passes the same checks as a single 确定签约
// (checkTransition); the writes are set-based, in one transaction, so 500 take one request.
import { prisma, type Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fanOutInTransaction } from "@/lib/notifications/fan-out";
import { afterTransitionCommitted } from "@/lib/jobs/emit";
import type { WorkflowActor } from "../actor";
import { agreementWithParties, checkTransition, type TransitionRecord } from "../engine";
import { DEFAULT_EMPLOYER_OPINION, autoConfirmAtFor } from "./sign-as-employer";

export type BatchOutcome = {
  agreementId: string;
  studentName: string | null;
  studentNo: string | null;
  ok: boolean;
  message: string;
};

export async function batchSignAsEmployer(
  actor: WorkflowActor,
  items: { agreementId: string; version: number }[],
  db: Db = prisma,
  now = new Date(),
): Promise<BatchOutcome[]> {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN", "您的身份不能进行“批量签约”操作");
  const unique = [...new Map(items.map((i) => [i.agreementId, i])).values()];
  const loaded = await db.agreement.findMany({
    where: { id: { in: unique.map((i) => i.agreementId) } },
    include: agreementWithParties,
  });
  const byId = new Map(loaded.map((a) => [a.id, a]));

  const outcomes = new Map<string, BatchOutcome>();
  const candidates: { agreementId: string; version: number }[] = [];
  for (const item of unique) {
    const agreement = byId.get(item.agreementId) ?? null;
    const visible = agreement && agreement.employerId === actor.employerId;
    const base = {
      agreementId: item.agreementId,
      studentName: visible ? agreement.student.name : null,
      studentNo: visible ? agreement.student.studentNo : null,
    };
    try {
      if (!agreement) throw new AppError("NOT_FOUND", "未找到该协议");
      checkTransition({
        action: "sign",
        actor,
        agreement,
        expectedVersion: item.version,
        student: agreement.student,
        employer: agreement.employer,
        reason: null,
        now,
      });
      candidates.push(item);
      outcomes.set(item.agreementId, { ...base, ok: true, message: "签约成功" });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.set(item.agreementId, { ...base, ok: false, message: error.message });
    }
  }

  if (candidates.length > 0) {
    const employer = await db.employer.findUniqueOrThrow({ where: { id: actor.employerId } });
    const records = await db.$transaction(async (tx) => {
      const autoConfirmAt = await autoConfirmAtFor(tx, now);
      const ids = candidates.map((c) => c.agreementId);
      const versions = candidates.map((c) => c.version);
      const opinion = employer.defaultOpinion ?? DEFAULT_EMPLOYER_OPINION;
      // Optimistic concurrency per row: only rows still at the version checked are signed.
      const signed = await tx.$queryRaw<{ id: string; version: number }[]>`
        UPDATE "Agreement" AS a SET
          "status" = 'PENDING_STUDENT_CONFIRM', "version" = a."version" + 1, "updatedAt" = ${now}::timestamp,
          "unitName" = ${employer.name}, "unitOrgCode" = ${employer.orgCode}, "unitDepartment" = ${employer.department},
          "unitContactName" = ${employer.contactName}, "unitContactPhone" = ${employer.contactPhone},
          "unitEmail" = ${employer.email}, "unitAddress" = ${employer.address}, "unitPostalCode" = ${employer.postalCode},
          "unitNatureCode" = ${employer.natureCode}, "unitReportTitle" = ${employer.reportTitle},
          "unitPartyOrgReceiver" = ${employer.partyOrgReceiver}, "unitArchiveAddress" = ${employer.archiveAddress},
          "unitSettleCity" = ${employer.settleCity}, "employerOpinion" = ${opinion}, "authorityOpinion" = NULL,
          "employerSignedAt" = ${now}::timestamp, "signedById" = ${actor.userId}::uuid, "autoConfirmAt" = ${autoConfirmAt}::timestamp,
          "studentConfirmedAt" = NULL, "autoConfirmed" = false
        FROM unnest(${ids}::uuid[], ${versions}::int[]) AS v(id, version)
        WHERE a."id" = v.id AND a."version" = v.version AND a."status" = 'PENDING_EMPLOYER'
          AND a."employerId" = ${actor.employerId}::uuid
        RETURNING a."id", a."version"`;
      const signedIds = new Set(signed.map((s) => s.id));
      for (const c of candidates) {
        if (!signedIds.has(c.agreementId)) {
          const o = outcomes.get(c.agreementId)!;
          outcomes.set(c.agreementId, { ...o, ok: false, message: "该协议已被他人更新，请刷新后重试" });
        }
      }
      if (signed.length === 0) return [];
      await tx.agreementEvent.createMany({
        data: signed.map((s) => ({
          agreementId: s.id,
          version: s.version,
          action: "sign",
          actorId: actor.userId,
          actorRole: actor.role,
          actorName: actor.name,
          fromStatus: "PENDING_EMPLOYER" as const,
          toStatus: "PENDING_STUDENT_CONFIRM" as const,
          changes: { batch: true, employerSignedAt: now.toISOString(), autoConfirmAt: autoConfirmAt.toISOString() } as Prisma.InputJsonValue,
          createdAt: now,
        })),
      });
      const after = await tx.agreement.findMany({ where: { id: { in: [...signedIds] } }, include: agreementWithParties });
      const recs: TransitionRecord[] = after.map((agreement) => ({
        action: "sign",
        agreementId: agreement.id,
        from: "PENDING_EMPLOYER",
        to: "PENDING_STUDENT_CONFIRM",
        version: agreement.version,
        actor,
        at: now,
        reason: null,
        agreement,
      }));
      await fanOutInTransaction(tx, recs);
      return recs;
    });
    await afterTransitionCommitted(records);
  }
  return unique.map((i) => outcomes.get(i.agreementId)!);
}
