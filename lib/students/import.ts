// 生源信息导入: every row of the uploaded template is checked against the reference lists
// and the university's 学院/专业; the report names each bad row and why. By default a file
// with any error writes NOTHING; "只导入正确的行" (mode goodRowsOnly) writes the good rows.
// Rows are keyed by 学号: a re-import updates, never duplicates, and an unchanged row is
// left untouched (so importing the same file twice changes nothing the second time).
import { prisma } from "@/lib/db/client";
import { recordAudits } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { carryAgreementsToNewCollege } from "@/lib/workflow/actions/move-college";
import type { Actor } from "@/lib/auth/roles";
import type { Gender } from "@/lib/generated/prisma/enums";
import { EDUCATION_LEVELS } from "@/lib/reference/education";
import { ETHNICITIES } from "@/lib/reference/ethnicities";
import { POLITICAL_STATUSES } from "@/lib/reference/political-status";
import { cities, isCityOf, provinces } from "@/lib/reference/regions";
import { TRAINING_MODES } from "@/lib/reference/training-mode";
import { EMAIL_PATTERN_LOOSE, textOk } from "./text";
import { MOBILE_PATTERN } from "@/lib/validation/common";
import { genderOf, idNumberProblem, normalizeIdNumber } from "@/lib/validation/id-card";
import { issueInitialPassword } from "@/lib/auth/passwords";
import { ImportFileError } from "@/lib/imports/spreadsheet";
import { readImportWorkbook, type RawStudentRow } from "./template";

// A new graduate's account gets a random initial password (lib/auth/passwords.ts: 12 random
// characters, stored as a digest — no bcrypt round for 20,000 accounts), returned once in the
// report (its download) and changed at first sign-in. Nothing derived from the person's
// data is ever a password.

export type ImportMode = "strict" | "goodRowsOnly";

export type StudentRecord = {
  studentNo: string;
  name: string;
  gender: Gender;
  ethnicityCode: string;
  politicalCode: string;
  trainingMode: string;
  educationCode: string;
  schoolingYears: number;
  graduationMonth: string;
  graduationYear: number;
  collegeId: string;
  majorId: string;
  idNumber: string;
  originProvince: string;
  originCity: string;
  homeAddress: string;
  phone: string | null;
  email: string | null;
};

export type RowError = { rowNumber: number; studentNo: string; name: string; reasons: string[] };

export type ImportReport = {
  total: number;
  valid: number;
  errors: RowError[];
  /** true when something was written to the database */
  written: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** a file-level problem (unreadable file, missing headers) */
  fileError?: string;
  /** the new accounts' initial passwords: handed out once (the job keeps them sealed until the report is downloaded) */
  credentials: InitialCredential[];
};

export type InitialCredential = { studentNo: string; name: string; initialPassword: string; expiresAt: string };

// Labels people type: the table label, the standard's full name, and (学历) without 毕业.
function lookup(items: readonly { code: string; label: string; fullName?: string }[], extra?: (label: string) => string[]) {
  const map = new Map<string, string>();
  for (const item of items) {
    map.set(item.label, item.code);
    map.set(item.code, item.code);
    if (item.fullName) map.set(item.fullName, item.code);
    for (const alias of extra?.(item.label) ?? []) map.set(alias, item.code);
  }
  return (text: string) => map.get(text.replace(/\s+/g, ""));
}
const ethnicityCodeOf = lookup(ETHNICITIES);
const politicalCodeOf = lookup(POLITICAL_STATUSES);
const trainingModeOf = lookup(TRAINING_MODES);
const educationCodeOf = lookup(EDUCATION_LEVELS, (label) => [label.replace(/毕业$/, ""), label.replace(/生毕业$/, "")]);
const provinceCodeOf = lookup(provinces.map((p) => ({ code: p.code, label: p.name })));
function cityCodeOf(provinceCode: string, text: string): string | undefined {
  const t = text.replace(/\s+/g, "");
  if (/^\d{4}$/.test(t)) return isCityOf(provinceCode, t) ? t : undefined;
  if (/^\d{6}$/.test(t)) return isCityOf(provinceCode, t.slice(0, 4)) ? t.slice(0, 4) : undefined;
  const inProvince = cities.filter((c) => c.provinceCode === provinceCode);
  return (inProvince.find((c) => c.name === t) ?? inProvince.find((c) => `${provinces.find((p) => p.code === provinceCode)?.name}${c.name}` === t))?.code;
}

