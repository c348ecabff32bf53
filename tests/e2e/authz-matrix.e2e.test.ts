// The authorization matrix, generated — not listed by hand — from the transition table
// (TRANSITIONS: who may take which action from which state), the server actions of the
// build (server-reference-manifest.json) and the pages of app/ (every page.tsx): every
// signed-in role and a signed-out visitor × every action and page × their own agreement and
// someone else's (two graduates of two 学院 with two units). Every cell that must be
// refused is tried over HTTP and must be refused with nothing leaked: no other person's
// 姓名 / 学号 / 身份证号 / unit in the answer, and the agreement's version and status, and
// its print records, unchanged after a refused write.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { AgreementStatus, Role } from "@/lib/generated/prisma/enums";
import { maskIdNumber } from "@/lib/validation/id-card";
import { canAccessAgreement } from "@/lib/workflow/access";
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from "@/lib/workflow/transitions";
import {
  approveAsCounselor,
  confirmAsStudent,
  fileAgreement,
  returnAsEmployer,
  inviteGraduate,
  saveDraft,
  signAsEmployer,
  submitAgreement,
} from "@/lib/workflow";
import { HttpSession } from "./helpers";
import {
  actionKey,
  approveForm,
  callAction,
  counselorOf,
  createProofWorld,
  openPrisma,
  outcome,
  pageRoutes,
  serverActions,
  sessionsFor,
  studentForm,
  unitSignForm,
  type Account,
  type ActionResponse,
  type ProofWorld,
  type WorldStudent,
  type WorldUnit,
} from "./proof-world";

const root = path.resolve(__dirname, "..", "..");

/** The body of an exported server action in its source: `export const NAME = …` up to the next export. */
function sourceOf(key: string): { src: string; body: string } {
  const [file, name] = key.split("#");
  const src = readFileSync(path.join(root, file), "utf8");
  const start = src.search(new RegExp(`export (const ${name} =|async function ${name}\\()`));
  const next = src.indexOf("\nexport ", start + 1);
  return { src, body: start === -1 ? "" : src.slice(start, next === -1 ? undefined : next) };
}

