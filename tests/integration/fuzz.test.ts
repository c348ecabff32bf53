// Bad input, property-based: every server action of app/**/actions.ts is called — the real
// action function, its zod schema, its one service, on a real PostgreSQL — with inputs
// fast-check derives from a valid one: wrong types, huge strings, control characters,
// HTML/script, SQL fragments, invalid 身份证号 / 手机号 / 统一社会信用代码, wrong shapes.
// Every answer must be a result with a zh-CN message (never an exception, never the
// 服务暂时不可用 an unexpected error turns into, never an English zod default), and a refused
// input must leave the database exactly as it was (no partial write).
//
// Only the edges Next provides at run time are replaced: the session cookie names a real,
// live server-side session of a demo person (created through lib/auth/sessions; the action
// still checks the session and the role itself), revalidatePath is a no-op.
import fc from "fast-check";
import type { Db } from "@/lib/db/client";
import type { WorkflowActor } from "@/lib/workflow/actor";
import { ERROR_CODES } from "@/lib/errors";
import { createSession } from "@/lib/auth/sessions";
import { makeCreditCode } from "@/lib/validation/credit-code";
import { agreementAt, approveForm, demoWorld, newStudent, signForm, signableStudents, studentForm } from "../fixtures/workflow";
import { answerTermination, inviteGraduate, requestTermination } from "@/lib/workflow";
import { getTestPrisma } from "../setup/db";

let sessionActor: WorkflowActor | null = null;
let sessionClaims: { sub: string; sid: string } | null = null;

jest.mock("@/lib/auth/session-cookie", () => ({ sessionCookieClaims: async () => sessionClaims }));
jest.mock("@/lib/auth/auth", () => ({
  // loginAction: a sign-in that reaches next-auth fails like a wrong password
  signIn: async () => {
    const { AuthError } = jest.requireMock("next-auth") as { AuthError: new (m: string) => Error };
    throw new AuthError("CredentialsSignin");
  },
  signOut: async () => undefined,
}));
// next-auth is ESM only; loginAction needs nothing of it but the error class
jest.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/* eslint-disable @typescript-eslint/no-require-imports -- after the mocks above */
const student = require("@/app/student/agreement/actions") as typeof import("@/app/student/agreement/actions");
const employer = require("@/app/employer/actions") as typeof import("@/app/employer/actions");
const employerProfile = require("@/app/employer/profile/actions") as typeof import("@/app/employer/profile/actions");
const review = require("@/app/_reviewer/actions") as typeof import("@/app/_reviewer/actions");
const counselorStudents = require("@/app/counselor/students/actions") as typeof import("@/app/counselor/students/actions");
const officeStudents = require("@/app/office/students/actions") as typeof import("@/app/office/students/actions");
const officeEmployers = require("@/app/office/employers/actions") as typeof import("@/app/office/employers/actions");
const settings = require("@/app/office/settings/actions") as typeof import("@/app/office/settings/actions");
const register = require("@/app/register/actions") as typeof import("@/app/register/actions");
const login = require("@/app/login/actions") as typeof import("@/app/login/actions");
const termination = require("@/app/_termination/actions") as typeof import("@/app/_termination/actions");
const invitations = require("@/app/_termination/invitation-actions") as typeof import("@/app/_termination/invitation-actions");
const terminationSettings = require("@/app/office/settings/termination/actions") as typeof import("@/app/office/settings/termination/actions");
/* eslint-enable @typescript-eslint/no-require-imports */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const ZH = /[\u4e00-\u9fa5]/;