type College = { id: string; code: string; name: string; majors: { id: string; code: string; name: string }[] };

export type ImportContext = {
  colleges: College[];
  /** the counselor's 学院: rows of other 学院 are refused */
  onlyCollegeId: string | null;
  /** existing graduates by 学号 and by 身份证号 (for clashes) */
  existingByNo: Map<string, { id: string; collegeId: string; idNumber: string }>;
  studentNoByIdNumber: Map<string, { studentNo: string; collegeId: string }>;
  /** usernames taken by accounts that are not graduates (staff named like a 学号) */
  nonStudentUsernames: Set<string>;
  now?: Date;
};

/** Checks one row; returns the record to write or the reasons it cannot be imported. */
export function validateRow(raw: RawStudentRow, ctx: ImportContext): { record?: StudentRecord; reasons: string[] } {
  const reasons: string[] = [];
  const need = (value: string, label: string) => {
    if (!value) reasons.push(`${label}不能为空`);
    return value;
  };
  const studentNo = need(raw.studentNo.replace(/\s+/g, ""), "学号");
  if (studentNo && !/^[0-9A-Za-z]{4,20}$/.test(studentNo)) reasons.push("学号应为4–20位字母或数字");
  if (studentNo && ctx.nonStudentUsernames.has(studentNo)) reasons.push("学号与已有的教师或单位账号重名");
  const name = need(raw.name, "姓名");
  if (name && !textOk(name, 50)) reasons.push("姓名不能超过50个字或含有控制字符");

  const idNumber = normalizeIdNumber(raw.idNumber);
  const idProblem = raw.idNumber ? (/e\+/i.test(raw.idNumber) ? "身份证号被 Excel 转成了数字，请将该列设为文本后重新填写" : idNumberProblem(idNumber, ctx.now)) : "身份证号不能为空";
  if (idProblem) reasons.push(idProblem);

  let gender: Gender | undefined;
  if (!raw.gender) reasons.push("性别不能为空");
  else if (raw.gender === "男" || raw.gender === "女") gender = raw.gender === "男" ? "MALE" : "FEMALE";
  else reasons.push(`性别“${raw.gender}”应为 男 或 女`);
  if (gender && !idProblem && genderOf(idNumber) !== gender) reasons.push("性别与身份证号不一致");

  const ethnicityCode = raw.ethnicity ? ethnicityCodeOf(raw.ethnicity) : undefined;
  if (!raw.ethnicity) reasons.push("民族不能为空");
  else if (!ethnicityCode) reasons.push(`民族“${raw.ethnicity}”不在民族代码表中`);
  const politicalCode = raw.political ? politicalCodeOf(raw.political) : undefined;
  if (!raw.political) reasons.push("政治面貌不能为空");
  else if (!politicalCode) reasons.push(`政治面貌“${raw.political}”不在政治面貌代码表中`);
  const trainingMode = raw.trainingMode ? trainingModeOf(raw.trainingMode) : undefined;
  if (!raw.trainingMode) reasons.push("培养方式不能为空");
  else if (!trainingMode) reasons.push(`培养方式“${raw.trainingMode}”应为 非定向、定向、委培 或 自筹`);
  const educationCode = raw.education ? educationCodeOf(raw.education) : undefined;
  if (!raw.education) reasons.push("学历不能为空");
  else if (!educationCode) reasons.push(`学历“${raw.education}”应为 ${EDUCATION_LEVELS.map((e) => e.label).join("、")}`);

  const schoolingYears = Number(raw.schoolingYears);
  if (!raw.schoolingYears) reasons.push("学制不能为空");
  else if (!Number.isInteger(schoolingYears) || schoolingYears < 1 || schoolingYears > 8) reasons.push("学制应为1–8的整数");

  const month = raw.graduationMonth.replace(/[\s./-]/g, "");
  let graduationYear = 0;
  if (!raw.graduationMonth) reasons.push("毕业时间不能为空");
  else if (!/^\d{6}$/.test(month) || Number(month.slice(4)) < 1 || Number(month.slice(4)) > 12 || Number(month.slice(0, 4)) < 2000 || Number(month.slice(0, 4)) > 2100) {
    reasons.push(`毕业时间“${raw.graduationMonth}”应为六位年月，如 202806`);
  } else graduationYear = Number(month.slice(0, 4));

  let collegeId: string | undefined;
  let majorId: string | undefined;
  if (!raw.college) reasons.push("学院不能为空");
  else {
    const college = ctx.colleges.find((c) => c.name === raw.college || c.code === raw.college);
    if (!college) reasons.push(`学院“${raw.college}”不存在`);
    else if (ctx.onlyCollegeId && college.id !== ctx.onlyCollegeId) reasons.push(`只能导入本学院的学生（该行学院为“${college.name}”）`);
    else {
      collegeId = college.id;
      if (!raw.major) reasons.push("专业不能为空");
      else {
        const major = college.majors.find((m) => m.name === raw.major || m.code === raw.major);
        if (!major) reasons.push(`专业“${raw.major}”不属于学院“${college.name}”`);
        else majorId = major.id;
      }
    }
  }

  let originProvince: string | undefined;
  let originCity: string | undefined;
  if (!raw.originProvince) reasons.push("生源地省不能为空");
  else {
    originProvince = provinceCodeOf(raw.originProvince) ?? (/^\d{6}$/.test(raw.originProvince) ? provinceCodeOf(raw.originProvince.slice(0, 2)) : undefined);
    if (!originProvince) reasons.push(`生源地省“${raw.originProvince}”不存在`);
  }
  if (!raw.originCity) reasons.push("生源地市/县不能为空");
  else if (originProvince) {
    originCity = cityCodeOf(originProvince, raw.originCity);
    if (!originCity) reasons.push(`生源地市/县“${raw.originCity}”不属于${provinces.find((p) => p.code === originProvince)?.name}`);
  }
  const homeAddress = need(raw.homeAddress, "家庭地址");
  if (homeAddress && !textOk(homeAddress, 200)) reasons.push("家庭地址不能超过200个字或含有控制字符");

  const phone = raw.phone.replace(/\s+/g, "") || null;
  if (phone && !MOBILE_PATTERN.test(phone)) reasons.push(`手机号“${raw.phone}”不正确`);
  const email = raw.email.trim() || null;
  if (email && !EMAIL_PATTERN_LOOSE.test(email)) reasons.push(`电子邮箱“${raw.email}”不正确`);

  if (studentNo && !idProblem) {
    const holder = ctx.studentNoByIdNumber.get(idNumber);
    if (holder && holder.studentNo !== studentNo) {
      // a counselor's report names nothing of another 学院
      const foreign = ctx.onlyCollegeId && holder.collegeId !== ctx.onlyCollegeId;
      reasons.push(foreign ? "身份证号已被其他学院的学生使用" : `身份证号已被学号 ${holder.studentNo} 的学生使用`);
    }
  }
  const existing = studentNo ? ctx.existingByNo.get(studentNo) : undefined;
  if (existing && ctx.onlyCollegeId && existing.collegeId !== ctx.onlyCollegeId) reasons.push("该学号的学生属于其他学院，不能修改");

  if (reasons.length) return { reasons };
  return {
    reasons,
    record: {
      studentNo,
      name,
      gender: gender!,
      ethnicityCode: ethnicityCode!,
      politicalCode: politicalCode!,
      trainingMode: trainingMode!,
      educationCode: educationCode!,
      schoolingYears,
      graduationMonth: month,
      graduationYear,
      collegeId: collegeId!,
      majorId: majorId!,
      idNumber,
      originProvince: originProvince!,
      originCity: originCity!,
      homeAddress,
      phone,
      email,
    },
  };
}