// Which server action performs which transition of the table: read from the build's server
// actions, each built with transitionAction("<action>", …) (lib/server-action.ts), whose
// roles are the table's. Nothing here is listed by hand.
const PERFORMS: Record<string, WorkflowAction> = Object.fromEntries(
  [...serverActions().keys()].flatMap((key) => {
    const m = /=\s*transitionAction\("(\w+)"/.exec(sourceOf(key).body);
    return m ? [[key, m[1] as WorkflowAction]] : [];
  }),
);
// Reads scoped to what the actor may see: checked for someone else's agreement.
const SCOPED_READS = {
  filing: actionKey("app/_reviewer/actions.ts", "findForFilingAction"),
  pendingRefs: actionKey("app/employer/actions.ts", "pendingRefsAction"),
};
// Public by design (sign-in, unit registration), or taking a file upload (checked by role
// in tests/integration/student-import.test.ts).
// The shell's 退出 (sign-out) is for everyone.
// ssoReauthAction starts an SSO round trip like the login page's button: open to anyone
const NOT_IN_MATRIX = /^app\/(login|register)\/|^components\/shell\/app-shell\.tsx#|#ssoReauthAction$/;

type Party = { agreementId: string; student: WorldStudent; unit: WorldUnit; counselor: Account };
type Actor = { label: string; account: Account | null };
type Cell = { what: string; actor: string; agreement: string };

let prisma: Db;
let world: ProofWorld;
let parties: Party[];
let actors: Actor[];
let sessions: Map<string, HttpSession>;
let tried = 0;
const leaks: (Cell & { why: string })[] = [];

function roleOf(actor: Actor): Role | null {
  return actor.account ? (actor.account.role as Role) : null;
}

/** Where every party's agreement stands now (they walk the steps together). */
let current: AgreementStatus = "DRAFT";

function mayAccess(actor: Actor, p: Party): boolean {
  return !!actor.account && canAccessAgreement(actor.account, { studentUserId: p.student.userId, employerId: p.unit.id, collegeId: world.colleges[p.student.collegeIndex].id, status: current });
}

/** What must never appear in an answer to `actor` about `p` (their own identity excepted). */
function secretsOf(p: Party, actor: Actor, agreementNo: string | null): string[] {
  const own = actor.account?.userId;
  const secrets: string[] = [p.student.idNumber]; // the full 身份证号: never in a refusal
  if (own !== p.student.userId) {
    secrets.push(p.student.name, p.student.studentNo, maskIdNumber(p.student.idNumber));
    if (agreementNo) secrets.push(agreementNo);
  }
  if (own !== p.unit.staff.userId) secrets.push(p.unit.name);
  return secrets;
}

function leaked(body: string, secrets: string[]): string | null {
  const found = secrets.filter((s) => body.includes(s));
  return found.length ? `leaked ${found.join(", ")}` : null;
}

function session(actor: Actor): HttpSession | null {
  return actor.account ? sessions.get(actor.account.userId)! : null;
}

async function snapshot(p: Party) {
  const a = await prisma.agreement.findUniqueOrThrow({ where: { id: p.agreementId }, select: { version: true, status: true, agreementNo: true } });
  const prints = await prisma.printRecord.count({ where: { agreementId: p.agreementId } });
  return { ...a, prints };
}

function record(cell: Cell, why: string | null) {
  tried++;
  if (why) leaks.push({ ...cell, why });
}

/** A refused server action: a zh-CN error (or the sign-in redirect), never data. */
const refusals = new Map<string, number>();

function refusalProblem(r: ActionResponse, batch: boolean): string | null {
  const o0 = outcome(r);
  const kind = r.status !== 200 ? `HTTP ${r.status}` : o0?.ok === false ? o0.error : "batch item refused";
  refusals.set(kind, (refusals.get(kind) ?? 0) + 1);
  if (r.status === 307 || r.status === 303) return null; // signed out → login page, nothing ran
  if (r.status >= 400) return r.status >= 500 ? `HTTP ${r.status}` : null;
  const o = outcome(r);
  if (!o) return `unexpected answer ${r.status} ${r.body.slice(0, 120)}`;
  if (o.ok === false) return /[\u4e00-\u9fa5]/.test(o.error) ? null : `error not zh-CN: ${o.error}`;
  if (batch && Array.isArray(o.data) && o.data.every((i: { ok: boolean; studentName: unknown }) => !i.ok && i.studentName === null)) return null;
  return `not refused: ${JSON.stringify(o).slice(0, 160)}`;
}

// ---- pages, from the file system ----

/** Every route handler under app/api/export (CSV/XLSX downloads), if any. */
function exportRoutes(): string[] {
  const dir = path.join(root, "app", "api", "export");
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^route\.tsx?$/.test(name)) out.push("/" + path.relative(path.join(root, "app"), d).split(path.sep).join("/"));
    }
  };
  try {
    walk(dir);
  } catch {
    /* no export routes in this build */
  }
  return out;
}

async function pageCells(stage: string) {
  for (const route of pageRoutes()) {
    if (!route.role) continue; // public pages (login, register, verify, home redirect)
    const targets: (Party | null)[] = route.param === "agreement" ? parties : route.param === "employer" ? parties : [null];
    for (const target of targets) {
      const url = route.pattern.replace(/\[[^\]]+\]/, target ? (route.param === "employer" ? target.unit.id : target.agreementId) : "");
      for (const actor of actors) {
        const role = roleOf(actor);
        const wrongRole = role !== route.role;
        const otherAgreement = target !== null && route.param === "agreement" && !mayAccess(actor, target);
        const cell = { what: `page ${url} @${stage}`, actor: actor.label, agreement: target ? target.student.studentNo : "-" };
        const res = await (session(actor) ?? new HttpSession()).fetch(url);
        const body = await res.text();
        if (wrongRole || otherAgreement) {
          const secrets = (target ? [target] : parties).flatMap((p) => secretsOf(p, actor, null));
          const status = [307, 403, 404].includes(res.status) ? null : `HTTP ${res.status} for a refused page`;
          const toLogin = res.status === 307 && !/\/login/.test(res.headers.get("location") ?? "") ? "redirected elsewhere than /login" : null;
          record(cell, status ?? toLogin ?? leaked(body, secrets));
        } else if (!target) {
          // an allowed list page: someone else's agreement must not be on it
          const others = parties.filter((p) => !mayAccess(actor, p));
          if (others.length === 0) continue;
          record({ ...cell, what: `${cell.what} (scope)` }, res.status >= 500 ? `HTTP ${res.status}` : leaked(body, others.flatMap((p) => secretsOf(p, actor, null))));
        }
      }
    }
  }
}