// ---- the bad inputs ----

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "abc\u0000def",
  "\u202Etxt.exe",
  "\t\t",
  "\r\n\r\n",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "' OR '1'='1",
  "'; DROP TABLE \"Agreement\"; --",
  "1; SELECT pg_sleep(1)",
  "$1",
  "%s%n%x",
  "../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "__proto__",
  "constructor",
  "😀".repeat(300),
  "𠮷".repeat(600),
  "汉".repeat(100_001),
  "x".repeat(1_000_000),
  // 身份证号: wrong check digit, impossible date, unknown region, too short, lower-case x
  "230103200301010019",
  "230103200302300011",
  "999999200301010011",
  "23010320030101",
  "23010320030101001x",
  // 手机号
  "12812345678",
  "1381234567",
  "138123456789",
  "１３８１２３４５６７８",
  "+8613812345678",
  // 统一社会信用代码
  "91230103MA1B2C3D4X",
  "911234567890123456",
  "ABCDEFGHIJKLMNOPQR",
  "91230103",
  // ids and numbers as text
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "2147483648",
  "-1",
  "1e308",
  "0x10",
];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 6 }).map((cs) => `正常${String.fromCharCode(...cs)}文本`) },
);

const wrongType = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1.5, Number.MAX_VALUE),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.uuid(),
);

const badValue = fc.oneof({ weight: 3, arbitrary: nastyString }, { weight: 2, arbitrary: wrongType });

/** Server actions receive what the browser JSON-encoded: round-trip so the inputs are realistic. */
function asSent<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/**
 * Inputs near a valid one: one or more fields (at any depth) replaced by a bad value, an
 * argument replaced or dropped, an unknown field added, or a completely wrong argument list.
 */
function aroundValid(valid: unknown[]): fc.Arbitrary<unknown[]> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  valid.forEach((v, i) => walk(v, [i]));
  const setAt = (root: unknown[], p: (string | number)[], value: unknown) => {
    const copy = structuredClone(root);
    let node = copy as unknown as Record<string | number, unknown>;
    for (const key of p.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[p[p.length - 1]] = value;
    return copy;
  };
  if (paths.length === 0) paths.push([0]); // an action without arguments gets one anyway
  const mutations = fc.array(fc.tuple(fc.constantFrom(...paths), badValue), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 6, arbitrary: mutations.map((ms) => ms.reduce((acc, [p, v]) => { try { return setAt(acc, p, v); } catch { return acc; } }, valid)) },
    { weight: 1, arbitrary: fc.array(badValue, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), badValue).map(([k, v]) => valid.map((a) => (a && typeof a === "object" && !Array.isArray(a) ? { ...a, [k]: v } : a))) },
    { weight: 1, arbitrary: fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)) },
  ).map((args) => args.map(asSent));
}

// ---- the database must not change on a refusal ----

let prisma: Db;

async function fingerprint(): Promise<string> {
  const tables = ["Agreement", "AgreementEvent", "Employer", "User", "Student", "College", "Major", "Setting", "AgreementTerms", "PrintRecord"];
  const parts = tables.map((t) => `(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM "${t}" t)`);
  const [row] = await prisma.$queryRawUnsafe<{ fp: string }[]>(`SELECT concat_ws('|', ${parts.join(", ")}) AS fp`);
  return row.fp;
}

// ---- the actions, each with the person who may call it and a valid input ----

type Case = { name: string; as: () => WorkflowActor | null; valid: () => unknown[]; call: (...args: unknown[]) => Promise<unknown> };

let w: Awaited<ReturnType<typeof demoWorld>>;
let refs: Record<string, { agreementId: string; version: number }>;
let ids: { pendingEmployer: string; pendingStudent: string; staffUser: string; college: string };

