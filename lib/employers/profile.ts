// 单位信息: the unit's own profile (the defaults that prefill 用人单位情况 when signing) and
// its staff. A unit rejected by the office may correct its profile; that puts it back to
// 待审核 so the office looks again. An approved unit's 单位名称, 统一社会信用代码 and 单位性质
// are what the office approved: a change of them waits for the office's review (变更待审核,
// ./review.ts), and until then the unit is found, and signs, under the approved ones.
import type { z } from "zod";
import { prisma, isUniqueViolation } from "@/lib/db/client";
import { changesOf, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Employer, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { UNIT_IDENTITY_PROFILE } from "@/lib/agreement/unit-section";
import type { unitProfileUpdateSchema } from "./schemas";

function employerIdOf(actor: Pick<Actor, "role" | "employerId">): string {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN");
  return actor.employerId;
}

export async function getOwnEmployer(actor: Pick<Actor, "role" | "employerId">) {
  const employer = await prisma.employer.findUnique({
    where: { id: employerIdOf(actor) },
    include: { staff: { select: { id: true, username: true, name: true, phone: true, email: true, active: true, lastLoginAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!employer) throw new AppError("NOT_FOUND", "未找到本单位信息");
  return employer;
}

/** The unit's registration as its landing page tells it (status, when, the office's reason). */
export async function getOwnRegistration(actor: Pick<Actor, "role" | "employerId">) {
  const employer = await prisma.employer.findUnique({
    where: { id: employerIdOf(actor) },
    select: { status: true, rejectReason: true, createdAt: true, updatedAt: true, reviewedAt: true },
  });
  if (!employer) throw new AppError("NOT_FOUND", "未找到本单位信息");
  return employer;
}

type IdentityField = (typeof UNIT_IDENTITY_PROFILE)[number];
export type UnitIdentityChange = Record<IdentityField, string>;

/** The identity change waiting for the office, or null. */
export function pendingIdentityChange(e: Pick<Employer, "proposedName" | "proposedOrgCode" | "proposedNatureCode" | "changeRequestedAt">): UnitIdentityChange | null {
  if (!e.changeRequestedAt || !e.proposedName || !e.proposedOrgCode || !e.proposedNatureCode) return null;
  return { name: e.proposedName, orgCode: e.proposedOrgCode, natureCode: e.proposedNatureCode };
}

/** What the profile form shows: the identity asked for while it waits, else the approved one. */
export function profileIdentityShown(e: Employer): UnitIdentityChange {
  return pendingIdentityChange(e) ?? { name: e.name, orgCode: e.orgCode, natureCode: e.natureCode };
}

const TAKEN = () => new AppError("INVALID_INPUT", "该统一社会信用代码已被其他单位使用", { orgCode: "该统一社会信用代码已被其他单位使用" });

/** No other unit has (or has asked for) this 统一社会信用代码. */
async function assertCodeFree(tx: Prisma.TransactionClient, employerId: string, orgCode: string) {
  const other = await tx.employer.findFirst({ where: { id: { not: employerId }, OR: [{ orgCode }, { proposedOrgCode: orgCode }] }, select: { id: true } });
  if (other) throw TAKEN();
}

export async function updateEmployerProfile(actor: Actor, input: z.output<typeof unitProfileUpdateSchema>) {
  const employerId = employerIdOf(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.employer.findUnique({ where: { id: employerId } });
      if (!before) throw new AppError("NOT_FOUND", "未找到本单位信息");
      const identity: UnitIdentityChange = { name: input.name, orgCode: input.orgCode, natureCode: input.natureCode };
      const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !(UNIT_IDENTITY_PROFILE as readonly string[]).includes(k))) as Omit<typeof input, IdentityField>;
      if (identity.orgCode !== before.orgCode) await assertCodeFree(tx, employerId, identity.orgCode);

      if (before.status !== "APPROVED") {
        // not approved yet: everything is the office's to review anyway
        const resubmit = before.status === "REJECTED";
        await tx.employer.update({ where: { id: employerId }, data: { ...input, ...(resubmit ? { status: "PENDING", rejectReason: null } : {}) } });
        await recordAudit(tx, { actor, entity: "Employer", entityId: employerId, action: resubmit ? "resubmit" : "updateProfile", changes: changesOf(before, input) as Prisma.InputJsonValue });
        return { resubmitted: resubmit, changeRequested: false };
      }

      // approved: the other fields change now; the identity only through the office's review
      const asked = UNIT_IDENTITY_PROFILE.some((f) => identity[f] !== before[f]);
      const waiting = pendingIdentityChange(before);
      const sameAsWaiting = waiting !== null && UNIT_IDENTITY_PROFILE.every((f) => identity[f] === waiting[f]);
      const change: Prisma.EmployerUpdateInput = asked
        ? sameAsWaiting
          ? {}
          : { proposedName: identity.name, proposedOrgCode: identity.orgCode, proposedNatureCode: identity.natureCode, changeRequestedAt: new Date(), changeRejectReason: null }
        : { proposedName: null, proposedOrgCode: null, proposedNatureCode: null, changeRequestedAt: null };
      await tx.employer.update({ where: { id: employerId }, data: { ...rest, ...change } });
      const restChanges = changesOf(before, rest) as Record<string, unknown>;
      if (Object.keys(restChanges).length) await recordAudit(tx, { actor, entity: "Employer", entityId: employerId, action: "updateProfile", changes: restChanges as Prisma.InputJsonValue });
      if (asked && !sameAsWaiting) {
        const asking = Object.fromEntries(UNIT_IDENTITY_PROFILE.filter((f) => identity[f] !== before[f]).map((f) => [f, { from: before[f], to: identity[f] }]));
        await recordAudit(tx, { actor, entity: "Employer", entityId: employerId, action: "requestIdentityChange", changes: asking as Prisma.InputJsonValue });
      }
      if (!asked && waiting) await recordAudit(tx, { actor, entity: "Employer", entityId: employerId, action: "withdrawIdentityChange", changes: { withdrawn: waiting } });
      return { resubmitted: false, changeRequested: asked };
    });
  } catch (error) {
    // two units asking for the same code at once: the unique index decides
    if (isUniqueViolation(error)) throw TAKEN();
    throw error;
  }
}