async function actionCells(state: AgreementStatus, of: Party[] = parties) {
  for (const [key, wf] of Object.entries(PERFORMS)) {
    if (!TRANSITIONS[wf].from.includes(state)) continue;
    for (const p of of) {
      for (const actor of actors) {
        const role = roleOf(actor);
        const mustRefuse = !role || !TRANSITIONS[wf].roles.includes(role) || !mayAccess(actor, p);
        if (!mustRefuse) continue;
        const before = await snapshot(p);
        const ref = { agreementId: p.agreementId, version: before.version };
        const args = argsFor(key, ref, p);
        const r = await callAction(session(actor), key, args, { pageId: p.agreementId });
        const after = await snapshot(p);
        const changed = after.version !== before.version || after.status !== before.status ? `agreement changed ${before.status}/${before.version} → ${after.status}/${after.version}` : null;
        record(
          { what: `${key.split("#")[1]} (${wf}) @${state}`, actor: actor.label, agreement: p.student.studentNo },
          changed ?? refusalProblem(r, key.endsWith("#batchSignAction")) ?? leaked(r.body, secretsOf(p, actor, before.agreementNo)),
        );
      }
    }
  }
}

function argsFor(key: string, ref: { agreementId: string; version: number }, p: Party): unknown[] {
  switch (key.split("#")[1]) {
    case "saveDraftAction":
      return [studentForm(p.unit.id), ref];
    case "signAction":
      return [ref, unitSignForm(p.unit)];
    case "batchSignAction":
      return [[ref]];
    case "returnAction":
    case "returnByCollegeAction":
    case "refuseTerminationAction":
    case "rejectTerminationAction":
    case "declineInvitationAction":
      return [ref, "核对信息有误，请修改后重新提交"];
    case "requestTerminationAction":
    case "startTerminationAction":
      return [ref, { reason: "岗位调整，拟解除协议", letterId: null }];
    case "acceptInvitationAction":
      return [ref, { studentPhone: "13900001111", studentEmail: "grad@example.com", studentOpinion: "同意" }];
    case "approveAction":
      return [ref, approveForm];
    default:
      return [ref];
  }
}

async function readCells(stage: string) {
  for (const p of parties) {
    const { agreementNo } = await snapshot(p);
    for (const actor of actors) {
      if (mayAccess(actor, p)) continue;
      const secrets = secretsOf(p, actor, agreementNo);
      for (const query of [p.student.studentNo, agreementNo].filter(Boolean) as string[]) {
        const r = await callAction(session(actor), SCOPED_READS.filing, [query]);
        const o = outcome(r);
        const found = o?.ok === true && o.data !== null && o.data !== undefined ? `found someone else's agreement: ${JSON.stringify(o.data)}` : null;
        record({ what: `findForFilingAction(${query}) @${stage}`, actor: actor.label, agreement: p.student.studentNo }, found ?? (r.status >= 500 ? `HTTP ${r.status}` : leaked(r.body, [...secrets, p.agreementId])));
      }
      const r = await callAction(session(actor), SCOPED_READS.pendingRefs, []);
      record({ what: `pendingRefsAction @${stage}`, actor: actor.label, agreement: p.student.studentNo }, r.status >= 500 ? `HTTP ${r.status}` : leaked(r.body, [...secrets, p.agreementId]));
    }
  }
}