const CASES: Case[] = [
  { name: "student saveDraftAction", as: () => w.student, valid: () => [studentForm(w.soft.employerId!), refs.draft], call: (a, b) => student.saveDraftAction(a, b) },
  { name: "student submitAction", as: () => w.student, valid: () => [refs.draft], call: (a) => student.submitAction(a) },
  { name: "student confirmAction", as: () => w.student2, valid: () => [refs.toConfirm], call: (a) => student.confirmAction(a) },
  { name: "student searchEmployersAction", as: () => w.student, valid: () => ["软件", 1], call: (a, b) => student.searchEmployersAction(a, b) },
  { name: "employer signAction", as: () => w.soft, valid: () => [refs.toSign, signFormValue], call: (a, b) => employer.signAction(a, b) },
  { name: "employer returnAction", as: () => w.soft, valid: () => [refs.toSign, "单位信息有误"], call: (a, b) => employer.returnAction(a, b as string) },
  { name: "employer takeBackAction", as: () => w.soft, valid: () => [refs.toConfirm], call: (a) => employer.takeBackAction(a) },
  { name: "employer batchSignAction", as: () => w.soft, valid: () => [[refs.toSign]], call: (a) => employer.batchSignAction(a) },
  { name: "employer pendingRefsAction", as: () => w.soft, valid: () => [], call: () => employer.pendingRefsAction() },
  { name: "employer updateProfileAction", as: () => w.soft, valid: () => [profileValue], call: (a) => employerProfile.updateProfileAction(a) },
  { name: "employer addStaffAction", as: () => w.soft, valid: () => [{ username: "hr2@demo-soft.example", name: "钱多多", phone: "13945012369", email: "hr2@demo-soft.example", password: "Abcdefg123", confirmPassword: "Abcdefg123" }], call: (a) => employerProfile.addStaffAction(a) },
  { name: "counselor approveAction", as: () => w.counselor, valid: () => [refs.toReview, approveForm], call: (a, b) => review.approveAction(a, b) },
  { name: "counselor returnByCollegeAction", as: () => w.counselor, valid: () => [refs.toReview, "请补充材料"], call: (a, b) => review.returnByCollegeAction(a, b as string) },
  { name: "counselor fileAction", as: () => w.counselor, valid: () => [refs.toFile], call: (a) => review.fileAction(a) },
  { name: "counselor findForFilingAction", as: () => w.counselor, valid: () => ["2022010101"], call: (a) => review.findForFilingAction(a) },
  { name: "counselor approveSourcesAction", as: () => w.counselor, valid: () => [{ studentIds: [ids.pendingStudent] }], call: (a) => counselorStudents.approveSourcesAction(a) },
  { name: "counselor returnSourceAction", as: () => w.counselor, valid: () => [{ studentId: ids.pendingStudent, reason: "生源地填写有误" }], call: (a) => counselorStudents.returnSourceAction(a) },
  { name: "office approveSourcesAction", as: () => w.office, valid: () => [{ studentIds: [ids.pendingStudent] }], call: (a) => officeStudents.approveSourcesAction(a) },
  { name: "office returnSourceAction", as: () => w.office, valid: () => [{ studentId: ids.pendingStudent, reason: "生源地填写有误" }], call: (a) => officeStudents.returnSourceAction(a) },
  { name: "office approveEmployerAction", as: () => w.office, valid: () => [{ employerId: ids.pendingEmployer }], call: (a) => officeEmployers.approveEmployerAction(a) },
  { name: "office rejectEmployerAction", as: () => w.office, valid: () => [{ employerId: ids.pendingEmployer, reason: "营业执照信息不符" }], call: (a) => officeEmployers.rejectEmployerAction(a) },
  { name: "office saveNoticesAction", as: () => w.office, valid: () => [{ schoolName: "东北示范大学", signingNotice: "签约须知", breachNotice: "违约说明" }], call: (a) => settings.saveNoticesAction(a) },
  { name: "office saveNumbersAction", as: () => w.office, valid: () => [{ autoConfirmDays: 7, copiesPerPrint: 3 }], call: (a) => settings.saveNumbersAction(a) },
  { name: "office publishTermsAction", as: () => w.office, valid: () => [{ content: "第一条 协议条款" }], call: (a) => settings.publishTermsAction(a) },
  { name: "office createStaffAction", as: () => w.office, valid: () => [{ username: "fdy09", name: "新辅导员", role: "COUNSELOR", collegeId: ids.college, phone: "13800001111", email: "fdy09@neut.example" }], call: (a) => settings.createStaffAction(a) },
  { name: "office setAccountActiveAction", as: () => w.office, valid: () => [{ userId: ids.staffUser, active: true }], call: (a) => settings.setAccountActiveAction(a) },
  { name: "office resetAccountPasswordAction", as: () => w.office, valid: () => [{ userId: ids.staffUser }], call: (a) => settings.resetAccountPasswordAction(a) },
  { name: "office saveCollegeAction", as: () => w.office, valid: () => [{ code: "09", name: "新学院" }], call: (a) => settings.saveCollegeAction(a) },
  { name: "office saveMajorAction", as: () => w.office, valid: () => [{ code: "090909", name: "新专业", collegeId: ids.college }], call: (a) => settings.saveMajorAction(a) },
  // 解约 and 签约邀请 (#14)
  { name: "student requestTerminationAction", as: () => t.asker, valid: () => [refs.toTerminate, { reason: "考取研究生", letterId: null }], call: (a, b) => termination.requestTerminationAction(a, b) },
  { name: "employer startTerminationAction", as: () => w.soft, valid: () => [refs.toStartByUnit, { reason: "岗位调整", letterId: "" }], call: (a, b) => termination.startTerminationAction(a, b) },
  { name: "employer agreeTerminationAction", as: () => w.soft, valid: () => [refs.toAnswer], call: (a) => termination.agreeTerminationAction(a) },
  { name: "employer refuseTerminationAction", as: () => w.soft, valid: () => [refs.toAnswer, "不同意"], call: (a, b) => termination.refuseTerminationAction(a, b) },
  { name: "student withdrawTerminationAction", as: () => t.answered, valid: () => [refs.toAnswer], call: (a) => termination.withdrawTerminationAction(a) },
  { name: "counselor approveTerminationAction", as: () => w.counselor, valid: () => [refs.toReviewTermination], call: (a) => termination.approveTerminationAction(a) },
  { name: "counselor forwardTerminationAction", as: () => w.counselor, valid: () => [refs.toReviewTermination], call: (a) => termination.forwardTerminationAction(a) },
  { name: "counselor rejectTerminationAction", as: () => w.counselor, valid: () => [refs.toReviewTermination, "材料不全"], call: (a, b) => termination.rejectTerminationAction(a, b) },
  { name: "employer inviteAction", as: () => w.bank, valid: () => [invitationValue], call: (a) => invitations.inviteAction(a) },
  { name: "employer withdrawInvitationAction", as: () => w.soft, valid: () => [refs.invitation], call: (a) => invitations.withdrawInvitationAction(a) },
  { name: "student acceptInvitationAction", as: () => t.invited, valid: () => [refs.invitation, { studentPhone: "13900001111", studentEmail: "grad@example.com", studentOpinion: "同意" }], call: (a, b) => invitations.acceptInvitationAction(a, b) },
  { name: "student declineInvitationAction", as: () => t.invited, valid: () => [refs.invitation, "已有意向单位"], call: (a, b) => invitations.declineInvitationAction(a, b) },
  { name: "office saveTerminationSettingsAction", as: () => w.office, valid: () => [{ terminationAnswerDays: 7, terminationOfficeReview: false, terminationsPerYear: 1, unitsMayStartTermination: true, invitationsEnabled: true, invitationAnswerDays: 5, studentSigningEnabled: true }], call: (a) => terminationSettings.saveTerminationSettingsAction(a) },
  { name: "office grantTerminationExceptionAction", as: () => w.office, valid: () => [{ studentNo: "2022010101", reason: "单位破产，特批" }], call: (a) => terminationSettings.grantTerminationExceptionAction(a) },
  { name: "public registerEmployerAction", as: () => null, valid: () => [registrationValue], call: (a) => register.registerEmployerAction(a) },
  { name: "public loginAction", as: () => null, valid: () => [{ username: "2022010101", password: "wrong-password" }, "/"], call: (a, b) => login.loginAction(a, b as string) },
];