async function loadContext(actor: Actor, rows: RawStudentRow[]): Promise<ImportContext> {
  const studentNos = [...new Set(rows.map((r) => r.studentNo.replace(/\s+/g, "")).filter(Boolean))];
  const idNumbers = [...new Set(rows.map((r) => normalizeIdNumber(r.idNumber)).filter(Boolean))];
  const [colleges, existing, byId, users] = await Promise.all([
    prisma.college.findMany({ include: { majors: { select: { id: true, code: true, name: true } } } }),
    prisma.$queryRaw<{ id: string; studentNo: string; collegeId: string; idNumber: string }[]>`
      SELECT id, "studentNo", "collegeId", "idNumber" FROM "Student" WHERE "studentNo" = ANY(${studentNos}::text[])`,
    prisma.$queryRaw<{ studentNo: string; idNumber: string; collegeId: string }[]>`
      SELECT "studentNo", "idNumber", "collegeId" FROM "Student" WHERE "idNumber" = ANY(${idNumbers}::text[])`,
    prisma.$queryRaw<{ username: string }[]>`
      SELECT username FROM "User" WHERE username = ANY(${studentNos}::text[]) AND role <> 'STUDENT'`,
  ]);
  return {
    colleges,
    onlyCollegeId: actor.role === "COUNSELOR" ? actor.collegeId : null,
    existingByNo: new Map(existing.map((s) => [s.studentNo, s])),
    studentNoByIdNumber: new Map(byId.map((s) => [s.idNumber, { studentNo: s.studentNo, collegeId: s.collegeId }])),
    nonStudentUsernames: new Set(users.map((u) => u.username)),
  };
}

