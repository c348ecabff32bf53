// Electronic seals. A unit uploads its seal (reviewed by the office: with the unit's
// registration when the unit is new, on its own when an approved unit changes it); the
// office sets each 学院's seal and the school's 鉴证章 (in force at once). Seals are never
// changed: a new image is a new row, and the seal placed for a party on an agreement is
// the one of its kind in force (APPROVED, latest reviewedAt) when that party signed.
import { createHash } from "node:crypto";
import { prisma, type Db } from "@/lib/db/client";
import { recordAudit, type AuditAction } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SealKind } from "@/lib/generated/prisma/enums";
import { checkSealPng } from "./png";

type Tx = Prisma.TransactionClient;

export type SealView = {
  id: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  rejectReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  url: string;
};

const sealUrl = (id: string) => `/api/seals/${id}`;

function view(s: { id: string; status: SealView["status"]; rejectReason: string | null; createdAt: Date; reviewedAt: Date | null }): SealView {
  return { id: s.id, status: s.status, rejectReason: s.rejectReason, createdAt: s.createdAt, reviewedAt: s.reviewedAt, url: sealUrl(s.id) };
}

const viewSelect = { id: true, status: true, rejectReason: true, createdAt: true, reviewedAt: true } as const;

function requireOffice(actor: Pick<Actor, "role">) {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN", "只有就业处可以设置和审核电子印章");
}

const audit = (tx: Tx, actor: Actor, entityId: string, action: AuditAction, changes: Record<string, unknown>) =>
  recordAudit(tx, { actor, entity: "Seal", entityId, action, changes: changes as Prisma.InputJsonValue });

const digest = (png: Uint8Array) => createHash("sha256").update(png).digest("hex");

/**
 * 上传单位电子印章 (the unit's staff). It waits for the office: a unit still under review has
 * it approved together with the registration; an approved unit keeps its current seal in
 * force until the office approves the new one.
 */
export async function uploadUnitSeal(actor: Actor, bytes: Uint8Array) {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN", "只有用人单位可以上传本单位的电子印章");
  const { png, width, height } = checkSealPng(bytes);
  const employerId = actor.employerId;
  return prisma.$transaction(async (tx) => {
    // an earlier upload still waiting is replaced by this one
    await tx.seal.updateMany({
      where: { kind: "UNIT", employerId, status: "PENDING" },
      data: { status: "REJECTED", rejectReason: "已上传新的印章图片", reviewedAt: new Date() },
    });
    const seal = await tx.seal.create({
      data: { kind: "UNIT", employerId, png, sha256: digest(png), widthPx: width, heightPx: height, uploadedById: actor.userId },
      select: viewSelect,
    });
    await audit(tx, actor, seal.id, "uploadSeal", { kind: "UNIT", employerId, width, height });
    return view(seal);
  });
}

/** Inside the unit's approval (lib/employers/review.ts): its pending seal is approved with it. */
export async function approvePendingUnitSealInTx(tx: Tx, actor: Actor, employerId: string, now: Date) {
  const pending = await tx.seal.findFirst({ where: { kind: "UNIT", employerId, status: "PENDING" }, orderBy: { createdAt: "desc" } });
  if (!pending) return null;
  await tx.seal.update({ where: { id: pending.id }, data: { status: "APPROVED", reviewedAt: now, reviewedById: actor.userId } });
  await tx.employer.update({ where: { id: employerId }, data: { sealId: pending.id } });
  await audit(tx, actor, pending.id, "approveSeal", { kind: "UNIT", employerId, withUnit: true });
  return pending.id;
}