let signFormValue: unknown;
let invitationValue: unknown;
let t: { asker: WorkflowActor; answered: WorkflowActor; invited: WorkflowActor };
let profileValue: unknown;
let registrationValue: unknown;

let tried = 0;
const failures: string[] = [];

/** What the person would read; null when the answer is acceptable. */
function problemWith(result: unknown): string | null {
  if (!result || typeof result !== "object") return `not a result: ${String(result)}`;
  const r = result as { ok?: boolean; error?: string; fieldErrors?: Record<string, string> };
  if (r.ok === true) return null;
  if (r.ok === undefined && r.error === undefined) return null; // loginAction's {} (signed in)
  if (typeof r.error !== "string" || !ZH.test(r.error)) return `error not zh-CN: ${JSON.stringify(r.error)}`;
  if (r.error === ERROR_CODES.UNAVAILABLE) return "an unexpected server error (服务暂时不可用)";
  for (const [field, message] of Object.entries(r.fieldErrors ?? {})) {
    if (typeof message !== "string" || !ZH.test(message)) return `field ${field}: message not zh-CN: ${JSON.stringify(message)}`;
  }
  return null;
}

const refused = (result: unknown) => {
  const r = result as { ok?: boolean; error?: string };
  return r?.ok === false || (r?.ok === undefined && typeof r?.error === "string");
};

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
  const students = await signableStudents(prisma, "01");
  const parties = (s: (typeof students)[number]) => ({ student: s, employer: w.soft, counselor: w.counselor });
  // w.student has a draft; w.student2 waits to confirm; three more at the later steps
  const draft = await agreementAt(prisma, "DRAFT", parties(w.student));
  const toConfirm = await agreementAt(prisma, "PENDING_STUDENT_CONFIRM", parties(w.student2));
  const others = students.filter((s) => s.userId !== w.student.userId && s.userId !== w.student2.userId);
  const toSign = await agreementAt(prisma, "PENDING_EMPLOYER", parties(others[0]));
  const toReview = await agreementAt(prisma, "PENDING_COLLEGE_REVIEW", parties(others[1]));
  const toFile = await agreementAt(prisma, "APPROVED", parties(others[2]));
  const ref = (r: { agreementId: string; version: number }) => ({ agreementId: r.agreementId, version: r.version });
  // 解约 and 签约邀请: agreements of their own graduates at each step
  const [asker, byUnit, answered, reviewed, invited] = await Promise.all([1, 2, 3, 4, 5].map(() => newStudent(prisma)));
  const approvedOf = (s: WorkflowActor) => agreementAt(prisma, "APPROVED", parties(s));
  const toTerminate = await approvedOf(asker);
  const toStartByUnit = await approvedOf(byUnit);
  const toAnswer = await requestTermination(answered, ref(await approvedOf(answered)), { reason: "考研", letterId: null });
  const asked = await requestTermination(reviewed, ref(await approvedOf(reviewed)), { reason: "考研", letterId: null });
  const toReviewTermination = await answerTermination(w.soft, ref(asked), { agree: true });
  const invitedNo = (await prisma.student.findUniqueOrThrow({ where: { userId: invited.userId! } })).studentNo;
  const invitedName = (await prisma.student.findUniqueOrThrow({ where: { userId: invited.userId! } })).name;
  const unitForm = await signForm(prisma, w.soft.employerId!);
  const terms = { position: "开发工程师", workplace: "哈尔滨", salary: "面议", probation: null, serviceTerm: null };
  const invitation = await inviteGraduate(w.soft, { studentNo: invitedNo, studentName: invitedName, ...unitForm, ...terms });
  invitationValue = asSent({ studentNo: invitedNo, studentName: invitedName, ...(await signForm(prisma, w.bank.employerId!)), ...terms });
  t = { asker, answered, invited };
  refs = {
    draft: ref(draft), toConfirm: ref(toConfirm), toSign: ref(toSign), toReview: ref(toReview), toFile: ref(toFile),
    toTerminate: ref(toTerminate), toStartByUnit: ref(toStartByUnit), toAnswer: ref(toAnswer), toReviewTermination: ref(toReviewTermination), invitation: ref(invitation),
  };
  signFormValue = asSent(await signForm(prisma, w.soft.employerId!));
  const soft = await prisma.employer.findUniqueOrThrow({ where: { id: w.soft.employerId! } });
  profileValue = asSent({
    name: soft.name, department: soft.department, contactName: soft.contactName, contactPhone: soft.contactPhone, email: soft.email,
    address: soft.address, postalCode: soft.postalCode, natureCode: soft.natureCode, provinceCode: soft.provinceCode, reportTitle: soft.reportTitle,
    partyOrgReceiver: soft.partyOrgReceiver, archiveAddress: soft.archiveAddress, settleCity: soft.settleCity, defaultOpinion: soft.defaultOpinion,
  });
  registrationValue = { ...(profileValue as object), name: "新注册单位有限公司", orgCode: makeCreditCode("fuzz-new-unit", "230103"), username: "hr@new-unit.example", staffName: "李经理", staffPhone: "13800002222", password: "Abcdefg123", confirmPassword: "Abcdefg123" };
  const pendingEmployer = await prisma.employer.findFirstOrThrow({ where: { status: "PENDING" } });
  const pendingStudent = await prisma.student.findFirstOrThrow({ where: { sourceStatus: "PENDING_COLLEGE", college: { code: "01" } } });
  const staffUser = await prisma.user.findUniqueOrThrow({ where: { username: "fdy03" } });
  const college = await prisma.college.findUniqueOrThrow({ where: { code: "01" } });
  ids = { pendingEmployer: pendingEmployer.id, pendingStudent: pendingStudent.id, staffUser: staffUser.id, college: college.id };
}, 120_000);

