// What the proof suites (authz matrix, security, races, faults) share: an isolated little
// university of their own inside the e2e database (two 学院 with a counselor each, two
// approved units with a staff account each, fresh graduates), so that they neither see
// nor disturb the demo people the journey tests use; and calling Next server actions over
// HTTP exactly as the browser does (POST with a `Next-Action` header, the arguments as a
// JSON array, the answer as a React Server Components payload).
import { randomInt } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROLE_PREFIX } from "@/lib/auth/roles";
import { createPrisma, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkflowActor } from "@/lib/workflow/actor";
import { makeCreditCode } from "@/lib/validation/credit-code";
import { makeIdNumber, maskIdNumber } from "@/lib/validation/id-card";
import { HttpSession, baseUrl } from "./helpers";
import { reviewedGraduate } from "../fixtures/graduate";

const root = path.resolve(__dirname, "..", "..");

/** The e2e database, also made the one lib's services use in this test process. */
export function openPrisma(url = process.env.DATABASE_URL!): Db {
  const db = createPrisma(url, 8);
  (globalThis as unknown as { wqPrisma?: Db }).wqPrisma = db;
  return db;
}

export type Account = WorkflowActor & { username: string; userId: string };
export type WorldStudent = Account & { studentId: string; studentNo: string; idNumber: string; collegeIndex: number };
export type WorldUnit = { id: string; name: string; orgCode: string; staff: Account };
export type WorldCollege = { id: string; code: string; name: string; counselor: Account };
export type ProofWorld = { tag: string; colleges: WorldCollege[]; units: WorldUnit[]; students: WorldStudent[]; office: Account };

// Rare characters: a name made of them will not appear on a page by accident, so finding
// one in a response is a leak and not a coincidence.
const SURNAMES = ["欧阳", "司马", "上官", "诸葛", "慕容", "东方"];
const GIVEN = "岚瑾珩琰翊璟昀珂瑶瑭琛璐";

function rareName(): string {
  return SURNAMES[randomInt(SURNAMES.length)] + GIVEN[randomInt(GIVEN.length)] + GIVEN[randomInt(GIVEN.length)] + GIVEN[randomInt(GIVEN.length)];
}

function account(u: { id: string; username: string; role: Account["role"]; name: string; collegeId: string | null; employerId: string | null }): Account {
  return { userId: u.id, username: u.username, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId };
}

/**
 * Creates the world. Every account's password is the demo password (the hash is copied
 * from the demo office account, so no bcrypt work here).
 */