async function pdfCells(stage: AgreementStatus) {
  const printable = stage === "APPROVED" || stage === "FILED";
  for (const p of parties) {
    for (const actor of actors) {
      const role = roleOf(actor);
      const visible = mayAccess(actor, p);
      const refusePreview = !visible || (role === "EMPLOYER" && printable);
      const refusePrint = !visible || role === "EMPLOYER" || !printable;
      const s = session(actor) ?? new HttpSession();
      for (const [kind, refuse] of [["preview", refusePreview], ["print", refusePrint]] as const) {
        if (!refuse) continue;
        const before = await snapshot(p);
        const url = `/api/agreements/${p.agreementId}/pdf${kind === "preview" ? "?preview=1" : ""}`;
        const res = kind === "preview" ? await s.fetch(url) : await s.fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        const body = await res.text();
        const after = await snapshot(p);
        const problem =
          (res.headers.get("content-type") ?? "").includes("pdf") ? "a PDF was served" :
          res.status < 300 || res.status >= 500 ? `HTTP ${res.status}` :
          after.prints !== before.prints ? "a print was recorded" : leaked(body, secretsOf(p, actor, before.agreementNo));
        record({ what: `PDF ${kind} @${stage}`, actor: actor.label, agreement: p.student.studentNo }, problem);
      }
    }
  }
}

async function exportCells(stage: string) {
  for (const route of exportRoutes()) {
    for (const actor of actors) {
      const role = roleOf(actor);
      const res = await (session(actor) ?? new HttpSession()).fetch(route.replace(/\[[^\]]+\]/g, parties[0].agreementId));
      const body = await res.text();
      const others = parties.filter((p) => !mayAccess(actor, p));
      const cell = { what: `export ${route} @${stage}`, actor: actor.label, agreement: "-" };
      if (!role || role === "STUDENT" || role === "EMPLOYER") {
        record(cell, res.status < 300 ? `HTTP ${res.status}: an export was served` : leaked(body, parties.flatMap((p) => secretsOf(p, actor, null))));
      } else if (others.length) {
        record({ ...cell, what: `${cell.what} (scope)` }, res.status >= 500 ? `HTTP ${res.status}` : leaked(body, others.flatMap((p) => secretsOf(p, actor, null))));
      }
    }
  }
}

// Roles of the actions whose check lives in a shared lib helper the action file only calls.
const ROLES_ELSEWHERE: Record<string, Role[]> = {
  refreshStatisticsAction: ["COUNSELOR", "OFFICE"],
  // lib/auth/account-actions.ts: one's own account, every role (also before the first password change)
  changePasswordAction: ["STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE"],
  reauthenticateAction: ["STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE"],
};

/**
 * Who may call a server action that is not a transition, read from its source: the role
 * literals in its body (or in a constant it spreads, like EVERY_ROLE), else ROLES_ELSEWHERE,
 * else the role whose area the file is in. "form" = it takes FormData (not called here with
 * JSON arguments; see NOT_IN_MATRIX).
 */
function allowedRolesOf(key: string): Role[] | "form" {
  const name = key.split("#")[1];
  const { src, body } = sourceOf(key);
  if (/:\s*FormData\b/.test(body.split("{")[0])) return "form";
  const literals = (text: string) => [...text.matchAll(/"(STUDENT|EMPLOYER|COUNSELOR|OFFICE)"/g)].map((m) => m[1] as Role);
  const found = new Set(literals(body));
  // roles named by a constant: of this file (AREA, REVIEWERS), or of the action builder (EVERY_ROLE)
  const builder = readFileSync(path.join(root, "lib", "server-action.ts"), "utf8");
  for (const m of body.matchAll(/\b([A-Z][A-Z_]+)\b/g)) {
    const def = new RegExp(`const ${m[1]} = ([^;]+);`).exec(src) ?? new RegExp(`const ${m[1]} = ([^;]+);`).exec(builder);
    if (def) literals(def[1]).forEach((r) => found.add(r));
  }
  // the roles of a step of the table
  for (const m of body.matchAll(/peopleWhoMay\("(\w+)"\)/g)) TRANSITIONS[m[1] as WorkflowAction].roles.forEach((r) => r !== "SYSTEM" && found.add(r));
  if (found.size === 0 && ROLES_ELSEWHERE[name]) return ROLES_ELSEWHERE[name];
  if (found.size > 0) return [...found];
  const area = /^app\/(student|employer|counselor|office)\//.exec(key)?.[1];
  if (!area) throw new Error(`server action ${key}: cannot tell who may call it — add it to ROLES_ELSEWHERE`);
  return [area.toUpperCase() as Role];
}

