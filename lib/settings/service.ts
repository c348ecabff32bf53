// 系统设置: 签约须知, 违约说明, versioned 协议条款, the auto-confirm days and copies per print,
// staff accounts, 学院 and 专业. Reads (getSettings) are for every page; writes are the
// office's and each writes one AuditLog row in its transaction.
import type { z } from "zod";
import { issueInitialPassword } from "@/lib/auth/passwords";
import { changesOf, recordAudit, type AuditAction, type AuditEntity } from "@/lib/audit";
import { isUniqueViolation, prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_AUTO_CONFIRM_DAYS } from "@/lib/workflow/seven-day-rule";
import { settingRow } from "./row";
import type { collegeSchema, majorSchema, noticesSchema, numbersSchema, staffAccountSchema, termsSchema } from "./schemas";

export type AppSettings = {
  schoolName: string;
  signingNotice: string;
  breachNotice: string;
  autoConfirmDays: number;
  copiesPerPrint: number;
  currentTerms: { id: string; version: number; content: string; createdAt: Date } | null;
  updatedAt: Date | null;
};

const DEFAULTS: AppSettings = {
  schoolName: "",
  signingNotice: "",
  breachNotice: "",
  autoConfirmDays: DEFAULT_AUTO_CONFIRM_DAYS, // the 7-day rule: lib/workflow/seven-day-rule.ts
  copiesPerPrint: 3,
  currentTerms: null,
  updatedAt: null,
};

/** The settings every page reads (签约须知 for units, copies for printing, days for auto-confirm). */
export async function getSettings(): Promise<AppSettings> {
  const s = await settingRow();
  if (!s) return DEFAULTS;
  return {
    schoolName: s.schoolName,
    signingNotice: s.signingNotice,
    breachNotice: s.breachNotice,
    autoConfirmDays: s.autoConfirmDays,
    copiesPerPrint: s.copiesPerPrint,
    currentTerms: s.currentTerms ? { id: s.currentTerms.id, version: s.currentTerms.version, content: s.currentTerms.content, createdAt: s.currentTerms.createdAt } : null,
    updatedAt: s.updatedAt,
  };
}

export function requireOffice(actor: Pick<Actor, "role">) {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN", "只有就业处可以修改系统设置");
}

const audit = (tx: Tx, actor: Actor, entity: AuditEntity, entityId: string, action: AuditAction, changes: object) =>
  recordAudit(tx, { actor, entity, entityId, action, changes: changes as Prisma.InputJsonValue });

async function upsertSetting(actor: Actor, data: Partial<Omit<AppSettings, "currentTerms" | "updatedAt">>, action: AuditAction) {
  requireOffice(actor);
  return prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { id: 1 } });
    await tx.setting.upsert({
      where: { id: 1 },
      create: { id: 1, schoolName: "", signingNotice: "", breachNotice: "", ...data },
      update: data,
    });
    await audit(tx, actor, "Setting", "1", action, changesOf(before as Record<string, unknown> | null, data));
  });
}

export function updateNotices(actor: Actor, input: z.output<typeof noticesSchema>) {
  return upsertSetting(actor, input, "updateNotices");
}

export function updateNumbers(actor: Actor, input: z.output<typeof numbersSchema>) {
  return upsertSetting(actor, input, "updateNumbers");
}

/**
 * A new 协议条款 version: never edits an old one (agreements keep printing with the terms
 * they were submitted under); Setting.currentTermsId moves to the new version.
 */
export async function publishTerms(actor: Actor, input: z.output<typeof termsSchema>) {
  requireOffice(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await tx.setting.findUnique({ where: { id: 1 }, include: { currentTerms: true } });
      if (current?.currentTerms?.content === input.content) throw new AppError("INVALID_INPUT", "协议条款没有变化", { content: "协议条款没有变化" });
      const last = await tx.agreementTerms.aggregate({ _max: { version: true } });
      const version = (last._max.version ?? 0) + 1;
      const terms = await tx.agreementTerms.create({ data: { version, content: input.content, createdById: actor.userId } });
      await tx.setting.upsert({
        where: { id: 1 },
        create: { id: 1, schoolName: "", signingNotice: "", breachNotice: "", currentTermsId: terms.id },
        update: { currentTermsId: terms.id },
      });
      await audit(tx, actor, "AgreementTerms", terms.id, "publishTerms", { version, previousVersion: current?.currentTerms?.version ?? null });
      return { id: terms.id, version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "其他人刚刚发布了新版本条款，请刷新后重试");
    throw error;
  }
}

