// 用人单位注册: a public visitor creates the unit (待审核) and its first staff account — the
// unit's administrator — in one transaction. The unit can sign only after the office
// approves it (guard employerApproved). Registration is rate-limited per client and does
// not tell whether a login name (an e-mail address) is taken: the answer is the same, and
// the owner of that address gets an e-mail instead.
import type { z } from "zod";
import { isUnitAdministrator } from "@/lib/auth/account-admin";
import { hashPassword, issueInitialPassword } from "@/lib/auth/passwords";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Actor } from "@/lib/auth/roles";
import { admitRegistration, retryText } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation, prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { employerRegistrationSchema, employerStaffSchema } from "./schemas";

type Registration = z.output<typeof employerRegistrationSchema>;

export const REGISTERED_MESSAGE = "注册申请已提交。请等待就业处审核；审核通过后即可使用登录账号（电子邮箱）办理网上签约。";

/** The owner of an address somebody tried to register again hears of it (once a day at most). */
async function tellOwnerOfTakenName(username: string, now: Date) {
  await prisma.outboxEmail.createMany({
    data: [
      {
        to: username,
        subject: "【网上签约】有人使用您的邮箱申请注册用人单位",
        text: `您好：\n\n有人在就业协议书网上签约系统中使用本邮箱（${username}）申请注册用人单位。该邮箱已是本系统的登录账号，因此未创建新的账号。\n如果是您本人：请直接使用该邮箱登录；忘记密码请联系本单位的管理员账号或学校就业处重置。\n如果不是您本人：请忽略本邮件。\n`,
        dedupeKey: `register-taken:${username}:${now.toISOString().slice(0, 10)}`,
      },
    ],
    skipDuplicates: true,
  });
}

export async function registerEmployer(input: Registration, context: RequestContext, now = new Date()): Promise<{ created: boolean }> {
  const gate = await admitRegistration(context.ip);
  if (!gate.allowed) throw new AppError("THROTTLED", `注册申请过于频繁，请 ${retryText(gate.retryAfterSeconds)}后再试`);
  // The unit's code must be unique, and saying so is what registering needs (the office
  // approves units by it); whether the login name is taken is not said.
  const [sameCode, sameUser] = await Promise.all([
    prisma.employer.findUnique({ where: { orgCode: input.orgCode }, select: { id: true } }),
    prisma.user.findUnique({ where: { username: input.username }, select: { id: true } }),
  ]);
  if (sameCode) {
    throw new AppError("INVALID_INPUT", "该统一社会信用代码已注册，请直接登录或联系就业处", { orgCode: "该统一社会信用代码已注册，请直接登录或联系就业处" });
  }
  const passwordHash = await hashPassword(input.password); // also when the name is taken: the same time either way
  if (sameUser) {
    await tellOwnerOfTakenName(input.username, now);
    return { created: false };
  }
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
    await prisma.$transaction(async (tx) => {
      const employer = await tx.employer.create({ data: { ...unit, status: "PENDING" } });
      const user = await tx.user.create({
        data: { username, passwordHash, passwordChangedAt: now, role: "EMPLOYER", name: staffName, phone: staffPhone, email: unit.email, employerId: employer.id },
      });
      await recordAudit(tx, {
        actor: { userId: user.id, role: "EMPLOYER" },
        entity: "Employer",
        entityId: employer.id,
        action: "register",
        changes: { name: unit.name, orgCode: unit.orgCode, username, ip: context.ip },
      });
    });
    return { created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // a race on the same code or name: the code is said, the name is not
    if (await prisma.employer.findUnique({ where: { orgCode: input.orgCode }, select: { id: true } })) {
      throw new AppError("INVALID_INPUT", "该统一社会信用代码已注册，请直接登录或联系就业处", { orgCode: "该统一社会信用代码已注册，请直接登录或联系就业处" });
    }
    await tellOwnerOfTakenName(input.username, now);
    return { created: false };
  }
}

type StaffInput = z.output<typeof employerStaffSchema>;

/**
 * 添加经办人: the unit's administrator adds a staff account, with a random initial password
 * returned once (to be handed over; changed at first sign-in).
 */
export async function addEmployerStaff(
  actor: Pick<Actor, "userId" | "role" | "employerId" | "auth">,
  input: StaffInput,
): Promise<{ userId: string; username: string; initialPassword: string }> {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN");
  if (!(await isUnitAdministrator({ role: "EMPLOYER", userId: actor.userId, employerId: actor.employerId }))) {
    throw new AppError("FORBIDDEN", "只有本单位的管理员账号（首个注册的经办人）可以添加经办人");
  }
  const employerId = actor.employerId;
  const taken = () => new AppError("INVALID_INPUT", "该登录账号不能使用，请换一个电子邮箱", { username: "该登录账号不能使用，请换一个电子邮箱" });
  if (await prisma.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw taken();
  const { password, columns } = issueInitialPassword();
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username: input.username, ...columns, role: "EMPLOYER", name: input.name, phone: input.phone, email: input.email, employerId },
      });
      await recordAudit(tx, { actor, entity: "Employer", entityId: employerId, action: "addStaff", changes: { username: input.username, name: input.name } });
      return { userId: user.id, username: user.username, initialPassword: password };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
