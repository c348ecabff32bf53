// 用人单位注册 → 审核 → 选择签约单位: only approved units can be found and can sign.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { approveEmployer, approveIdentityChange, rejectEmployer, rejectIdentityChange } from "@/lib/employers/review";
import { updateEmployerProfile } from "@/lib/employers/profile";
import { addEmployerStaff, registerEmployer } from "@/lib/employers/register";
import { searchApprovedEmployers } from "@/lib/employers/queries";
import { employerRegistrationSchema, employerStaffSchema, unitProfileUpdateSchema } from "@/lib/employers/schemas";
import { employerSignSchema } from "@/lib/workflow/schemas";
import { newStudent } from "../fixtures/workflow";
import { verifyLogin } from "@/lib/auth/login";
import { REGISTRATIONS_PER_CLIENT } from "@/lib/auth/throttle";
import type { Actor } from "@/lib/auth/roles";
import { makeCreditCode } from "@/lib/validation/credit-code";
import { batchSignAsEmployer, saveDraft, signAsEmployer } from "@/lib/workflow";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: PrismaClient;
let clients = 0;
const nextClient = () => ({ ip: `10.8.0.${++clients}`, userAgent: "jest" });
let office: Actor;

function registration(key: string, name: string) {
  return employerRegistrationSchema.parse({
    name,
    orgCode: makeCreditCode(key, "230102"),
    department: "",
    contactName: "韩立",
    contactPhone: "0451-86001234",
    email: `${key}@reg.example`,
    address: "黑龙江省哈尔滨市南岗区测试路1号",
    postalCode: "150001",
    natureCode: "39",
    provinceCode: "23",
    username: `${key}@reg.example`,
    staffName: "韩立",
    staffPhone: "13800001111",
    password: "Secret2026",
    confirmPassword: "Secret2026",
  });
}

async function actorOf(username: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId };
}

const signInput = {
  unitName: "星河测绘有限公司",
  unitOrgCode: makeCreditCode("reg-star", "230102"),
  unitDepartment: null,
  unitContactName: "韩立",
  unitContactPhone: "0451-86001234",
  unitEmail: "hr@star.example",
  unitAddress: "黑龙江省哈尔滨市南岗区测试路1号",
  unitPostalCode: "150001",
  unitNatureCode: "39" as const,
  unitReportTitle: null,
  unitPartyOrgReceiver: null,
  unitArchiveAddress: null,
  unitSettleCity: null,
  employerOpinion: "同意接收",
  authorityOpinion: null,
};

/** An agreement addressed to the unit, already waiting for its signature (fixture only). */
async function pendingAgreementFor(employerId: string, studentNo: string) {
  const student = await prisma.student.findUniqueOrThrow({ where: { studentNo } });
  return prisma.agreement.create({
    data: {
      status: "PENDING_EMPLOYER",
      studentId: student.id,
      employerId,
      collegeId: student.collegeId,
      graduationYear: student.graduationYear,
      studentPhone: "13900001111",
      studentEmail: "s@example.com",
      savedAt: new Date(),
      submittedAt: new Date(),
    },
  });
}

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
  office = await actorOf(DEMO_ACCOUNTS.office);
});