/** Server actions that are not transitions: refused for every role but theirs, and signed out. */
async function otherActionCells() {
  const classified = new Set([...Object.keys(PERFORMS), ...Object.values(SCOPED_READS)]);
  for (const key of serverActions().keys()) {
    if (classified.has(key) || NOT_IN_MATRIX.test(key)) continue;
    const allowed = allowedRolesOf(key);
    if (allowed === "form") {
      formActions.push(key);
      continue;
    }
    for (const actor of actors) {
      const role = roleOf(actor);
      if (role && allowed.includes(role)) continue;
      const r = await callAction(session(actor), key, [{}]);
      record({ what: key.split("#")[1], actor: actor.label, agreement: "-" }, refusalProblem(r, false) ?? leaked(r.body, parties.flatMap((p) => secretsOf(p, actor, null))));
    }
  }
}
const formActions: string[] = [];

beforeAll(async () => {
  prisma = openPrisma();
  world = await createProofWorld(prisma, { studentsPerCollege: 1 });
  const [s1, s2] = world.students;
  const [u1, u2] = world.units;
  const accounts: [string, Account][] = [
    ["own student", s1],
    ["other student", s2],
    ["unit 1", u1.staff],
    ["unit 2", u2.staff],
    ["counselor 学院1", world.colleges[0].counselor],
    ["counselor 学院2", world.colleges[1].counselor],
    ["office", world.office],
  ];
  sessions = await sessionsFor(accounts.map(([, a]) => a));
  actors = [...accounts.map(([label, account]) => ({ label, account })), { label: "signed out", account: null }];
  parties = [];
  for (const [student, unit] of [[s1, u1], [s2, u2]] as const) {
    const r = await saveDraft(student, studentForm(unit.id));
    parties.push({ agreementId: r.agreementId, student, unit, counselor: counselorOf(world, student) });
  }
}, 120_000);

afterAll(async () => {
  const lines = leaks.map((l) => `  ${l.actor} × ${l.what} × ${l.agreement}: ${l.why}`);
  if (lines.length) console.error(`[authz] refused cells that leaked or were not refused:\n${lines.join("\n")}`);
  if (formActions.length) console.log(`[authz] FormData actions not called with JSON here: ${formActions.join(", ")}`);
  console.log(`[authz] how server actions refused: ${JSON.stringify(Object.fromEntries(refusals))}`);
  console.log(`PROOF authz cells=${tried} leaks=${leaks.length}`);
  await prisma?.$disconnect();
});

describe("the matrix covers the whole transition table", () => {
  it("every transition a person can take has a server action, and every server action is classified", () => {
    const performed = new Set(Object.values(PERFORMS));
    for (const action of WORKFLOW_ACTIONS) {
      // a side effect of another service (a 学院 move of the import) has no server action of its own
      const people = TRANSITIONS[action].sideEffectOf ? [] : TRANSITIONS[action].roles.filter((r) => r !== "SYSTEM");
      // autoConfirm is the scheduler's alone: no HTTP entry point may exist for it
      expect([action, performed.has(action)]).toEqual([action, people.length > 0]);
    }
    for (const key of Object.keys(PERFORMS)) expect(serverActions().has(key)).toBe(true);
  });
});

