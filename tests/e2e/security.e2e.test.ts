// Security over real HTTP against the production build: login throttling, session expiry
// and tampering, security headers on pages and API routes, the 身份证号 masked on every page
// a unit or a counselor sees, and no personal data in the server's own logs after a whole
// journey (a second `next start` of the same build whose output goes to a file).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { LOGIN_THROTTLED } from "@/app/login/messages";
import { createSession } from "@/lib/auth/sessions";
import { maskIdNumber } from "@/lib/validation/id-card";
import { approveAsCounselor, confirmAsStudent, saveDraft, signAsEmployer, submitAgreement } from "@/lib/workflow";
import { ARTIFACTS, DEMO_PASSWORD, HttpSession, baseUrl } from "./helpers";
import {
  actionKey,
  approveForm,
  callAction,
  counselorOf,
  createProofWorld,
  openPrisma,
  outcome,
  pageRoutes,
  stopApp,
  studentForm,
  unitSignForm,
  type ProofWorld,
} from "./proof-world";
import { startApp, type AppServer } from "./server";

const root = path.resolve(__dirname, "..", "..");
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789"; // what tests/e2e/server.ts gives the app
const COOKIE = "authjs.session-token"; // next-auth's name on plain http

let prisma: Db;
let world: ProofWorld;

beforeAll(async () => {
  prisma = openPrisma();
  world = await createProofWorld(prisma, { studentsPerCollege: 3 });
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

/** A next-auth session token made with the app's secret (next-auth is ESM only: a child node does it). */
function forgeSessionToken(claims: Record<string, unknown>, maxAgeSeconds: number): string {
  const script = `import { encode } from "next-auth/jwt";
    const token = await encode({ token: ${JSON.stringify(claims)}, secret: ${JSON.stringify(AUTH_SECRET)}, salt: ${JSON.stringify(COOKIE)}, maxAge: ${maxAgeSeconds} });
    process.stdout.write(token);`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
}

async function sessionWithCookie(value: string) {
  const res = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: `${COOKIE}=${value}` } });
  return (await res.json()) as { user?: { id: string } } | null;
}

async function protectedPage(value: string) {
  return fetch(`${baseUrl()}/student/agreement`, { headers: { cookie: `${COOKIE}=${value}` }, redirect: "manual" });
}

describe("login throttling", () => {
  it("after 5 wrong passwords the 6th attempt is refused even with the right password", async () => {
    const victim = world.students[0];
    for (let i = 0; i < 5; i++) expect(await new HttpSession().login(victim.username, `wrong-password-${i}`)).toBe(false);
    const sixth = new HttpSession();
    expect(await sixth.login(victim.username, DEMO_PASSWORD)).toBe(false);
    const lock = await prisma.rateLimit.findUniqueOrThrow({ where: { key: `login-ca:127.0.0.1|${victim.username}` } });
    expect(lock.expire!.getTime()).toBeGreaterThan(Date.now());
    // the login form says why, in zh-CN
    const r = await callAction(null, actionKey("app/login/actions.ts", "loginAction"), [{ username: victim.username, password: DEMO_PASSWORD }, "/"], { page: "/login" });
    expect((r.result as { error?: string }).error).toBe(LOGIN_THROTTLED);
    // another account is not affected, nor the same account from another client
    expect(await new HttpSession().login(world.students[1].username)).toBe(true);
    expect(await new HttpSession(undefined, "10.77.0.1").login(victim.username)).toBe(true);
  });
});