/** Validates every row, including clashes between rows of the same file. */
export async function checkRows(actor: Actor, rows: { rowNumber: number; raw: RawStudentRow }[]) {
  const ctx = await loadContext(actor, rows.map((r) => r.raw));
  const good: StudentRecord[] = [];
  const errors: RowError[] = [];
  // every row of a repeated 学号 / 身份证号 is flagged, each naming the others
  const rowsOf = (key: (raw: RawStudentRow) => string) => {
    const map = new Map<string, number[]>();
    for (const { rowNumber, raw } of rows) {
      const k = key(raw);
      if (k) map.set(k, [...(map.get(k) ?? []), rowNumber]);
    }
    return map;
  };
  const noKey = (raw: RawStudentRow) => raw.studentNo.replace(/\s+/g, "");
  const idKey = (raw: RawStudentRow) => normalizeIdNumber(raw.idNumber);
  const byNo = rowsOf(noKey);
  const byId = rowsOf(idKey);
  const others = (list: number[] | undefined, self: number) => (list && list.length > 1 ? list.filter((n) => n !== self) : []);
  for (const { rowNumber, raw } of rows) {
    const { record, reasons } = validateRow(raw, ctx);
    const no = noKey(raw);
    const sameNo = others(byNo.get(no), rowNumber);
    const sameId = others(byId.get(idKey(raw)), rowNumber);
    if (sameNo.length) reasons.push(`学号与第${sameNo.join("、")}行重复`);
    if (sameId.length) reasons.push(`身份证号与第${sameId.join("、")}行重复`);
    if (reasons.length) errors.push({ rowNumber, studentNo: no, name: raw.name, reasons });
    else good.push(record!);
  }
  return { good, errors };
}

const COMPARED = [
  "name", "gender", "ethnicityCode", "politicalCode", "trainingMode", "educationCode", "schoolingYears",
  "graduationMonth", "graduationYear", "collegeId", "majorId", "idNumber", "originProvince", "originCity", "homeAddress",
] as const satisfies readonly (keyof StudentRecord)[];

export type ImportPhase = "read" | "check" | "hash" | "write";
export type ImportProgress = { phase: ImportPhase; done: number; total: number };

/** Rows per statement: set-based, and each statement's parameters stay small. */
const WRITE_CHUNK = 2_000;

function* chunked<T>(list: T[], size = WRITE_CHUNK): Generator<T[]> {
  for (let at = 0; at < list.length; at += size) yield list.slice(at, at + size);
}

/**
 * Writes validated records set-based, in one transaction (all or nothing): new 学号 → users +
 * students (待学院审核) in ONE statement over arrays per 2,000 rows, then their audit rows;
 * changed → one UPDATE of the students and their accounts per 2,000 rows; unchanged rows
 * are not touched.
 */
