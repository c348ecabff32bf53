// 用人单位注册: a public visitor creates the unit (待审核) and its first staff account in one
// transaction. The unit can sign only after the office approves it (guard employerApproved).
import { hash } from "bcryptjs";
import type { z } from "zod";
import { isUniqueViolation, prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { employerRegistrationSchema, employerStaffSchema } from "./schemas";

export const PASSWORD_COST = 10;

type Registration = z.output<typeof employerRegistrationSchema>;

export async function registerEmployer(input: Registration): Promise<{ employerId: string; userId: string }> {
  // Friendly field errors for the two unique keys; the unique indexes still decide races.
  const [sameCode, sameUser] = await Promise.all([
    prisma.employer.findUnique({ where: { orgCode: input.orgCode }, select: { id: true } }),
    prisma.user.findUnique({ where: { username: input.username }, select: { id: true } }),
  ]);
  const fieldErrors: Record<string, string> = {};
  if (sameCode) fieldErrors.orgCode = "该统一社会信用代码已注册，请直接登录或联系就业处";
  if (sameUser) fieldErrors.username = "该登录账号已被使用";
  if (sameCode || sameUser) throw new AppError("INVALID_INPUT", Object.values(fieldErrors)[0], fieldErrors);

  const passwordHash = await hash(input.password, PASSWORD_COST);
  const { username, staffName, staffPhone } = input;
  const unit = {
    name: input.name,
    orgCode: input.orgCode,
    department: input.department,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    email: input.email,
    address: input.address,
    postalCode: input.postalCode,
    natureCode: input.natureCode,
    provinceCode: input.provinceCode,
    reportTitle: input.reportTitle,
    partyOrgReceiver: input.partyOrgReceiver,
    archiveAddress: input.archiveAddress,
    settleCity: input.settleCity,
    defaultOpinion: input.defaultOpinion,
  };
  try {
    return await prisma.$transaction(async (tx) => {
      const employer = await tx.employer.create({ data: { ...unit, status: "PENDING" } });
      const user = await tx.user.create({
        data: { username, passwordHash, role: "EMPLOYER", name: staffName, phone: staffPhone, email: unit.email, employerId: employer.id },
      });
      await recordAudit(tx, {
        actor: { userId: user.id, role: "EMPLOYER" },
        entity: "Employer",
        entityId: employer.id,
        action: "register",
        changes: { name: unit.name, orgCode: unit.orgCode, username },
      });
      return { employerId: employer.id, userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", "该单位或登录账号已注册，请勿重复提交");
    throw error;
  }
}

type StaffInput = z.output<typeof employerStaffSchema>;

/** A unit adds another staff account (any staff of the unit may). */
export async function addEmployerStaff(
  actor: Pick<Actor, "userId" | "role" | "employerId" | "context">,
  input: StaffInput,
): Promise<{ userId: string }> {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN");
  const employerId = actor.employerId;
  if (await prisma.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new AppError("INVALID_INPUT", "该登录账号已被使用", { username: "该登录账号已被使用" });
  }
  const passwordHash = await hash(input.password, PASSWORD_COST);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username: input.username, passwordHash, role: "EMPLOYER", name: input.name, phone: input.phone, email: input.email, employerId },
      });
      await recordAudit(tx, { actor, entity: "Employer", entityId: employerId, action: "addStaff", changes: { username: input.username, name: input.name } });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", "该登录账号已被使用", { username: "该登录账号已被使用" });
    throw error;
  }
}