export async function createProofWorld(prisma: Db, opts: { studentsPerCollege?: number; colleges?: number } = {}): Promise<ProofWorld> {
  const perCollege = opts.studentsPerCollege ?? 1;
  const collegeCount = opts.colleges ?? 2;
  const tag = `${Date.now().toString(36)}${randomInt(1296).toString(36)}`.toUpperCase();
  const office = await prisma.user.findUniqueOrThrow({ where: { username: "jyc01" } });
  const passwordHash = office.passwordHash;

  const colleges: WorldCollege[] = [];
  const students: WorldStudent[] = [];
  for (let c = 0; c < collegeCount; c++) {
    const college = await prisma.college.create({ data: { code: `P${tag}${c}`, name: `证明${tag}第${c + 1}学院` } });
    const major = await prisma.major.create({ data: { code: `P${tag}${c}M`, name: `证明专业${c + 1}`, collegeId: college.id } });
    const counselor = await prisma.user.create({
      data: { username: `pc${tag}${c}`.toLowerCase(), passwordHash, role: "COUNSELOR", name: rareName(), collegeId: college.id },
    });
    colleges.push({ id: college.id, code: college.code, name: college.name, counselor: account(counselor) });
    for (let s = 0; s < perCollege; s++) {
      const studentNo = `9${tag}${c}${String(s).padStart(3, "0")}`;
      const name = rareName();
      const gender = s % 2 ? "FEMALE" : "MALE";
      const user = await prisma.user.create({ data: { username: studentNo, passwordHash, role: "STUDENT", name } });
      for (let attempt = 0; ; attempt++) {
        const idNumber = makeIdNumber("230103", new Date(Date.UTC(2003, randomInt(12), 1 + randomInt(28))), randomInt(499), gender);
        // The masked form (first 3, last 2) is what a page shows; two of the world's students
        // sharing it would read as one seeing the other's number in the authz matrix.
        if (students.some((other) => maskIdNumber(other.idNumber) === maskIdNumber(idNumber))) continue;
        try {
          const student = await prisma.student.create({
            data: reviewedGraduate({
              userId: user.id,
              studentNo,
              name,
              gender,
              collegeId: college.id,
              majorId: major.id,
              idNumber,
              homeAddress: "黑龙江省哈尔滨市南岗区学府路1号",
            }),
          });
          students.push({ ...account(user), studentId: student.id, studentNo, idNumber, collegeIndex: c });
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== "P2002" || attempt > 5) throw error; // an ID number already taken
        }
      }
    }
  }

  const units: WorldUnit[] = [];
  for (let u = 0; u < 2; u++) {
    const name = `${rareName()}证明科技有限公司${tag}${u}`;
    const employer = await prisma.employer.create({
      data: {
        name,
        orgCode: makeCreditCode(`proof-${tag}-${u}`, "230103"),
        contactName: rareName(),
        contactPhone: "0451-86412345",
        email: `unit${u}.${tag.toLowerCase()}@proof.example`,
        address: "黑龙江省哈尔滨市南岗区长江路1号",
        postalCode: "150001",
        natureCode: "39",
        provinceCode: "23",
        defaultOpinion: "同意接收",
        status: "APPROVED",
        reviewedAt: new Date(),
        reviewedById: office.id,
      },
    });
    const staff = await prisma.user.create({
      data: { username: `pu${tag}${u}@proof.example`.toLowerCase(), passwordHash, role: "EMPLOYER", name: employer.contactName, employerId: employer.id },
    });
    units.push({ id: employer.id, name, orgCode: employer.orgCode, staff: account(staff) });
  }
  return { tag, colleges, units, students, office: account(office) };
}

/** The counselor of a student's 学院. */
export function counselorOf(world: ProofWorld, student: WorldStudent): Account {
  return world.colleges[student.collegeIndex].counselor;
}

// ---- pages and server actions over HTTP ----

export type PageRoute = { pattern: string; role: Role | null; param: "agreement" | "employer" | null };

/** Every page of app/ (page.tsx), with the role whose area it is in and what its [id] names. */
export function pageRoutes(): PageRoute[] {
  const out: PageRoute[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "api") walk(full);
      } else if (name === "page.tsx") {
        const rel = path.relative(path.join(root, "app"), dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        const pattern = "/" + rel.join("/");
        const role = (Object.entries(ROLE_PREFIX).find(([, prefix]) => pattern === prefix || pattern.startsWith(`${prefix}/`))?.[0] as Role) ?? null;
        const dynamic = rel.find((s) => /^\[.+\]$/.test(s));
        const param = !dynamic ? null : rel.includes("employers") ? "employer" : "agreement";
        out.push({ pattern, role, param });
      }
    }
  };
  walk(path.join(root, "app"));
  return out;
}



type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
let manifest: Map<string, { id: string; page: string }> | null = null;