export async function listTermsVersions() {
  return prisma.agreementTerms.findMany({
    orderBy: { version: "desc" },
    select: { id: true, version: true, createdAt: true, createdBy: { select: { name: true } }, _count: { select: { agreements: true } } },
  });
}

// ---- accounts of counselors and office staff ----

export async function listStaffAccounts(actor: Actor) {
  requireOffice(actor);
  return prisma.user.findMany({
    where: { role: { in: ["COUNSELOR", "OFFICE"] } },
    orderBy: [{ role: "desc" }, { username: "asc" }],
    select: { id: true, username: true, name: true, role: true, phone: true, email: true, active: true, lastLoginAt: true, college: { select: { name: true } } },
  });
}

/** A counselor or office account with a random initial password, returned once (shown to the office). */
export async function createStaffAccount(actor: Actor, input: z.output<typeof staffAccountSchema>): Promise<{ userId: string; username: string; initialPassword: string }> {
  requireOffice(actor);
  if (input.role === "COUNSELOR" && !(input.collegeId && /^[0-9a-f-]{36}$/i.test(input.collegeId) && (await prisma.college.findUnique({ where: { id: input.collegeId } })))) {
    throw new AppError("INVALID_INPUT", "所属学院不存在", { collegeId: "所属学院不存在" });
  }
  const { password, columns } = issueInitialPassword();
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          ...columns,
          role: input.role,
          name: input.name,
          phone: input.phone ?? null,
          email: input.email ?? null,
          collegeId: input.role === "COUNSELOR" ? input.collegeId : null,
        },
      });
      await audit(tx, actor, "User", user.id, "createStaff", { username: input.username, role: input.role, collegeId: user.collegeId });
      return { userId: user.id, username: user.username, initialPassword: password };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", "该工号已被使用", { username: "该工号已被使用" });
    throw error;
  }
}

// ---- 学院 and 专业 ----

export async function listCollegesWithMajors() {
  return prisma.college.findMany({
    orderBy: { code: "asc" },
    include: { majors: { orderBy: { code: "asc" }, include: { _count: { select: { students: true } } } }, _count: { select: { students: true } } },
  });
}

export async function saveCollege(actor: Actor, input: z.output<typeof collegeSchema>) {
  requireOffice(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = input.id ? await tx.college.findUnique({ where: { id: input.id } }) : null;
      if (input.id && !before) throw new AppError("NOT_FOUND", "未找到该学院");
      const college = before
        ? await tx.college.update({ where: { id: before.id }, data: { code: input.code, name: input.name } })
        : await tx.college.create({ data: { code: input.code, name: input.name } });
      await audit(tx, actor, "College", college.id, before ? "updateCollege" : "createCollege", changesOf(before, { code: input.code, name: input.name }));
      return college;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", "学院代码或名称已存在", { code: "学院代码或名称已存在" });
    throw error;
  }
}

export async function saveMajor(actor: Actor, input: z.output<typeof majorSchema>) {
  requireOffice(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await tx.college.findUnique({ where: { id: input.collegeId } }))) throw new AppError("INVALID_INPUT", "所属学院不存在", { collegeId: "所属学院不存在" });
      const before = input.id ? await tx.major.findUnique({ where: { id: input.id } }) : null;
      if (input.id && !before) throw new AppError("NOT_FOUND", "未找到该专业");
      const data = { code: input.code, name: input.name, collegeId: input.collegeId };
      const major = before ? await tx.major.update({ where: { id: before.id }, data }) : await tx.major.create({ data });
      await audit(tx, actor, "Major", major.id, before ? "updateMajor" : "createMajor", changesOf(before, data));
      return major;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", "专业代码已存在，或该学院已有同名专业", { code: "专业代码已存在，或该学院已有同名专业" });
    throw error;
  }
}
