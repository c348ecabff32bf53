// 生源信息导入: exact report for a mixed file, nothing written by default, good rows only on
// request, re-import idempotent, counselors limited to their 学院.
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { verifyLogin } from "@/lib/auth/login";
import { importStudents } from "@/lib/students/import";
import { IMPORT_COLUMNS, buildImportTemplate, readImportWorkbook, type RawStudentRow } from "@/lib/students/template";
import { approveSources, returnSource } from "@/lib/students/review";
import { makeIdNumber } from "@/lib/validation/id-card";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: PrismaClient;
let office: Actor;
let counselor01: Actor;
let counselor02: Actor;

const idA = makeIdNumber("230103", new Date("2005-03-04"), 1, "MALE");
const idB = makeIdNumber("110105", new Date("2004-11-20"), 2, "FEMALE");
const idC = makeIdNumber("230102", new Date("2005-01-01"), 3, "MALE");
const badCheck = idA.slice(0, 17) + (idA[17] === "1" ? "2" : "1");

function row(overrides: Partial<RawStudentRow>): RawStudentRow {
  return {
    studentNo: "2023019001",
    name: "测试甲",
    gender: "男",
    ethnicity: "汉族",
    political: "共青团员",
    trainingMode: "非定向",
    education: "本科生毕业",
    schoolingYears: "4",
    graduationMonth: "202806",
    college: "计算机科学与技术学院",
    major: "软件工程",
    idNumber: idA,
    originProvince: "黑龙江省",
    originCity: "哈尔滨市",
    homeAddress: "黑龙江省哈尔滨市南岗区学府路1号",
    phone: "",
    email: "",
    ...overrides,
  };
}

const GOOD_1 = row({});
// codes instead of names, a name with the full political wording, 学历 without 毕业
const GOOD_2 = row({ studentNo: "2023019002", name: "测试乙", gender: "女", idNumber: idB, political: "中国共产党党员", education: "本科", college: "01", major: "080901", originProvince: "11", originCity: "1101", phone: "13812345678" });
const BAD_ROWS: RawStudentRow[] = [
  row({ studentNo: "2023019003", name: "校验错", idNumber: badCheck }), // row 4
  row({ studentNo: "2023019004", name: "性别错", idNumber: idC, gender: "女" }), // row 5
  row({ studentNo: "2023019005", name: "民族错", idNumber: makeIdNumber("230102", new Date("2005-01-02"), 4, "MALE"), ethnicity: "火星族" }), // row 6
  row({ studentNo: "2023019006", name: "专业错", idNumber: makeIdNumber("230102", new Date("2005-01-03"), 5, "MALE"), major: "自动化" }), // row 7
  row({ studentNo: "2023019007", name: "时间错", idNumber: makeIdNumber("230102", new Date("2005-01-04"), 6, "MALE"), graduationMonth: "202813", originCity: "大连市" }), // row 8
  row({ studentNo: "2023019007", name: "重复号", idNumber: makeIdNumber("230102", new Date("2005-01-05"), 7, "MALE") }), // row 9: the 学号 of row 8
];

async function workbook(rows: RawStudentRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("生源信息");
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function actorOf(username: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId };
}

const importedNos = ["2023019001", "2023019002", "2023019003", "2023019004", "2023019005", "2023019006", "2023019007"];
const countImported = () => prisma.student.count({ where: { studentNo: { in: importedNos } } });

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
  office = await actorOf(DEMO_ACCOUNTS.office);
  counselor01 = await actorOf(DEMO_ACCOUNTS.counselor01);
  counselor02 = await actorOf(DEMO_ACCOUNTS.counselor02);
});

describe("template", () => {
  it("has the Chinese headers and reads back with no rows", async () => {
    const file = await buildImportTemplate();
    const { rows, missingHeaders } = await readImportWorkbook(file);
    expect(missingHeaders).toEqual([]);
    expect(rows).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
  });
});