/** 印章审核 of an approved unit's new seal: approve (it is in force from now) or reject with a reason. */
export async function reviewUnitSeal(actor: Actor, sealId: string, decision: { approve: true } | { approve: false; reason: string }) {
  requireOffice(actor);
  const reason = decision.approve ? null : decision.reason.trim();
  if (!decision.approve && !reason) throw new AppError("INVALID_INPUT", "请填写不通过原因", { reason: "请填写不通过原因" });
  return prisma.$transaction(async (tx) => {
    const seal = await tx.seal.findUnique({ where: { id: sealId }, select: { id: true, kind: true, employerId: true, status: true } });
    if (!seal || seal.kind !== "UNIT" || !seal.employerId) throw new AppError("NOT_FOUND", "未找到该印章");
    const now = new Date();
    const updated = await tx.seal.updateMany({
      where: { id: sealId, status: "PENDING" },
      data: decision.approve
        ? { status: "APPROVED", reviewedAt: now, reviewedById: actor.userId }
        : { status: "REJECTED", rejectReason: reason, reviewedAt: now, reviewedById: actor.userId },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "该印章已被审核或已被单位替换，请刷新后查看");
    if (decision.approve) await tx.employer.update({ where: { id: seal.employerId }, data: { sealId } });
    await audit(tx, actor, sealId, decision.approve ? "approveSeal" : "rejectSeal", { kind: "UNIT", employerId: seal.employerId, ...(reason ? { reason } : {}) });
    return { sealId, status: decision.approve ? "APPROVED" : "REJECTED" };
  });
}

/** The office sets a 学院's seal or the school's 鉴证章: in force at once. */
export async function setOfficeSeal(actor: Actor, target: { kind: "COLLEGE"; collegeId: string } | { kind: "SCHOOL" }, bytes: Uint8Array) {
  requireOffice(actor);
  const { png, width, height } = checkSealPng(bytes);
  return prisma.$transaction(async (tx) => {
    if (target.kind === "COLLEGE" && !(await tx.college.findUnique({ where: { id: target.collegeId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "未找到该学院");
    }
    const now = new Date();
    const seal = await tx.seal.create({
      data: {
        kind: target.kind,
        collegeId: target.kind === "COLLEGE" ? target.collegeId : null,
        png,
        sha256: digest(png),
        widthPx: width,
        heightPx: height,
        status: "APPROVED",
        uploadedById: actor.userId,
        reviewedAt: now,
        reviewedById: actor.userId,
      },
      select: viewSelect,
    });
    await audit(tx, actor, seal.id, "setSeal", { kind: target.kind, ...(target.kind === "COLLEGE" ? { collegeId: target.collegeId } : {}), width, height });
    return view(seal);
  });
}

type Owner = { kind: "UNIT"; employerId: string } | { kind: "COLLEGE"; collegeId: string } | { kind: "SCHOOL" };

function ownerWhere(owner: Owner): Prisma.SealWhereInput {
  if (owner.kind === "UNIT") return { kind: "UNIT", employerId: owner.employerId };
  if (owner.kind === "COLLEGE") return { kind: "COLLEGE", collegeId: owner.collegeId };
  return { kind: "SCHOOL" };
}

/** The seal of `owner` in force at `at` (now by default), or null. */
export async function sealInForce(db: Db | Tx, owner: Owner, at: Date = new Date()) {
  return db.seal.findFirst({
    where: { ...ownerWhere(owner), status: "APPROVED", reviewedAt: { lte: at } },
    orderBy: { reviewedAt: "desc" },
    select: { id: true, png: true, sha256: true, reviewedAt: true },
  });
}

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString("base64")}`;

/**
 * The seals an electronic agreement carries: each party's seal in force when it signed
 * (unit: 确定签约, 学院: 通过, school: 鉴证); a party that has not signed has none yet.
 */
export async function placedSeals(a: {
  employerId: string;
  collegeId: string;
  employerSignedAt: Date | null;
  approvedAt: Date | null;
  attestedAt: Date | null;
}) {
  const [unit, college, school] = await Promise.all([
    a.employerSignedAt ? sealInForce(prisma, { kind: "UNIT", employerId: a.employerId }, a.employerSignedAt) : null,
    a.approvedAt ? sealInForce(prisma, { kind: "COLLEGE", collegeId: a.collegeId }, a.approvedAt) : null,
    a.attestedAt ? sealInForce(prisma, { kind: "SCHOOL" }, a.attestedAt) : null,
  ]);
  return {
    unit: unit ? dataUrl(unit.png) : null,
    college: college ? dataUrl(college.png) : null,
    school: school ? dataUrl(school.png) : null,
  };
}

/** The unit's seals for its profile page and the office's unit review: in force, waiting, last refused. */
export async function unitSeals(employerId: string) {
  const [current, pending, rejected] = await Promise.all([
    sealInForce(prisma, { kind: "UNIT", employerId }),
    prisma.seal.findFirst({ where: { kind: "UNIT", employerId, status: "PENDING" }, orderBy: { createdAt: "desc" }, select: viewSelect }),
    prisma.seal.findFirst({ where: { kind: "UNIT", employerId, status: "REJECTED", rejectReason: { not: "已上传新的印章图片" } }, orderBy: { reviewedAt: "desc" }, select: viewSelect }),
  ]);
  return {
    current: current ? { id: current.id, url: sealUrl(current.id), reviewedAt: current.reviewedAt } : null,
    pending: pending ? view(pending) : null,
    rejected: rejected && (!pending || rejected.createdAt > pending.createdAt) ? view(rejected) : null,
  };
}

/** The office's seals page: the school's 鉴证章 and each 学院's seal in force. */
export async function officeSeals() {
  const [school, colleges] = await Promise.all([
    sealInForce(prisma, { kind: "SCHOOL" }),
    prisma.college.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  const collegeSeals = await Promise.all(colleges.map((c) => sealInForce(prisma, { kind: "COLLEGE", collegeId: c.id })));
  return {
    school: school ? { id: school.id, url: sealUrl(school.id), reviewedAt: school.reviewedAt } : null,
    colleges: colleges.map((c, i) => ({ ...c, seal: collegeSeals[i] ? { id: collegeSeals[i]!.id, url: sealUrl(collegeSeals[i]!.id), reviewedAt: collegeSeals[i]!.reviewedAt } : null })),
  };
}

/**
 * The image of a seal, for those who handle it: the office (all), a unit's staff (its own),
 * a counselor (its 学院's, the school's). Anyone else gets NOT_FOUND.
 */
export async function sealImageFor(actor: Actor, sealId: string): Promise<Uint8Array> {
  if (!/^[0-9a-f-]{36}$/i.test(sealId)) throw new AppError("NOT_FOUND", "未找到该印章");
  const seal = await prisma.seal.findUnique({ where: { id: sealId }, select: { kind: true, employerId: true, collegeId: true, png: true } });
  const kind: SealKind | undefined = seal?.kind;
  const allowed =
    seal &&
    (actor.role === "OFFICE" ||
      (actor.role === "EMPLOYER" && kind === "UNIT" && seal.employerId === actor.employerId) ||
      (actor.role === "COUNSELOR" && (kind === "SCHOOL" || (kind === "COLLEGE" && seal.collegeId === actor.collegeId))));
  if (!allowed) throw new AppError("NOT_FOUND", "未找到该印章");
  return seal.png;
}
