// Identity against the production build: every way of ending a session really ends it (a
// cookie copied before is replayed against a page, a server action, the PDF route and an
// export); university SSO through a real OpenID provider (panva's oidc-provider, started by
// the global setup) in Chromium, with an unknown person and a tampered state; step-up
// before a signing act; the throttle under a parallel burst; and the takeover chain of
// issue #11 failing at every link.
// Prints `PROOF sessions revoked=<n> survived=<m>` and `PROOF sso logins=<n> failures=<m>`.
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "puppeteer-core";
import type { Db } from "@/lib/db/client";
import { maskIdNumber } from "@/lib/validation/id-card";
import { saveDraft, submitAgreement } from "@/lib/workflow";
import { DEMO_PASSWORD, HttpSession, baseUrl, launchBrowser, loginInBrowser, withScreenshot } from "./helpers";
import { actionKey, callAction, createProofWorld, openPrisma, outcome, studentForm, unitSignForm, type Account, type ProofWorld } from "./proof-world";
import { STEP_TIMEOUT, clickText, waitForText } from "./ui";

let prisma: Db;
let world: ProofWorld;
let browser: Browser;
let ipSeq = 0;
/** A client address of its own (the e2e server trusts one proxy hop), so no test shares a throttle with another. */
const freshIp = () => `10.111.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

beforeAll(async () => {
  prisma = openPrisma();
  world = await createProofWorld(prisma, { studentsPerCollege: 4, colleges: 1 });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await prisma?.$disconnect();
});

/** A counselor account of the world's 学院 with the demo password (copied hash). */
async function newCounselor(label: string): Promise<Account> {
  const hash = (await prisma.user.findUniqueOrThrow({ where: { username: "jyc01" } })).passwordHash;
  const u = await prisma.user.create({
    data: { username: `ses${label}${world.tag}`.toLowerCase(), passwordHash: hash, role: "COUNSELOR", name: `会话测试${label}`, collegeId: world.colleges[0].id },
  });
  return { userId: u.id, username: u.username, role: "COUNSELOR", name: u.name, collegeId: u.collegeId, employerId: null };
}

async function signedIn(account: Account): Promise<HttpSession> {
  const s = new HttpSession(undefined, freshIp());
  if (!(await s.login(account.username))) throw new Error(`could not sign in as ${account.username}`);
  return s;
}

const officeAction = (name: string) => actionKey("app/office/settings/actions.ts", name);

// ---- PROOF sessions ----

describe("every way of ending a session ends it everywhere", () => {
  let agreementId: string;
  let revoked = 0;
  let survived = 0;
  const survivors: string[] = [];

  beforeAll(async () => {
    // an agreement of the 学院 for the counselor's PDF preview
    const student = world.students[0];
    const r = await saveDraft(student, studentForm(world.units[0].id));
    agreementId = (await submitAgreement(student, { agreementId: r.agreementId, version: r.version })).agreementId;
  });

  afterAll(() => {
    if (survivors.length) console.error(`[identity] survived:\n${survivors.join("\n")}`);
    console.log(`PROOF sessions revoked=${revoked} survived=${survived}`);
  });

  /** What a cookie opens: a page, a server action, the PDF route, an export. */
  async function replay(cookie: string) {
    const get = (path: string) => fetch(`${baseUrl()}${path}`, { headers: { cookie }, redirect: "manual" });
    const page = await get("/counselor/review");
    const pdf = await get(`/api/agreements/${agreementId}/pdf?preview=1`);
    const xlsx = await get("/api/export/students?status=all");
    const action = outcome(await callAction(HttpSession.withCookies(cookie), actionKey("app/_reviewer/actions.ts", "findForFilingAction"), ["no-such-number"]));
    return {
      page: page.status === 200,
      action: action?.ok === true,
      pdf: pdf.status === 200 && (pdf.headers.get("content-type") ?? "").includes("pdf"),
      export: xlsx.status === 200 && (xlsx.headers.get("content-type") ?? "").includes("spreadsheet"),
    };
  }

  /** The cookie works before (control); after `end`, none of the four may open. */
  async function provesEnded(way: string, account: Account, end: (session: HttpSession, cookie: string) => Promise<void>, session?: HttpSession) {
    const s = session ?? (await signedIn(account));
    const cookie = s.copyCookies();
    expect(await replay(cookie)).toEqual({ page: true, action: true, pdf: true, export: true });
    await end(s, cookie);
    const after = await replay(cookie);
    for (const [target, opened] of Object.entries(after)) {
      if (opened) {
        survived++;
        survivors.push(`${way}: ${target}`);
      } else revoked++;
    }
    expect([way, after]).toEqual([way, { page: false, action: false, pdf: false, export: false }]);
  }

  it("the office disables the account", async () => {
    const victim = await newCounselor("dis");
    const office = await signedIn(world.office);
    await provesEnded("disable", victim, async () => {
      expect(outcome(await callAction(office, officeAction("setAccountActiveAction"), [{ userId: victim.userId, active: false }]))).toMatchObject({ ok: true });
    });
  });

  it("the office resets the password", async () => {
    const victim = await newCounselor("rst");
    const office = await signedIn(world.office);
    await provesEnded("reset", victim, async () => {
      const r = outcome(await callAction(office, officeAction("resetAccountPasswordAction"), [{ userId: victim.userId }]));
      expect(r).toMatchObject({ ok: true, data: { username: victim.username, initialPassword: expect.stringMatching(/^[A-Za-z2-9]{12}$/) } });
    });
  });

  it("the person changes their own password (this browser is signed in again, the copied cookie is not)", async () => {
    const victim = await newCounselor("chg");
    await provesEnded("own password change", victim, async (s) => {
      const r = outcome(
        await callAction(s, actionKey("lib/auth/account-actions.ts", "changePasswordAction"), [
          { currentPassword: DEMO_PASSWORD, newPassword: "Qingshan-Lu-2027", confirmPassword: "Qingshan-Lu-2027" },
        ], { page: "/account/password" }),
      );
      expect(r).toMatchObject({ ok: true });
      // the browser that changed it holds a new, working session
      expect((await s.fetch("/counselor/review")).status).toBe(200);
    });
  });

  it("退出 by the button of the page", async () => {
    const victim = await newCounselor("btn");
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    try {
      await withScreenshot(page, "identity-logout-button", async () => {
        await page.setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
        await loginInBrowser(page, victim.username);
        const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
        const s = HttpSession.withCookies(cookie);
        await provesEnded(
          "退出 button",
          victim,
          async () => {
            await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), clickText(page, "退出", "header button", true)]);
            expect(new URL(page.url()).pathname).toBe("/login");
          },
          s,
        );
        expect(cookie).toContain("authjs.session-token");
      });
    } finally {
      await context.close();
    }
  });

  it("next-auth's own /api/auth/signout", async () => {
    const victim = await newCounselor("api");
    await provesEnded("/api/auth/signout", victim, async (s) => {
      const { csrfToken } = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await s.fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }).toString(),
      });
      expect(res.status).toBeLessThan(400);
    });
  });

  it("the absolute lifetime (12 h after sign-in) passes", async () => {
    const victim = await newCounselor("abs");
    await provesEnded("absolute lifetime", victim, async () => {
      // the session is as old as 12 h: signed in 12 h ago, busy until a minute ago
      const signedInAt = new Date(Date.now() - 12 * 3_600_000 - 1000);
      await prisma.userSession.updateMany({
        where: { userId: victim.userId, revokedAt: null },
        data: { createdAt: signedInAt, authenticatedAt: signedInAt, expiresAt: new Date(signedInAt.getTime() + 12 * 3_600_000), lastSeenAt: new Date(Date.now() - 60_000) },
      });
    });
  });

  it("the token is not re-issued on every request", async () => {
    const s = await signedIn(await newCounselor("tok"));
    for (const path of ["/counselor/review", "/api/export/students?status=all", "/api/auth/session"]) {
      const res = await fetch(`${baseUrl()}${path}`, { headers: { cookie: s.copyCookies() }, redirect: "manual" });
      const reissued = res.headers.getSetCookie().filter((c) => c.startsWith("authjs.session-token="));
      // next-auth's own session endpoint re-encodes the cookie, but never past the session's absolute end
      if (path !== "/api/auth/session") expect([path, reissued]).toEqual([path, []]);
      for (const c of reissued) {
        const expires = /Expires=([^;]+)/i.exec(c)?.[1];
        expect(expires && new Date(expires).getTime()).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000 + 5_000);
      }
    }
  });
});

// ---- PROOF sso ----

describe("统一身份认证 through a real OpenID provider", () => {
  let logins = 0;
  let failures = 0;
  const failed: string[] = [];

  afterAll(() => {
    if (failed.length) console.error(`[identity] sso failures:\n${failed.join("\n")}`);
    console.log(`PROOF sso logins=${logins} failures=${failures}`);
  });

  /** From the login page through the provider's login and consent pages; where the browser ends up. */
  async function ssoJourney(page: Page, login: string, tamper = false): Promise<URL> {
    await page.goto(`${baseUrl()}/login`, { waitUntil: "networkidle0" });
    await page.waitForSelector("#sso-login");
    if (tamper) {
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname === "/api/auth/callback/oidc" && url.searchParams.get("state")) {
          const state = url.searchParams.get("state")!;
          url.searchParams.set("state", state.slice(0, -4) + (state.endsWith("AAAA") ? "BBBB" : "AAAA"));
          void request.continue({ url: url.toString() });
        } else void request.continue();
      });
    }
    await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("#sso-login")]);
    // the provider's own pages (oidc-provider's development interactions)
    expect(page.url()).toContain(process.env.E2E_OIDC_ISSUER ?? "127.0.0.1");
    await page.waitForSelector("input[name=login]", { timeout: STEP_TIMEOUT });
    await page.type("input[name=login]", login);
    await page.type("input[name=password]", "any-password-the-provider-accepts");
    await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("button[type=submit]")]);
    if (await page.$("button[autofocus]")) {
      // consent (the first time for this client)
      await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("button[autofocus]")]);
    }
    await page.waitForFunction((issuer) => !location.href.startsWith(issuer), { timeout: STEP_TIMEOUT }, process.env.E2E_OIDC_ISSUER ?? "http://127.0.0.1:0");
    return new URL(page.url());
  }

  async function inFreshBrowser<T>(name: string, run: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.evaluateOnNewDocument(() => sessionStorage.setItem("wq-notice-read", "1")); // the 签约须知 dialog, read
    try {
      return await withScreenshot(page, name, () => run(page));
    } finally {
      await context.close();
    }
  }

  const expectJourney = (what: string, ok: boolean) => {
    if (!ok) {
      failures++;
      failed.push(what);
    }
  };

  it("the login page offers 统一身份认证登录", async () => {
    const html = await (await fetch(`${baseUrl()}/login`)).text();
    expect(html).toContain("统一身份认证登录");
  });

  it.each([
    ["a student", () => world.students[1], "/student/agreement"],
    ["a counselor", () => world.colleges[0].counselor, "/counselor/review"],
  ] as const)("%s signs in by SSO, matched to the existing account by 学号/工号", async (_who, account, home) => {
    const a = account();
    await inFreshBrowser(`sso-${a.username}`, async (page) => {
      const landed = await ssoJourney(page, a.username);
      const ok = landed.pathname === home;
      expectJourney(`${a.username} landed on ${landed.pathname}`, ok);
      expect(landed.pathname).toBe(home);
      const session = await prisma.userSession.findFirstOrThrow({ where: { userId: a.userId, authMethod: "SSO" }, orderBy: { createdAt: "desc" } });
      expect(session.revokedAt).toBeNull();
      await waitForText(page, a.name);
      logins++;
    });
  });

  it("step-up in an SSO session is a fresh round trip to the provider, then 确定签约信息 goes through", async () => {
    const student = world.students[0];
    const unit = world.units[0];
    const { signAsEmployer } = await import("@/lib/workflow");
    const current = await prisma.agreement.findFirstOrThrow({ where: { studentId: student.studentId, status: "PENDING_EMPLOYER" } });
    const signed = await signAsEmployer(unit.staff, { agreementId: current.id, version: current.version }, unitSignForm(unit) as never);
    await inFreshBrowser("sso-step-up", async (page) => {
      page.on("dialog", (d) => void d.accept());
      const landed = await ssoJourney(page, student.username);
      expect(landed.pathname).toBe("/student/agreement");
      logins++;
      await ageSessions(student.userId, 11);
      await page.goto(`${baseUrl()}/student/agreement`, { waitUntil: "networkidle0" });
      await clickText(page, "确定签约信息");
      await page.waitForSelector("#step-up-dialog[open]", { timeout: STEP_TIMEOUT });
      await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), clickText(page, "通过统一身份认证验证", "#step-up-dialog button")]);
      // the provider asks for the login again (prompt=login)
      await page.waitForSelector("input[name=login]", { timeout: STEP_TIMEOUT });
      await page.type("input[name=login]", student.username);
      await page.type("input[name=password]", "any-password-the-provider-accepts");
      await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("button[type=submit]")]);
      if (await page.$("button[autofocus]")) await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("button[autofocus]")]);
      await page.waitForFunction(() => location.pathname === "/student/agreement", { timeout: STEP_TIMEOUT });
      const backOk = new URL(page.url()).pathname === "/student/agreement";
      expectJourney("SSO step-up did not come back to the page", backOk);
      logins++;
      await clickText(page, "确定签约信息");
      await statusBecomes(signed.agreementId, "PENDING_COLLEGE_REVIEW");
    });
    const event = await prisma.agreementEvent.findFirstOrThrow({ where: { agreementId: signed.agreementId, action: "confirm" } });
    expect(event).toMatchObject({ actorAuthMethod: "SSO", actorRole: "STUDENT" });
  });

  it("a person the provider knows but 网签 does not gets 无此账号, and no session", async () => {
    const before = await prisma.userSession.count();
    await inFreshBrowser("sso-unknown", async (page) => {
      const landed = await ssoJourney(page, `2099${world.tag}`);
      const ok = landed.pathname === "/login/no-account" && (await page.content()).includes("无此账号");
      expectJourney(`unknown person landed on ${landed.pathname}`, ok);
      expect(landed.pathname).toBe("/login/no-account");
      await waitForText(page, "无此账号");
      expect((await (await page.goto(`${baseUrl()}/student/agreement`))!.request().redirectChain()).length).toBeGreaterThan(0);
    });
    expect(await prisma.userSession.count()).toBe(before);
  });

  it("a unit's staff cannot sign in by SSO (units keep password sign-in)", async () => {
    await inFreshBrowser("sso-unit", async (page) => {
      const landed = await ssoJourney(page, world.units[0].staff.username);
      expectJourney(`unit staff landed on ${landed.pathname}`, landed.pathname === "/login/no-account");
      expect(landed.pathname).toBe("/login/no-account");
    });
  });

  it("a tampered state is refused with a clear message, and signs nobody in", async () => {
    const student = world.students[2];
    const before = await prisma.userSession.count({ where: { userId: student.userId } });
    await inFreshBrowser("sso-tampered", async (page) => {
      const landed = await ssoJourney(page, student.username, true);
      const text = await page.evaluate(() => document.body.innerText);
      const ok = landed.pathname === "/login" && text.includes("统一身份认证登录未能完成");
      expectJourney(`tampered state landed on ${landed.pathname}`, ok);
      expect(landed.pathname).toBe("/login");
      expect(text).toContain("统一身份认证登录未能完成");
    });
    expect(await prisma.userSession.count({ where: { userId: student.userId } })).toBe(before);
  });
});

// ---- step-up, forced change, throttle, the takeover chain ----

/** The student's agreement signed by the unit, waiting for 确定签约信息. */
async function waitingForConfirm(student: Account, unit: ProofWorld["units"][number]) {
  const { signAsEmployer } = await import("@/lib/workflow");
  let r = await saveDraft(student, studentForm(unit.id));
  r = await submitAgreement(student, { agreementId: r.agreementId, version: r.version });
  r = await signAsEmployer(unit.staff, { agreementId: r.agreementId, version: r.version }, unitSignForm(unit) as never);
  return { agreementId: r.agreementId, version: r.version };
}

async function statusBecomes(agreementId: string, status: string) {
  const until = Date.now() + STEP_TIMEOUT;
  while (Date.now() < until) {
    if ((await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } })).status === status) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`agreement ${agreementId} did not become ${status}`);
}

async function ageSessions(userId: string, minutes: number) {
  await prisma.userSession.updateMany({ where: { userId, revokedAt: null }, data: { authenticatedAt: new Date(Date.now() - minutes * 60_000) } });
}

describe("the takeover chain of issue #11 fails at every link", () => {
  it("1. the unit's 样张 of an unsubmitted draft and of a pending agreement carries no full 身份证号", async () => {
    const student = world.students[3];
    const unit = world.units[1];
    const draft = await saveDraft(student, studentForm(unit.id));
    const unitSession = await signedIn(unit.staff);
    const previewText = async () => {
      const pdf = await unitSession.fetch(`/api/agreements/${draft.agreementId}/pdf?preview=1`);
      expect(pdf.headers.get("content-type")).toContain("application/pdf");
      return execFileSync("pdftotext", ["-", "-"], { input: Buffer.from(await pdf.arrayBuffer()) }).toString("utf8").replace(/\s+/g, "");
    };
    // an unsubmitted draft is the student's alone: the unit it names gets no 样张 at all (#12)
    const early = await unitSession.fetch(`/api/agreements/${draft.agreementId}/pdf?preview=1`);
    expect([403, 404]).toContain(early.status); // refused, whichever answer the route gives
    expect(await early.text()).not.toContain(student.idNumber);
    for (const step of ["submitted"]) {
      await submitAgreement(student, { agreementId: draft.agreementId, version: draft.version });
      const text = await previewText();
      expect([step, text.includes(student.idNumber)]).toEqual([step, false]);
      expect(text).toContain(maskIdNumber(student.idNumber));
    }
    expect(maskIdNumber(student.idNumber)).not.toContain(student.idNumber.slice(-6, -2));
  });

  it("2. a graduate's password cannot be derived: after a reset only the random initial password works, and it must be changed first", async () => {
    const student = world.students[2];
    const office = await signedIn(world.office);
    const reset = outcome(await callAction(office, officeAction("resetAccountPasswordAction"), [{ userId: student.userId }])) as {
      ok: true;
      data: { initialPassword: string };
    };
    expect(await new HttpSession(undefined, freshIp()).login(student.username, student.idNumber.slice(-6))).toBe(false);
    const s = new HttpSession(undefined, freshIp());
    expect(await s.login(student.username, reset.data.initialPassword)).toBe(true);
    // every page leads to 修改密码 first; actions are refused
    const page = await s.fetch("/student/agreement");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/account/password");
    const action = outcome(await callAction(s, actionKey("app/student/agreement/actions.ts", "submitAction"), [{ agreementId: "00000000-0000-4000-8000-000000000000", version: 1 }]));
    expect(action).toMatchObject({ ok: false, code: "PASSWORD_CHANGE_REQUIRED" });
    expect((await s.fetch("/account/password")).status).toBe(200);
    const changed = outcome(
      await callAction(s, actionKey("lib/auth/account-actions.ts", "changePasswordAction"), [
        { currentPassword: reset.data.initialPassword, newPassword: "Songhua-River-88", confirmPassword: "Songhua-River-88" },
      ], { page: "/account/password" }),
    );
    expect(changed).toMatchObject({ ok: true, data: { next: "/student/agreement" } });
    expect((await s.fetch("/student/agreement")).status).toBe(200);
  });

  it("3. 确定签约信息 without a sign-in in the last 10 minutes is refused; the password in the dialog opens it, and the audit event says how", async () => {
    const student = world.students[1];
    const ref = await waitingForConfirm(student, world.units[0]);
    // an old session (a borrowed screen, a stolen cookie): refused over HTTP, nothing written
    const stale = await signedIn(student);
    await ageSessions(student.userId, 11);
    const refused = outcome(await callAction(stale, actionKey("app/student/agreement/actions.ts", "confirmAction"), [ref], { page: "/student/agreement" }));
    expect(refused).toMatchObject({ ok: false, code: "REAUTH_REQUIRED" });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: ref.agreementId } })).status).toBe("PENDING_STUDENT_CONFIRM");

    // in Chromium: the button asks for the password again, then confirms
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on("dialog", (d) => void d.accept());
    await page.evaluateOnNewDocument(() => sessionStorage.setItem("wq-notice-read", "1"));
    try {
      await withScreenshot(page, "identity-step-up", async () => {
        await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.111.250.7" });
        await loginInBrowser(page, student.username);
        await ageSessions(student.userId, 11);
        await page.goto(`${baseUrl()}/student/agreement`, { waitUntil: "networkidle0" });
        await clickText(page, "确定签约信息");
        await page.waitForSelector("#step-up-dialog[open] input[type=password]", { timeout: STEP_TIMEOUT });
        await page.type("#step-up-dialog[open] input[type=password]", DEMO_PASSWORD);
        await clickText(page, "确认并继续", "#step-up-dialog button");
        await page.waitForFunction(() => !document.querySelector("#step-up-dialog[open]"), { timeout: STEP_TIMEOUT });
        await statusBecomes(ref.agreementId, "PENDING_COLLEGE_REVIEW");
      });
    } finally {
      await context.close();
    }
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id: ref.agreementId } });
    expect(agreement.status).toBe("PENDING_COLLEGE_REVIEW");
    const event = await prisma.agreementEvent.findFirstOrThrow({ where: { agreementId: ref.agreementId, action: "confirm" } });
    expect(event).toMatchObject({ actorRole: "STUDENT", actorAuthMethod: "PASSWORD", actorIp: "10.111.250.7" });
    expect(event.actorUserAgent).toContain("Chrome");
    expect(event.actorSessionId).not.toBeNull();
  });

  it("确定签约 and 批量签约 of a unit need a recent sign-in too", async () => {
    const unit = world.units[0];
    const s = await signedIn(unit.staff);
    await ageSessions(unit.staff.userId, 11);
    const sign = outcome(await callAction(s, actionKey("app/employer/actions.ts", "signAction"), [{ agreementId: "00000000-0000-4000-8000-000000000000", version: 1 }, unitSignForm(unit)]));
    expect(sign).toMatchObject({ ok: false, code: "REAUTH_REQUIRED" });
    const batch = outcome(await callAction(s, actionKey("app/employer/actions.ts", "batchSignAction"), [[{ agreementId: "00000000-0000-4000-8000-000000000000", version: 1 }]]));
    expect(batch).toMatchObject({ ok: false, code: "REAUTH_REQUIRED" });
    const again = outcome(await callAction(s, actionKey("lib/auth/account-actions.ts", "reauthenticateAction"), [{ password: DEMO_PASSWORD }], { page: "/employer/pending" }));
    expect(again).toMatchObject({ ok: true });
    const batchNow = outcome(await callAction(s, actionKey("app/employer/actions.ts", "batchSignAction"), [[{ agreementId: "00000000-0000-4000-8000-000000000000", version: 1 }]]));
    expect(batchNow).toMatchObject({ ok: true });
  });
});

describe("the sign-in throttle over HTTP", () => {
  it("a burst of 20 parallel guesses from one client: no more than 5 are checked, and the owner elsewhere still signs in", async () => {
    const victim = await newCounselor("brst");
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new HttpSession(undefined, ip).postCredentials(victim.username, `guess-${i}-x9`).then((r) => r.headers.get("location") ?? "")),
    );
    const checked = answers.filter((l) => l.includes("error=CredentialsSignin") && !l.includes("code=throttled"));
    const throttled = answers.filter((l) => l.includes("code=throttled"));
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + throttled.length).toBe(20);
    // the right password from that client is refused now…
    expect(await new HttpSession(undefined, ip).login(victim.username)).toBe(false);
    // …and works from another
    expect(await new HttpSession(undefined, freshIp()).login(victim.username)).toBe(true);
    const page = await (await fetch(`${baseUrl()}/login?error=CredentialsSignin&code=throttled`)).text();
    expect(page).toContain("登录尝试过于频繁");
  });

  it("a wrong password, an unknown account and a disabled one get the same answer", async () => {
    const disabled = await newCounselor("off");
    await prisma.user.update({ where: { id: disabled.userId }, data: { active: false } });
    const where = async (username: string, password: string) => (await new HttpSession(undefined, freshIp()).postCredentials(username, password)).headers.get("location");
    const wrong = await where(world.colleges[0].counselor.username, "Wrong-password-1");
    expect(await where(`nobody${world.tag}`, "Wrong-password-1")).toBe(wrong);
    expect(await where(disabled.username, DEMO_PASSWORD)).toBe(wrong);
  });
});