describe("a file with good and bad rows", () => {
  let file: Buffer;
  beforeAll(async () => {
    file = await workbook([GOOD_1, GOOD_2, ...BAD_ROWS]);
  });

  it("yields the exact report and writes nothing by default", async () => {
    const audits = await prisma.auditLog.count();
    const report = await importStudents(office, file);
    expect(report).toMatchObject({ total: 8, valid: 2, written: false, created: 0, updated: 0 });
    expect(report.errors).toEqual([
      { rowNumber: 4, studentNo: "2023019003", name: "校验错", reasons: ["身份证号校验位不正确"] },
      { rowNumber: 5, studentNo: "2023019004", name: "性别错", reasons: ["性别与身份证号不一致"] },
      { rowNumber: 6, studentNo: "2023019005", name: "民族错", reasons: ["民族“火星族”不在民族代码表中"] },
      { rowNumber: 7, studentNo: "2023019006", name: "专业错", reasons: ["专业“自动化”不属于学院“计算机科学与技术学院”"] },
      { rowNumber: 8, studentNo: "2023019007", name: "时间错", reasons: ["毕业时间“202813”应为六位年月，如 202806", "生源地市/县“大连市”不属于黑龙江省", "学号与第9行重复"] },
      { rowNumber: 9, studentNo: "2023019007", name: "重复号", reasons: ["学号与第8行重复"] },
    ]);
    expect(await countImported()).toBe(0);
    expect(await prisma.user.count({ where: { username: { in: importedNos } } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("a counselor of another 学院 gets every row refused", async () => {
    const report = await importStudents(counselor02, await workbook([GOOD_1]));
    expect(report.valid).toBe(0);
    expect(report.errors[0].reasons).toContain("只能导入本学院的学生（该行学院为“计算机科学与技术学院”）");
    expect(await countImported()).toBe(0);
  });

  it("只导入正确的行 writes exactly the good rows, with student accounts (a random initial password each, in the report only)", async () => {
    const report = await importStudents(counselor01, file, "goodRowsOnly");
    expect(report).toMatchObject({ total: 8, valid: 2, written: true, created: 2, updated: 0, unchanged: 0 });
    expect(report.errors).toHaveLength(6);
    const students = await prisma.student.findMany({ where: { studentNo: { in: importedNos } }, orderBy: { studentNo: "asc" } });
    expect(students.map((s) => s.studentNo)).toEqual(["2023019001", "2023019002"]);
    expect(students[1]).toMatchObject({
      gender: "FEMALE",
      politicalCode: "01",
      educationCode: "31",
      originProvince: "11",
      originCity: "1101",
      graduationMonth: "202806",
      graduationYear: 2028,
      sourceStatus: "PENDING_COLLEGE",
    });
    // the report hands out one random initial password per new account; nothing derived from the person works
    expect(report.credentials.map((c) => c.studentNo)).toEqual(["2023019001", "2023019002"]);
    const b = report.credentials.find((c) => c.studentNo === "2023019002")!;
    expect(b.initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(b.initialPassword).not.toContain(idB.slice(-6));
    const context = { ip: "10.7.0.1", userAgent: "jest" };
    expect((await verifyLogin({ username: "2023019002", password: idB.slice(-6), context })).ok).toBe(false);
    const login = await verifyLogin({ username: "2023019002", password: b.initialPassword, context });
    expect(login.ok && login.user).toMatchObject({ role: "STUDENT", mustChangePassword: true });
    const stored = await prisma.user.findUniqueOrThrow({ where: { username: "2023019002" } });
    expect(JSON.stringify(stored)).not.toContain(b.initialPassword);
    expect(await prisma.auditLog.count({ where: { entity: "Student", action: "import", entityId: { in: students.map((s) => s.id) } } })).toBe(2);
  });

  it("re-importing the same file is idempotent", async () => {
    const before = await prisma.student.findMany({ where: { studentNo: { in: importedNos } }, orderBy: { studentNo: "asc" } });
    const report = await importStudents(office, file, "goodRowsOnly");
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: false });
    const after = await prisma.student.findMany({ where: { studentNo: { in: importedNos } }, orderBy: { studentNo: "asc" } });
    expect(after).toEqual(before);
    expect(await prisma.user.count({ where: { username: { in: importedNos } } })).toBe(2);
  });

  it("a corrected row updates by 学号 (never duplicates) and goes back to 待学院审核", async () => {
    const s = await prisma.student.findUniqueOrThrow({ where: { studentNo: "2023019001" } });
    await approveSources(counselor01, [s.id]);
    expect((await prisma.student.findUniqueOrThrow({ where: { id: s.id } })).sourceStatus).toBe("PENDING_OFFICE");
    const report = await importStudents(office, await workbook([{ ...GOOD_1, homeAddress: "黑龙江省哈尔滨市南岗区学府路2号" }]));
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, written: true });
    const after = await prisma.student.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ homeAddress: "黑龙江省哈尔滨市南岗区学府路2号", sourceStatus: "PENDING_COLLEGE" });
    expect(await countImported()).toBe(2);
  });

  it("an ID number already held by another graduate is refused", async () => {
    const report = await importStudents(office, await workbook([{ ...GOOD_1, studentNo: "2023019099" }]));
    expect(report.errors[0].reasons).toEqual(["身份证号已被学号 2023019001 的学生使用"]);
  });

  it("an unreadable file or missing headers is reported, not thrown", async () => {
    expect((await importStudents(office, Buffer.from("not a workbook"))).fileError).toMatch(/无法读取文件/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").addRow(["学号", "姓名"]);
    const report = await importStudents(office, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report.fileError).toMatch(/^文件缺少表头：性别、民族/);
  });
});

describe("review flow", () => {
  it("待学院审核 → counselor → 待就业处审核 → office → 审核完成, returns with reason", async () => {
    const s = await prisma.student.findUniqueOrThrow({ where: { studentNo: "2023019002" } });
    // a counselor of another 学院 cannot see it; the office cannot skip the 学院
    expect(await approveSources(counselor02, [s.id])).toEqual([{ studentId: s.id, ok: false, message: "未找到该学生" }]);
    expect((await approveSources(office, [s.id]))[0].ok).toBe(false);
    await expect(returnSource(counselor01, s.id, "")).rejects.toMatchObject({ code: "INVALID_INPUT" });

    await returnSource(counselor01, s.id, "家庭地址不完整");
    expect(await prisma.student.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ sourceStatus: "RETURNED", sourceNote: "家庭地址不完整" });
    expect((await approveSources(counselor01, [s.id]))[0].ok).toBe(true);
    await returnSource(office, s.id, "生源地有误");
    expect((await prisma.student.findUniqueOrThrow({ where: { id: s.id } })).sourceStatus).toBe("RETURNED");
    await approveSources(counselor01, [s.id]);
    expect((await approveSources(office, [s.id]))[0].ok).toBe(true);
    expect(await prisma.student.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ sourceStatus: "APPROVED", sourceNote: null });
    const actions = await prisma.auditLog.findMany({ where: { entityId: s.id, action: { in: ["approveSource", "returnSource"] } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["returnSource", "approveSource", "returnSource", "approveSource", "approveSource"]);
  });
});

describe("a re-import that moves a graduate to another 学院", () => {
  it("carries the live agreement to the new 学院, with an audit event: the new counselor reviews it, the old one no longer sees it", async () => {
    const { agreementAt, newStudent, actorFor } = await import("../fixtures/workflow");
    const { getAgreementForActor } = await import("@/lib/workflow/queries");
    const { approveAsCounselor } = await import("@/lib/workflow");
    const { approveForm } = await import("../fixtures/workflow");
    const student = await newStudent(prisma, "01");
    const unit = await actorFor(prisma, "hr@demo-soft.example");
    const r = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", { student, employer: unit, counselor: counselor01 });
    const s = await prisma.student.findUniqueOrThrow({ where: { userId: student.userId! }, include: { college: true } });
    const to = await prisma.college.findUniqueOrThrow({ where: { code: "02" }, include: { majors: true } });
    expect(s.collegeId).not.toBe(to.id);

    const moved = row({
      studentNo: s.studentNo, name: s.name, gender: s.gender === "MALE" ? "男" : "女", idNumber: s.idNumber, ethnicity: s.ethnicityCode,
      political: s.politicalCode, trainingMode: s.trainingMode, education: s.educationCode, schoolingYears: String(s.schoolingYears),
      graduationMonth: s.graduationMonth, college: to.code, major: to.majors[0].code, originProvince: s.originProvince, originCity: s.originCity, homeAddress: s.homeAddress,
    });
    const report = await importStudents(office, await workbook([moved]));
    expect(report).toMatchObject({ updated: 1, written: true, errors: [] });

    const after = await prisma.agreement.findUniqueOrThrow({ where: { id: r.agreementId } });
    expect(after).toMatchObject({ collegeId: to.id, status: "PENDING_COLLEGE_REVIEW", version: r.version + 1 });
    const event = await prisma.agreementEvent.findUniqueOrThrow({ where: { agreementId_version: { agreementId: r.agreementId, version: r.version + 1 } } });
    expect(event).toMatchObject({ action: "moveCollege", actorId: office.userId, actorRole: "OFFICE", fromStatus: "PENDING_COLLEGE_REVIEW", toStatus: "PENDING_COLLEGE_REVIEW" });
    expect(event.changes).toEqual({ collegeId: { from: s.collegeId, to: to.id } });

    // the old 学院's counselor: not found, and a form still open there is refused
    await expect(getAgreementForActor(counselor01, r.agreementId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(approveAsCounselor(counselor01, { agreementId: r.agreementId, version: r.version }, approveForm)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // the new one sees it and approves it
    await expect(getAgreementForActor(counselor02, r.agreementId)).resolves.toMatchObject({ id: r.agreementId });
    expect((await approveAsCounselor(counselor02, { agreementId: r.agreementId, version: r.version + 1 }, approveForm)).to).toBe("APPROVED");
  });
});

describe("the imported contact data (#17.2)", () => {
  it("手机号 and 电子邮箱 of the 生源信息 are what the student's agreement form starts from", async () => {
    const { getOwnSourceInfo } = await import("@/lib/students/profile");
    const id = makeIdNumber("230103", new Date("2005-06-07"), 8, "MALE");
    const report = await importStudents(office, await workbook([row({ studentNo: "2023019017", name: "联系甲", idNumber: id, phone: "13912345678", email: "lianxi@example.com" })]));
    expect(report).toMatchObject({ written: true, created: 1 });
    const student = await actorOf("2023019017");
    expect((await getOwnSourceInfo(student))?.contact).toEqual({ phone: "13912345678", email: "lianxi@example.com" });
  });
});