describe("session expiry and tampering", () => {
  // a genuine server-side session for the claims to name (a cookie without one is no session)
  let sid: string;
  beforeAll(async () => {
    sid = (await createSession({ userId: world.students[1].userId, method: "PASSWORD", context: { ip: null, userAgent: null } })).id;
  });
  const claims = () => ({ sub: world.students[1].userId, sid });

  it("a token made with the app's secret and still valid signs in (control)", async () => {
    const token = forgeSessionToken(claims(), 3600);
    expect((await sessionWithCookie(token))?.user?.id).toBe(world.students[1].userId);
    expect((await protectedPage(token)).status).toBe(200);
  });

  it("a token past its maxAge is treated as signed out", async () => {
    const token = forgeSessionToken(claims(), -3600);
    expect(await sessionWithCookie(token)).toBeNull();
    const res = await protectedPage(token);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("a tampered session cookie is treated as signed out", async () => {
    const s = new HttpSession();
    expect(await s.login(world.students[2].username)).toBe(true);
    const real = /authjs\.session-token=([^;]+)/.exec(s.cookieHeader())![1];
    const i = Math.floor(real.length / 2);
    const tampered = real.slice(0, i) + (real[i] === "A" ? "B" : "A") + real.slice(i + 1);
    expect((await sessionWithCookie(real))?.user?.id).toBe(world.students[2].userId);
    expect(await sessionWithCookie(tampered)).toBeNull();
    expect((await protectedPage(tampered)).status).toBe(307);
    // a token signed with another secret is refused as well
    // a genuine token naming no server-side session is refused too
    expect(await sessionWithCookie(forgeSessionToken({ sub: world.students[1].userId }, 3600))).toBeNull();
    expect((await protectedPage(forgeSessionToken({ sub: world.students[1].userId, sid: "00000000-0000-4000-8000-000000000000" }, 3600))).status).toBe(307);
    const forged = execFileSync(process.execPath, ["--input-type=module", "-e", `import { encode } from "next-auth/jwt"; process.stdout.write(await encode({ token: ${JSON.stringify(claims())}, secret: "not-the-app-secret-0123456789abcdef", salt: "${COOKIE}", maxAge: 3600 }));`], { cwd: root, encoding: "utf8" });
    expect(await sessionWithCookie(forged)).toBeNull();
  });
});

describe("security headers", () => {
  it.each([
    ["a public page", "/login", null],
    ["a signed-in page", "/student/agreement", "student"],
    ["a missing page", "/no-such-page", null],
    ["next-auth's API", "/api/auth/session", null],
    ["the PDF route", "/api/agreements/00000000-0000-4000-8000-000000000000/pdf?preview=1", "student"],
  ] as const)("%s (%s)", async (_what, url, who) => {
    const s = new HttpSession();
    if (who) expect(await s.login(world.students[1].username)).toBe(true);
    const res = await s.fetch(url);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

describe("身份证号 masked on every page a unit or a counselor sees", () => {
  it("the full number is never in the HTML; the masked form is on the detail pages", async () => {
    const student = world.students[1];
    const unit = world.units[0];
    const counselor = counselorOf(world, student);
    const full = student.idNumber;
    const masked = maskIdNumber(full);
    const employerSession = new HttpSession();
    const counselorSession = new HttpSession();
    expect(await employerSession.login(unit.staff.username)).toBe(true);
    expect(await counselorSession.login(counselor.username)).toBe(true);

    let r = await saveDraft(student, studentForm(unit.id));
    r = await submitAgreement(student, { agreementId: r.agreementId, version: r.version });
    const id = r.agreementId;
    const seen: string[] = [];
    const sweep = async () => {
      for (const route of pageRoutes()) {
        if (route.role !== "EMPLOYER" && route.role !== "COUNSELOR") continue;
        const s = route.role === "EMPLOYER" ? employerSession : counselorSession;
        const urls = route.param === "agreement" ? [route.pattern.replace(/\[[^\]]+\]/, id)] : route.param ? [] : [route.pattern, `${route.pattern}?q=${student.studentNo}`];
        for (const url of urls) {
          const res = await s.fetch(url);
          const html = await res.text();
          expect([url, html.includes(full)]).toEqual([url, false]);
          if (res.status === 200 && html.includes(masked)) seen.push(url);
        }
      }
    };
    await sweep(); // 待签约: the unit's 办理 page shows the student's section
    r = await signAsEmployer(unit.staff, { agreementId: id, version: r.version }, unitSignForm(unit) as never);
    r = await confirmAsStudent(student, { agreementId: id, version: r.version });
    await sweep(); // 待学院审核: the counselor's review page
    await approveAsCounselor(counselor, { agreementId: id, version: r.version }, approveForm);
    await sweep(); // 审核通过
    expect(seen).toEqual(expect.arrayContaining([`/employer/pending/${id}`, `/counselor/review/${id}`]));
  });
});

describe("no personal data in the server's logs", () => {
  let server: AppServer | undefined;
  const logFile = path.join(ARTIFACTS, `server-log-${process.pid}.txt`);

  afterAll(async () => {
    if (server) await stopApp(server);
  });

  it("after a whole journey (with wrong passwords and bad input) the log has no 身份证号, name, password or phone", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = Number(process.env.E2E_LOG_PORT ?? 3190);
    server = await startApp({ databaseUrl: process.env.DATABASE_URL!, databaseName: null, port, distDir: process.env.E2E_DIST_DIR ?? ".next-e2e", build: false, logFile });
    const base = server.url;
    const student = world.students[2];
    const unit = world.units[1];
    const counselor = counselorOf(world, student);
    const wrongPassword = "Wr0ng-Secret-Passw0rd!";

    // wrong passwords first (they must not be logged), then the real journey, all over HTTP
    expect(await new HttpSession(base).login(student.username, wrongPassword)).toBe(false);
    const [s, u, c] = [new HttpSession(base), new HttpSession(base), new HttpSession(base)];
    expect(await s.login(student.username)).toBe(true);
    expect(await u.login(unit.staff.username)).toBe(true);
    expect(await c.login(counselor.username)).toBe(true);
    const studentPhone = "13912345670";
    const save = (form: unknown, ref: unknown) => callAction(s, actionKey("app/student/agreement/actions.ts", "saveDraftAction"), [form, ref], { base });
    // bad input with personal data in it: refused, and not echoed into the log
    expect(outcome(await save({ ...studentForm(unit.id), studentPhone: `${studentPhone}x`, studentOpinion: student.idNumber }, null))?.ok).toBe(false);
    const saved = outcome(await save({ ...studentForm(unit.id), studentPhone }, null)) as { ok: true; data: { agreementId: string; version: number } };
    expect(saved.ok).toBe(true);
    let ref = { agreementId: saved.data.agreementId, version: saved.data.version };
    const step = async (session: HttpSession, key: string, args: unknown[]) => {
      const o = outcome(await callAction(session, key, args, { base, pageId: ref.agreementId })) as { ok: boolean; data: { version: number }; error?: string };
      expect(o).toMatchObject({ ok: true });
      ref = { ...ref, version: o.data.version };
    };
    await step(s, actionKey("app/student/agreement/actions.ts", "submitAction"), [ref]);
    await step(u, actionKey("app/employer/actions.ts", "signAction"), [ref, unitSignForm(unit)]);
    await step(s, actionKey("app/student/agreement/actions.ts", "confirmAction"), [ref]);
    await step(c, actionKey("app/_reviewer/actions.ts", "approveAction"), [ref, approveForm]);
    for (const [session, url] of [[s, "/student/agreement"], [u, `/employer/signed/${ref.agreementId}`], [c, `/counselor/review/${ref.agreementId}`], [c, `/counselor/filing?q=${student.studentNo}`]] as const) {
      expect((await session.fetch(`${base}${url}`)).status).toBe(200);
    }
    // the print: a PDF with the full 身份证号 in it is made, and must not end up in the log
    const pdf = await s.fetch(`${base}/api/agreements/${ref.agreementId}/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    await step(c, actionKey("app/_reviewer/actions.ts", "fileAction"), [ref]);
    await new Promise((r) => setTimeout(r, 500)); // let the last lines reach the file

    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("Ready"); // the log is the server's
    const secrets = [
      ...world.students.flatMap((x) => [x.idNumber, x.name]),
      counselor.name,
      DEMO_PASSWORD,
      wrongPassword,
      studentPhone,
    ];
    expect(secrets.filter((x) => log.includes(x))).toEqual([]);
  });
});