/** `app/employer/actions.ts#signAction` → its action id and a page that serves it, from the build. */
export function serverActions(): Map<string, { id: string; page: string }> {
  if (manifest) return manifest;
  const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
  const raw = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  manifest = new Map();
  for (const [id, entry] of Object.entries(raw.node)) {
    // "app/employer/pending/[id]/page" → "/employer/pending/[id]"
    const page = "/" + Object.keys(entry.workers)[0].replace(/^app\//, "").replace(/\/?page$/, "");
    manifest.set(`${entry.filename}#${entry.exportedName}`, { id, page: page === "/" ? "/" : page.replace(/\/$/, "") });
  }
  return manifest;
}

export function actionKey(filename: string, exportedName: string) {
  return `${filename}#${exportedName}`;
}

export type ActionResponse = { status: number; body: string; result: unknown };

/**
 * Calls a server action as the browser does. `session` null = signed out. The page it is
 * posted to is the action's own page (its dynamic segment filled with `pageId`) unless given.
 */
export async function callAction(
  session: HttpSession | null,
  key: string,
  args: unknown[],
  opts: { pageId?: string; page?: string; base?: string } = {},
): Promise<ActionResponse> {
  const action = serverActions().get(key);
  if (!action) throw new Error(`server action ${key} is not in the build`);
  const page = opts.page ?? action.page.replace(/\[[^\]]+\]/g, opts.pageId ?? "00000000-0000-4000-8000-000000000000");
  const init: RequestInit = {
    method: "POST",
    headers: { "Next-Action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    body: JSON.stringify(args),
  };
  const url = opts.base ? `${opts.base}${page}` : page;
  const res = session ? await session.fetch(url, init) : await fetch(`${opts.base ?? baseUrl()}${page}`, { ...init, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, body, result: parseActionResult(body) };
}

/** The action's return value out of the RSC payload (`0:{"a":"$@1",…}` then `1:<value>`). */
export function parseActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  try {
    const ref = (JSON.parse(head) as { a?: string }).a;
    const id = typeof ref === "string" && ref.startsWith("$@") ? ref.slice(2) : null;
    return id && rows.has(id) ? JSON.parse(rows.get(id)!) : undefined;
  } catch {
    return undefined;
  }
}

export type ActionOutcome = { ok: true; data?: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export function outcome(r: ActionResponse): ActionOutcome | undefined {
  const v = r.result as ActionOutcome | undefined;
  return v && typeof v === "object" && "ok" in v ? v : undefined;
}

/** Signs each account in over HTTP (one session each). */
export async function sessionsFor(accounts: Account[], base?: string): Promise<Map<string, HttpSession>> {
  const out = new Map<string, HttpSession>();
  for (const a of accounts) {
    const s = new HttpSession(base);
    if (!(await s.login(a.username))) throw new Error(`could not sign in as ${a.username}`);
    out.set(a.userId, s);
  }
  return out;
}

// ---- the inputs a valid form sends ----

export const studentForm = (employerId: string) => ({ employerId, studentPhone: "13812345678", studentEmail: "student@proof.example", studentOpinion: "同意" });

export const unitSignForm = (unit: WorldUnit) => ({
  unitName: unit.name,
  unitOrgCode: unit.orgCode,
  unitDepartment: null,
  unitContactName: "王经理",
  unitContactPhone: "0451-86412345",
  unitEmail: "hr@proof.example",
  unitAddress: "黑龙江省哈尔滨市南岗区长江路1号",
  unitPostalCode: "150001",
  unitNatureCode: "39",
  unitReportTitle: null,
  unitPartyOrgReceiver: null,
  unitArchiveAddress: null,
  unitSettleCity: null,
  employerOpinion: "同意接收",
  authorityOpinion: null,
});

export { approveForm } from "@/prisma/demo-agreements";

/** The audit trail of one agreement must be versions 1..n with no gap and no repeat. */
export async function auditVersions(prisma: Db, agreementId: string): Promise<{ versions: number[]; current: number; contiguous: boolean }> {
  const [events, agreement] = await Promise.all([
    prisma.agreementEvent.findMany({ where: { agreementId }, select: { version: true }, orderBy: { version: "asc" } }),
    prisma.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { version: true } }),
  ]);
  const versions = events.map((e) => e.version);
  const contiguous = versions.length === agreement.version && versions.every((v, i) => v === i + 1);
  return { versions, current: agreement.version, contiguous };
}

/** Stops an instance started with startApp (its whole process group) and waits for it. */
export async function stopApp(server: { pid: number; child: import("node:child_process").ChildProcess }) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
}