describe("registration", () => {
  it("creates a pending unit with its first staff account and an audit row", async () => {
    expect(await registerEmployer(registration("reg-star", "星河测绘有限公司"), nextClient())).toEqual({ created: true });
    const employer = await prisma.employer.findUniqueOrThrow({ where: { orgCode: makeCreditCode("reg-star", "230102") } });
    expect(employer.status).toBe("PENDING");
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "reg-star@reg.example" } });
    expect(user).toMatchObject({ role: "EMPLOYER", employerId: employer.id, mustChangePassword: false });
    const login = await verifyLogin({ username: "Reg-Star@Reg.Example", password: "Secret2026", context: nextClient() });
    expect(login.ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { entity: "Employer", entityId: employer.id, action: "register" } })).toBe(1);
  });

  it("refuses a second registration of the same credit code (a field error)", async () => {
    await expect(registerEmployer(registration("reg-star", "星河测绘有限公司"), nextClient())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { orgCode: expect.any(String) },
    });
  });

  it("a taken login name gets the same answer as a new one; nothing is created and the owner is e-mailed", async () => {
    const input = { ...registration("reg-taken", "某某科技有限公司"), username: "hr@demo-soft.example" };
    expect(await registerEmployer(input, nextClient())).toEqual({ created: false });
    expect(await prisma.employer.findUnique({ where: { orgCode: input.orgCode } })).toBeNull();
    expect(await prisma.outboxEmail.count({ where: { to: "hr@demo-soft.example", subject: { contains: "申请注册" } } })).toBe(1);
    // the action's answer is the one a successful registration gets
    expect(employerRegistrationSchema.safeParse({ ...input, confirmPassword: input.password }).success).toBe(true);
  });

  it("a login name must be an e-mail address (so no unit can take a 学号 or 工号)", () => {
    const r = employerRegistrationSchema.safeParse({ ...registration("reg-x", "某单位"), username: "2022010101" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("登录账号须为电子邮箱，如 hr@example.com");
  });

  it("registration is rate-limited per client", async () => {
    const context = nextClient();
    for (let i = 0; i < REGISTRATIONS_PER_CLIENT; i++) {
      await registerEmployer({ ...registration(`reg-rate-${i}`, `限速测试${i}有限公司`), username: "hr@demo-bank.example" }, context);
    }
    await expect(registerEmployer(registration("reg-rate-x", "限速测试有限公司"), context)).rejects.toMatchObject({ code: "THROTTLED" });
    expect(await registerEmployer(registration("reg-rate-y", "另一客户端有限公司"), nextClient())).toEqual({ created: true });
  });

  it("rejects a credit code with a wrong check character in the schema", () => {
    const good = makeCreditCode("reg-bad", "230102");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const result = employerRegistrationSchema.safeParse({ ...registration("reg-bad", "某单位"), orgCode: bad });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("统一社会信用代码不正确，请核对校验位");
  });
});