afterAll(() => {
  if (failures.length) console.error(`[fuzz] failures:\n${failures.slice(0, 40).join("\n")}`);
  console.log(`PROOF fuzz inputs=${tried} failures=${failures.length}`);
});

describe("every server action, fuzzed", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    sessionActor = c.as();
    sessionClaims = sessionActor?.userId
      ? { sub: sessionActor.userId, sid: (await createSession({ userId: sessionActor.userId, method: "PASSWORD", context: { ip: "10.6.0.1", userAgent: "fuzz" } })).id }
      : null;
    // the valid input itself must be answered (it may succeed or be refused by a rule)
    const first = await c.call(...(asSent(c.valid()) as unknown[]));
    expect(problemWith(first)).toBeNull();
    let before = await fingerprint();
    const mine: string[] = [];
    await fc.assert(
      fc.asyncProperty(aroundValid(c.valid()), async (args) => {
        tried++;
        let result: unknown;
        try {
          result = await c.call(...args);
        } catch (error) {
          const why = `${c.name}: threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)} for ${JSON.stringify(args).slice(0, 200)}`;
          mine.push(why);
          failures.push(why);
          return true; // keep going: count every failing input, report them together
        }
        const problem = problemWith(result);
        const after = await fingerprint();
        const partial = refused(result) && after !== before ? "the database changed although the input was refused" : null;
        if (problem || partial) {
          const why = `${c.name}: ${problem ?? partial} for ${JSON.stringify(args).slice(0, 200)}`;
          mine.push(why);
          failures.push(why);
        }
        before = after; // an accepted valid input may write; the next refusal is compared to that
        return true;
      }),
      { numRuns: RUNS },
    );
    expect(mine).toEqual([]);
  });
});