describe("every role × every action and page × own / someone else's agreement", () => {
  // The legal path both agreements take; after each step every refused cell of that state is tried.
  const steps: { to: AgreementStatus; run: (p: Party, version: number) => Promise<unknown>; pages?: boolean; pdf?: boolean }[] = [
    { to: "PENDING_EMPLOYER", run: (p, version) => submitAgreement(p.student, { agreementId: p.agreementId, version }), pages: true, pdf: true },
    { to: "RETURNED", run: (p, version) => returnAsEmployer(p.unit.staff, { agreementId: p.agreementId, version }, "请核对联系方式") },
    // the student's draft again: the unit no longer sees it until it is resubmitted
    { to: "DRAFT", run: (p, version) => saveDraft(p.student, studentForm(p.unit.id), { agreementId: p.agreementId, version }), pages: true, pdf: true },
    { to: "PENDING_EMPLOYER", run: (p, version) => submitAgreement(p.student, { agreementId: p.agreementId, version }) },
    { to: "PENDING_STUDENT_CONFIRM", run: (p, version) => signAsEmployer(p.unit.staff, { agreementId: p.agreementId, version }, unitSignForm(p.unit) as never), pages: true },
    { to: "PENDING_COLLEGE_REVIEW", run: (p, version) => confirmAsStudent(p.student, { agreementId: p.agreementId, version }), pages: true },
    { to: "APPROVED", run: (p, version) => approveAsCounselor(p.counselor, { agreementId: p.agreementId, version }, approveForm), pages: true, pdf: true },
    { to: "FILED", run: (p, version) => fileAgreement(p.counselor, { agreementId: p.agreementId, version }), pdf: true },
  ];

  it("DRAFT: refused actions", async () => {
    await actionCells("DRAFT");
    // nobody but a student can start an agreement
    for (const actor of actors.filter((a) => roleOf(a) !== "STUDENT")) {
      const before = await prisma.agreement.count();
      const r = await callAction(session(actor), actionKey("app/student/agreement/actions.ts", "saveDraftAction"), [studentForm(world.units[0].id), null]);
      record({ what: "saveDraftAction (new) @none", actor: actor.label, agreement: "-" }, (await prisma.agreement.count()) !== before ? "an agreement was created" : refusalProblem(r, false));
    }
    await otherActionCells();
    expect(leaks).toEqual([]);
  });

  it.each(steps.map((s, i) => [`${i + 1}. → ${s.to}`, i] as const))("%s", async (_name, index) => {
    const step = steps[index];
    for (const p of parties) {
      const { version } = await snapshot(p);
      await step.run(p, version);
      expect((await snapshot(p)).status).toBe(step.to);
    }
    current = step.to;
    await actionCells(step.to);
    if (step.pages) await pageCells(step.to);
    if (step.pdf) await pdfCells(step.to);
    if (step.to === "APPROVED") {
      await readCells(step.to);
      await exportCells(step.to);
    }
    expect(leaks).toEqual([]);
  });

  // 签约邀请 (#14): an invitation is created by a unit (never by anyone else), and its
  // answers (应约 / 拒绝 / 撤回) are tried by everyone who must be refused
  it("INVITED: refused invitations and answers", async () => {
    const [p1, p2] = parties;
    const form = { studentNo: p2.student.studentNo, studentName: p2.student.name, ...unitSignForm(p1.unit), position: "工程师", workplace: "哈尔滨", salary: "面议" };
    const invite = actionKey("app/_termination/invitation-actions.ts", "inviteAction");
    for (const actor of actors.filter((a) => roleOf(a) !== "EMPLOYER")) {
      const before = await prisma.agreement.count();
      const r = await callAction(session(actor), invite, [form]);
      record({ what: "inviteAction @none", actor: actor.label, agreement: "-" }, (await prisma.agreement.count()) !== before ? "an invitation was created" : refusalProblem(r, false));
    }
    const invited = await inviteGraduate(p1.unit.staff, { ...form, probation: null, serviceTerm: null } as never);
    await actionCells("INVITED", [{ agreementId: invited.agreementId, student: p2.student, unit: p1.unit, counselor: p2.counselor }]);
    expect(leaks).toEqual([]);
  });

  it("the leak detector sees what it looks for (control: an allowed page shows the names)", async () => {
    const [p1] = parties;
    const office = actors.find((a) => roleOf(a) === "OFFICE")!;
    const res = await session(office)!.fetch(`/office/agreements/${p1.agreementId}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(p1.student.name);
    expect(html).toContain(p1.student.studentNo);
    expect(html).not.toContain(p1.student.idNumber);
    expect(tried).toBeGreaterThan(300);
  });
});