describe("only approved units can be chosen and can sign", () => {
  let starId: string;
  let star: Actor;

  beforeAll(async () => {
    starId = (await prisma.employer.findUniqueOrThrow({ where: { orgCode: makeCreditCode("reg-star", "230102") } })).id;
    star = await actorOf("reg-star@reg.example");
  });

  it("a pending unit is not found by searchApprovedEmployers", async () => {
    const result = await searchApprovedEmployers("星河测绘");
    expect(result.rows.map((r) => r.id)).not.toContain(starId);
    expect(result.total).toBe(0);
  });

  it("a student cannot save a draft with a pending unit", async () => {
    const student = await actorOf(DEMO_ACCOUNTS.studentApproved);
    await expect(
      saveDraft(student, { employerId: starId, studentPhone: "13900001111", studentEmail: "s@example.com", studentOpinion: "同意" }),
    ).rejects.toMatchObject({ code: "GUARD_FAILED", message: "该用人单位尚未通过就业处审核，不能签约" });
  });

  it("staff of a pending unit cannot sign an agreement addressed to it", async () => {
    const agreement = await pendingAgreementFor(starId, "2022010103");
    await expect(signAsEmployer(star, { agreementId: agreement.id, version: agreement.version }, signInput)).rejects.toMatchObject({
      code: "GUARD_FAILED",
    });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).status).toBe("PENDING_EMPLOYER");
  });

  it("only the office may approve", async () => {
    await expect(approveEmployer(star, starId)).rejects.toBeInstanceOf(AppError);
    expect((await prisma.employer.findUniqueOrThrow({ where: { id: starId } })).status).toBe("PENDING");
  });

  it("after approval the unit appears (by name fragment and by credit code) and can sign", async () => {
    await approveEmployer(office, starId);
    const byName = await searchApprovedEmployers("测绘");
    expect(byName.rows.map((r) => r.id)).toEqual([starId]);
    const byCode = await searchApprovedEmployers(makeCreditCode("reg-star", "230102").slice(0, 10).toLowerCase());
    expect(byCode.rows.map((r) => r.id)).toContain(starId);
    expect(await prisma.auditLog.count({ where: { entityId: starId, action: "approve", actorId: office.userId } })).toBe(1);

    const agreement = await prisma.agreement.findFirstOrThrow({ where: { employerId: starId } });
    const record = await signAsEmployer(star, { agreementId: agreement.id, version: agreement.version }, signInput);
    expect(record.to).toBe("PENDING_STUDENT_CONFIRM");
  });

  it("after rejection (with reason) the unit disappears and cannot sign", async () => {
    await expect(rejectEmployer(office, starId, "  ")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await rejectEmployer(office, starId, "营业执照信息不符");
    const e = await prisma.employer.findUniqueOrThrow({ where: { id: starId } });
    expect(e).toMatchObject({ status: "REJECTED", rejectReason: "营业执照信息不符" });
    expect((await searchApprovedEmployers("星河")).total).toBe(0);
    const log = await prisma.auditLog.findFirstOrThrow({ where: { entityId: starId, action: "reject" } });
    expect(log.changes).toMatchObject({ reason: "营业执照信息不符" });

    const agreement = await pendingAgreementFor(starId, "2022010201");
    await expect(signAsEmployer(star, { agreementId: agreement.id, version: agreement.version }, signInput)).rejects.toMatchObject({
      code: "GUARD_FAILED",
    });
  });

  it("the unit's administrator adds a staff account (random initial password) that belongs to the same unit; other staff may not", async () => {
    const staff = employerStaffSchema.parse({ username: "Second@Reg.Example", name: "南宫婉", phone: "13800002222", email: "second@reg.example" });
    const { username, initialPassword, userId } = await addEmployerStaff(star, staff);
    expect(username).toBe("second@reg.example");
    const login = await verifyLogin({ username, password: initialPassword, context: nextClient() });
    expect(login.ok && login.user.mustChangePassword).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).employerId).toBe(starId);
    const second = await actorOf("second@reg.example");
    await expect(addEmployerStaff(second, { ...staff, username: "third@reg.example" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("searchApprovedEmployers", () => {
  it("pages the approved demo units by name, 10 at a time, never pending/rejected ones", async () => {
    const all = await searchApprovedEmployers("");
    const approved = await prisma.employer.count({ where: { status: "APPROVED" } });
    expect(all.total).toBe(approved);
    expect(all.rows.length).toBe(Math.min(10, approved));
    const names = await prisma.employer.findMany({ where: { status: { not: "APPROVED" } }, select: { id: true } });
    const ids = new Set(all.rows.map((r) => r.id));
    for (const n of names) expect(ids.has(n.id)).toBe(false);
    const page99 = await searchApprovedEmployers("", 99);
    expect(page99.rows).toEqual([]);
  });
});

describe("an approved unit's change of 单位名称, 统一社会信用代码 or 单位性质 goes back to the office (变更待审核)", () => {
  const KEY = "reg-ident";
  const APPROVED_NAME = "北辰精密仪器有限公司";
  const BANK = "中国工商银行股份有限公司哈尔滨分行";
  let unitId: string;
  let unit: Actor;
  const profile = (over: Record<string, unknown> = {}) => {
    const { username: _u, staffName: _s, staffPhone: _p, password: _pw, confirmPassword: _c, ...rest } = registration(KEY, APPROVED_NAME);
    void [_u, _s, _p, _pw, _c];
    return unitProfileUpdateSchema.parse({ ...rest, ...over });
  };
  const current = () => prisma.employer.findUniqueOrThrow({ where: { id: unitId } });
  async function waitingAgreement() {
    const s = await newStudent(prisma, "01");
    const { studentNo } = await prisma.student.findUniqueOrThrow({ where: { userId: s.userId! } });
    return pendingAgreementFor(unitId, studentNo);
  }

  beforeAll(async () => {
    await registerEmployer(registration(KEY, APPROVED_NAME), nextClient());
    unitId = (await prisma.employer.findUniqueOrThrow({ where: { orgCode: makeCreditCode(KEY, "230102") } })).id;
    await approveEmployer(office, unitId);
    unit = await actorOf(`${KEY}@reg.example`);
  });

  it("renaming itself (to a bank's name, another 单位性质): still 审核通过 under its approved identity, found only by it, signing only under it", async () => {
    const asked = await updateEmployerProfile(unit, profile({ name: BANK, natureCode: "31", contactName: "新联系人" }));
    expect(asked).toEqual({ resubmitted: false, changeRequested: true });
    const e = await current();
    // the other fields change at once; the identity waits
    expect(e).toMatchObject({ status: "APPROVED", name: APPROVED_NAME, natureCode: "39", contactName: "新联系人", proposedName: BANK, proposedNatureCode: "31" });
    expect(e.changeRequestedAt).not.toBeNull();
    expect(await prisma.auditLog.findFirst({ where: { entityId: unitId, action: "requestIdentityChange" } })).toMatchObject({
      changes: { name: { from: APPROVED_NAME, to: BANK }, natureCode: { from: "39", to: "31" } },
    });

    // students find it under the approved name only
    expect((await searchApprovedEmployers("工商银行")).rows.map((r) => r.id)).not.toContain(unitId);
    expect((await searchApprovedEmployers("北辰精密")).rows.map((r) => r.id)).toEqual([unitId]);

    // it signs (one by one or in a batch) under the approved identity, whatever the form says
    const sent = { ...signInput, unitName: BANK, unitOrgCode: makeCreditCode("icbc", "230102"), unitNatureCode: "31" as const, unitContactName: "新联系人" };
    expect(Object.keys(employerSignSchema.parse(sent))).not.toContain("unitName");
    const one = await waitingAgreement();
    const signed = await signAsEmployer(unit, { agreementId: one.id, version: one.version }, sent);
    expect(signed.agreement).toMatchObject({ unitName: APPROVED_NAME, unitOrgCode: makeCreditCode(KEY, "230102"), unitNatureCode: "39", unitContactName: "新联系人" });
    const two = await waitingAgreement();
    expect((await batchSignAsEmployer(unit, [{ agreementId: two.id, version: two.version }]))[0].ok).toBe(true);
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id: two.id } })).toMatchObject({ unitName: APPROVED_NAME, unitNatureCode: "39" });
  });

  it("the office refuses the change with a reason (zh-CN), audited; the unit keeps its identity and reads why", async () => {
    await expect(rejectIdentityChange(unit, unitId, "不行")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rejectIdentityChange(office, unitId, "  ")).rejects.toMatchObject({ code: "INVALID_INPUT", message: "请填写不通过原因" });
    await rejectIdentityChange(office, unitId, "营业执照名称与申请不符");
    expect(await current()).toMatchObject({ status: "APPROVED", name: APPROVED_NAME, proposedName: null, changeRequestedAt: null, changeRejectReason: "营业执照名称与申请不符" });
    expect(await prisma.auditLog.findFirst({ where: { entityId: unitId, action: "rejectIdentityChange" } })).toMatchObject({
      actorId: office.userId,
      changes: { reason: "营业执照名称与申请不符", name: { from: APPROVED_NAME, to: BANK } },
    });
    await expect(approveIdentityChange(office, unitId)).rejects.toMatchObject({ code: "INVALID_STATE", message: "该单位没有待审核的单位信息变更" });
  });

  it("a code another unit uses is refused; an approved change takes effect (found and signing under the new identity), audited", async () => {
    const taken = (await prisma.employer.findFirstOrThrow({ where: { id: { not: unitId }, status: "APPROVED" } })).orgCode;
    await expect(updateEmployerProfile(unit, profile({ orgCode: taken }))).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { orgCode: "该统一社会信用代码已被其他单位使用" } });

    const NEW_NAME = "北辰精密仪器股份有限公司";
    const NEW_CODE = makeCreditCode("reg-ident-2", "230102");
    await updateEmployerProfile(unit, profile({ name: NEW_NAME, orgCode: NEW_CODE }));
    expect((await current()).name).toBe(APPROVED_NAME);
    await approveIdentityChange(office, unitId);
    expect(await current()).toMatchObject({ status: "APPROVED", name: NEW_NAME, orgCode: NEW_CODE, natureCode: "39", proposedName: null, changeRequestedAt: null });
    expect(await prisma.auditLog.findFirst({ where: { entityId: unitId, action: "approveIdentityChange" } })).toMatchObject({
      actorId: office.userId,
      changes: { name: { from: APPROVED_NAME, to: NEW_NAME }, orgCode: { from: makeCreditCode(KEY, "230102"), to: NEW_CODE } },
    });
    expect((await searchApprovedEmployers("股份有限公司")).rows.map((r) => r.id)).toContain(unitId);
    const a = await waitingAgreement();
    const signed = await signAsEmployer(unit, { agreementId: a.id, version: a.version }, signInput);
    expect(signed.agreement).toMatchObject({ unitName: NEW_NAME, unitOrgCode: NEW_CODE });
    // saving the profile unchanged asks for nothing
    expect(await updateEmployerProfile(unit, profile({ name: NEW_NAME, orgCode: NEW_CODE }))).toEqual({ resubmitted: false, changeRequested: false });
    expect((await current()).changeRequestedAt).toBeNull();
  });
});