async function writeRecords(actor: Actor, records: StudentRecord[], onProgress?: (p: ImportProgress) => void) {
  const existing = await prisma.$queryRaw<(Record<string, unknown> & { id: string; userId: string; studentNo: string })[]>`
    SELECT * FROM "Student" WHERE "studentNo" = ANY(${records.map((r) => r.studentNo)}::text[])`;
  const byNo = new Map(existing.map((s) => [s.studentNo, s]));
  const fresh = records.filter((r) => !byNo.has(r.studentNo));
  const changed: { record: StudentRecord; changes: Record<string, { from: unknown; to: unknown }>; id: string; userId: string }[] = [];
  for (const record of records) {
    const before = byNo.get(record.studentNo);
    if (!before) continue;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of COMPARED) {
      if ((before as Record<string, unknown>)[key] !== record[key]) changes[key] = { from: (before as Record<string, unknown>)[key], to: record[key] };
    }
    if (Object.keys(changes).length) changed.push({ record, changes, id: before.id, userId: before.userId });
  }
  onProgress?.({ phase: "hash", done: 0, total: fresh.length });
  const now = new Date();
  const issued = new Map(fresh.map((r) => [r.studentNo, issueInitialPassword(now)]));
  const expiresAt = issued.values().next().value?.columns.initialPasswordExpiresAt ?? now;
  onProgress?.({ phase: "hash", done: fresh.length, total: fresh.length });
  onProgress?.({ phase: "write", done: 0, total: fresh.length + changed.length });

  const col = <K extends keyof StudentRecord>(list: StudentRecord[], key: K) => list.map((r) => r[key]);
  const total = fresh.length + changed.length;
  let written = 0;
  await prisma.$transaction(
    async (tx) => {
      for (const batch of chunked(fresh)) {
        const created = await tx.$queryRaw<{ id: string }[]>`
          WITH v AS (
            SELECT * FROM unnest(
              ${col(batch, "studentNo")}::text[], ${batch.map((r) => issued.get(r.studentNo)!.columns.initialPasswordHash)}::text[], ${col(batch, "name")}::text[], ${col(batch, "email")}::text[],
              ${col(batch, "phone")}::text[], ${col(batch, "collegeId")}::uuid[], ${col(batch, "gender")}::text[], ${col(batch, "ethnicityCode")}::text[],
              ${col(batch, "politicalCode")}::text[], ${col(batch, "trainingMode")}::text[], ${col(batch, "educationCode")}::text[],
              ${col(batch, "schoolingYears")}::int[], ${col(batch, "graduationMonth")}::text[], ${col(batch, "graduationYear")}::int[],
              ${col(batch, "majorId")}::uuid[], ${col(batch, "idNumber")}::text[], ${col(batch, "originProvince")}::text[],
              ${col(batch, "originCity")}::text[], ${col(batch, "homeAddress")}::text[]
            ) AS v(no, digest, name, email, phone, college, gender, ethnicity, political, training, education, years, month, year, major, id_number, province, city, address)
          ), u AS (
            INSERT INTO "User" (username, "passwordHash", "initialPasswordHash", "initialPasswordExpiresAt", "mustChangePassword", role, name, email, phone, "collegeId", "updatedAt")
            SELECT no, NULL, digest, ${expiresAt}::timestamp, true, 'STUDENT', name, email, phone, college, now() FROM v
            RETURNING id, username
          ), s AS (
            INSERT INTO "Student" ("userId", "studentNo", name, gender, "ethnicityCode", "politicalCode", "trainingMode", "educationCode",
              "schoolingYears", "graduationMonth", "graduationYear", "collegeId", "majorId", "idNumber", "originProvince", "originCity",
              "homeAddress", "sourceStatus", "updatedAt")
            SELECT u.id, v.no, v.name, v.gender::"Gender", v.ethnicity, v.political, v.training, v.education, v.years, v.month, v.year,
              v.college, v.major, v.id_number, v.province, v.city, v.address, 'PENDING_COLLEGE', now()
            FROM v JOIN u ON u.username = v.no
            RETURNING id
          )
          SELECT id FROM s`;
        await recordAudits(tx, created.map((s) => ({ actor, entity: "Student" as const, entityId: s.id, action: "import" as const, changes: { created: true } })));
        written += batch.length;
        onProgress?.({ phase: "write", done: written, total });
      }
      // a graduate now of another 学院 takes their live agreement along (with an audit event each)
      const moves = changed.filter((c) => "collegeId" in c.changes).map((c) => ({ studentId: c.id, collegeId: c.record.collegeId }));
      if (moves.length) await carryAgreementsToNewCollege(tx, actor, moves);
      for (const part of chunked(changed)) {
        const list = part.map((c) => c.record);
        // Corrected 生源信息 must be reviewed again before it counts as 审核完成.
        await tx.$queryRaw`
          WITH v AS (
            SELECT * FROM unnest(
              ${part.map((c) => c.id)}::uuid[], ${part.map((c) => c.userId)}::uuid[], ${col(list, "name")}::text[], ${col(list, "email")}::text[],
              ${col(list, "phone")}::text[], ${col(list, "collegeId")}::uuid[], ${col(list, "gender")}::text[], ${col(list, "ethnicityCode")}::text[],
              ${col(list, "politicalCode")}::text[], ${col(list, "trainingMode")}::text[], ${col(list, "educationCode")}::text[],
              ${col(list, "schoolingYears")}::int[], ${col(list, "graduationMonth")}::text[], ${col(list, "graduationYear")}::int[],
              ${col(list, "majorId")}::uuid[], ${col(list, "idNumber")}::text[], ${col(list, "originProvince")}::text[],
              ${col(list, "originCity")}::text[], ${col(list, "homeAddress")}::text[]
            ) AS v(sid, uid, name, email, phone, college, gender, ethnicity, political, training, education, years, month, year, major, id_number, province, city, address)
          ), s AS (
            UPDATE "Student" t SET name = v.name, gender = v.gender::"Gender", "ethnicityCode" = v.ethnicity, "politicalCode" = v.political,
              "trainingMode" = v.training, "educationCode" = v.education, "schoolingYears" = v.years, "graduationMonth" = v.month,
              "graduationYear" = v.year, "collegeId" = v.college, "majorId" = v.major, "idNumber" = v.id_number, "originProvince" = v.province,
              "originCity" = v.city, "homeAddress" = v.address, "sourceStatus" = 'PENDING_COLLEGE', "sourceNote" = NULL, "updatedAt" = now()
            FROM v WHERE t.id = v.sid
            RETURNING t.id
          ), u AS (
            UPDATE "User" t SET name = v.name, "collegeId" = v.college, phone = coalesce(v.phone, t.phone), email = coalesce(v.email, t.email), "updatedAt" = now()
            FROM v WHERE t.id = v.uid
            RETURNING t.id
          )
          SELECT (SELECT count(*) FROM s)::int AS students, (SELECT count(*) FROM u)::int AS users`;
        written += part.length;
        onProgress?.({ phase: "write", done: written, total });
        await recordAudits(tx, part.map((c) => ({ actor, entity: "Student" as const, entityId: c.id, action: "importUpdate" as const, changes: c.changes as object })));
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  const credentials: InitialCredential[] = fresh.map((r) => ({
    studentNo: r.studentNo,
    name: r.name,
    initialPassword: issued.get(r.studentNo)!.password,
    expiresAt: expiresAt.toISOString(),
  }));
  return { created: fresh.length, updated: changed.length, unchanged: records.length - fresh.length - changed.length, credentials };
}

/**
 * Imports an uploaded file (.xlsx, .ods, .xls or .csv of the template). strict (default): a
 * file with any bad row writes nothing and returns the report; goodRowsOnly: writes the good
 * rows and reports the bad ones. `onProgress` hears each phase (the background job shows it).
 */
export async function importStudents(
  actor: Actor,
  data: ArrayBuffer | Buffer,
  mode: ImportMode = "strict",
  options: { fileName?: string; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  if (actor.role !== "OFFICE" && !(actor.role === "COUNSELOR" && actor.collegeId)) throw new AppError("FORBIDDEN");
  const empty: ImportReport = { total: 0, valid: 0, errors: [], written: false, created: 0, updated: 0, unchanged: 0, credentials: [] };
  const { onProgress } = options;
  let sheet: Awaited<ReturnType<typeof readImportWorkbook>> | undefined;
  try {
    onProgress?.({ phase: "read", done: 0, total: 0 });
    sheet = await readImportWorkbook(data, options.fileName, (n) => onProgress?.({ phase: "read", done: n, total: 0 }));
  } catch (error) {
    if (error instanceof ImportFileError) return { ...empty, fileError: error.message };
    throw error;
  }
  if (sheet.missingHeaders.length) return { ...empty, fileError: `文件缺少表头：${sheet.missingHeaders.join("、")}，请使用下载的模板` };
  if (sheet.rows.length === 0) return { ...empty, fileError: "文件中没有数据行" };

  const total = sheet.rows.length;
  onProgress?.({ phase: "check", done: 0, total });
  const { good, errors } = await checkRows(actor, sheet.rows);
  sheet = undefined; // the raw rows are not needed any more: 20,000 of them are worth freeing
  onProgress?.({ phase: "check", done: total, total });
  const report: ImportReport = { ...empty, total, valid: good.length, errors };
  if ((errors.length && mode === "strict") || good.length === 0) return report;
  try {
    const written = await writeRecords(actor, good, onProgress);
    return { ...report, ...written, written: written.created + written.updated > 0 };
  } catch (error) {
    // A concurrent import of the same 学号 / 身份证号: nothing of this batch was written.
    if ((error as { code?: string }).code === "P2002" || /duplicate key|unique constraint/i.test(String((error as Error).message))) {
      throw new AppError("CONFLICT", "导入时有其他人同时导入了相同的学号或身份证号，本次未写入，请重试");
    }
    throw error;
  }
}
