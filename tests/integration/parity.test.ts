// Parity of the engine's two paths: the same transition done one agreement at a time
// (runTransition: 确定签约 one by one, the per-signing auto-confirmation job) and set-based
// (runTransitionMany: 批量签约, the sweep) must leave the same rows, the same audit events
// (`changes` included) and the same notifications and e-mails. Pairs of agreements that
// differ only in whose they are go through one path each; everything that names the
// agreement, its student or the moment is normalized, everything else must be equal.
// Prints PROOF parity actions=<n> mismatches=<m>.
import type { Db } from "@/lib/db/client";
import type { Agreement } from "@/lib/generated/prisma/client";
import { autoConfirmDue, autoConfirmOne, batchSignAsEmployer, saveDraft, submitAgreement } from "@/lib/workflow";
import type { WorkflowActor } from "@/lib/workflow/actor";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";
import { employerActor, freeStudents, makeOverdue, signFor, studentActor } from "./helpers/pending-confirm";

let prisma: Db;
let unit: WorkflowActor;
let mismatches = 0;
const actions = new Set<string>();
const problems: string[] = [];

type Pair = { one: string; many: string };

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
  unit = await employerActor(prisma);
});

afterAll(() => {
  if (problems.length) console.error(`[parity] mismatches:\n${problems.join("\n")}`);
  console.log(`PROOF parity actions=${actions.size} mismatches=${mismatches}`);
});

/** `count` pairs of agreements at 待单位签约, both of a pair in the same 学院, with the same form. */
async function pendingPairs(count: number): Promise<Pair[]> {
  const students = await freeStudents(prisma, count * 2 + 6); // round-robin over the 学院: some left unpaired
  const rows = await prisma.student.findMany({ where: { studentNo: { in: students } }, select: { studentNo: true, collegeId: true } });
  const byCollege = new Map<string, string[]>();
  for (const r of rows) byCollege.set(r.collegeId, [...(byCollege.get(r.collegeId) ?? []), r.studentNo]);
  const pairs: Pair[] = [];
  const start = async (studentNo: string) => {
    const s = await studentActor(prisma, studentNo);
    const draft = await saveDraft(s, { employerId: unit.employerId!, studentPhone: "13812345678", studentEmail: "parity@stu.example", studentOpinion: "同意" });
    return (await submitAgreement(s, { agreementId: draft.agreementId, version: draft.version })).agreementId;
  };
  for (const nos of byCollege.values()) {
    for (let i = 0; i + 1 < nos.length && pairs.length < count; i += 2) pairs.push({ one: await start(nos[i]), many: await start(nos[i + 1]) });
  }
  if (pairs.length < count) throw new Error(`only ${pairs.length} pairs`);
  return pairs;
}

async function rows(ids: string[]) {
  const list = await prisma.agreement.findMany({ where: { id: { in: ids } }, include: { student: { select: { name: true, studentNo: true, userId: true } } } });
  return new Map(list.map((a) => [a.id, a]));
}

type Row = Agreement & { student: { name: string; studentNo: string; userId: string } };

/** Replaces what names this agreement, its student and the moment of the transition. */
function normalizer(a: Row, at: Date, autoConfirmDays: number) {
  const plus = new Date(at.getTime() + autoConfirmDays * 86_400_000);
  const text = (s: string) =>
    s
      .replaceAll(a.id, "<agreement>")
      .replaceAll(a.student.userId, "<student-user>")
      .replaceAll(a.student.name, "<student>")
      .replaceAll(a.student.studentNo, "<studentNo>")
      .replaceAll(at.toISOString(), "<now>")
      .replaceAll(plus.toISOString(), "<now+days>");
  const value = (v: unknown): unknown => {
    if (v instanceof Date) return v.getTime() === at.getTime() ? "<now>" : v.getTime() === plus.getTime() ? "<now+days>" : v.toISOString();
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
    return v;
  };
  return value;
}

/** What one agreement's transition did, normalized: the changed columns, the event, the messages it caused. */
async function effectOf(before: Row, after: Row, autoConfirmDays: number) {
  const event = await prisma.agreementEvent.findUniqueOrThrow({ where: { agreementId_version: { agreementId: after.id, version: after.version } } });
  const norm = normalizer(after, event.createdAt, autoConfirmDays);
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Row)[]) {
    if (key === "student") continue;
    const was = JSON.stringify(before[key]);
    if (JSON.stringify(after[key]) !== was) changed[key] = key === "version" ? `+${after.version - before.version}` : norm(after[key]);
  }
  const own = `${after.id}:${after.version}`;
  const notifications = await prisma.notification.findMany({ where: { OR: [{ agreementId: after.id, dedupeKey: own }, { dedupeKey: { endsWith: `:digest:${own}` } }] }, orderBy: [{ userId: "asc" }, { kind: "asc" }] });
  const emails = await prisma.outboxEmail.findMany({ where: { OR: [{ dedupeKey: { startsWith: `${own}:` } }, { dedupeKey: { contains: `:digest:${own}:` } }] }, orderBy: { dedupeKey: "asc" } });
  const { id: _id, createdAt: _c, agreementId: _a, contentHash, ...eventRest } = event;
  void [_id, _c, _a];
  return {
    changed,
    // the hash of the signed content is the agreement's own (its 协议书号, its graduate): both ways record one
    event: norm({ ...eventRest, contentHash: contentHash && /^[0-9a-f]{64}$/.test(contentHash) ? "<sha256>" : contentHash }),
    notifications: notifications.map(({ id: _n, createdAt: _t, readAt: _r, ...n }) => (void [_n, _t, _r], norm(n))),
    emails: emails.map(({ id: _e, createdAt: _t, sentAt: _s, status: _st, attempts: _at, error: _er, ...m }) => (void [_e, _t, _s, _st, _at, _er], norm(m))),
  };
}

async function compare(action: string, pairs: Pair[], before: Map<string, Row>) {
  actions.add(action);
  const { autoConfirmDays } = await prisma.setting.findUniqueOrThrow({ where: { id: 1 } });
  const after = await rows(pairs.flatMap((p) => [p.one, p.many]));
  const effects = [];
  for (const p of pairs) {
    const one = await effectOf(before.get(p.one)!, after.get(p.one)!, autoConfirmDays);
    const many = await effectOf(before.get(p.many)!, after.get(p.many)!, autoConfirmDays);
    for (const part of ["changed", "event", "notifications", "emails"] as const) {
      const a = JSON.stringify(one[part]);
      const b = JSON.stringify(many[part]);
      if (a !== b) {
        mismatches++;
        problems.push(`  ${action} ${part}:\n    one:  ${a}\n    many: ${b}`);
      }
    }
    effects.push(one);
  }
  return effects;
}

describe("one agreement at a time and set-based leave the same trace", () => {
  let signed: Pair[];

  it("确定签约 one by one (the unit's defaults) = 批量签约", async () => {
    signed = await pendingPairs(4);
    const before = await rows(signed.flatMap((p) => [p.one, p.many]));
    for (const p of signed) await signFor(prisma, unit, { agreementId: p.one, version: before.get(p.one)!.version }, { defaults: true });
    const outcomes = await batchSignAsEmployer(unit, signed.map((p) => ({ agreementId: p.many, version: before.get(p.many)!.version })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const effects = await compare("sign", signed, before);
    // the comparison compares something: the signature, the clock, the student's message
    expect(Object.keys(effects[0].changed)).toEqual(expect.arrayContaining(["status", "version", "unitName", "employerSignedAt", "autoConfirmAt", "signedById"]));
    expect(effects[0].changed.autoConfirmAt).toBe("<now+days>");
    expect(Object.keys((effects[0].event as { changes: object }).changes)).toEqual(expect.arrayContaining(["unitName", "employerSignedAt", "autoConfirmAt"]));
    expect(effects[0].notifications).toHaveLength(1);
    expect(effects[0].emails).toHaveLength(1);
    expect(mismatches).toBe(0);
  });

  it("the per-signing auto-confirmation = the sweep (one agreement per 学院, so both send a digest of one)", async () => {
    // one pair per 学院: a pass of the sweep tells each 学院 of its one agreement, as the job does
    const perCollege = new Map<string, Pair>();
    for (const p of signed) {
      const a = await prisma.agreement.findUniqueOrThrow({ where: { id: p.one } });
      if (!perCollege.has(a.collegeId)) perCollege.set(a.collegeId, p);
    }
    const pairs = [...perCollege.values()];
    expect(pairs.length).toBeGreaterThan(1);
    await makeOverdue(prisma, pairs.flatMap((p) => [p.one, p.many]));
    const before = await rows(pairs.flatMap((p) => [p.one, p.many]));
    const now = new Date();
    for (const p of pairs) expect((await autoConfirmOne(p.one, before.get(p.one)!.version, now)).outcome).toBe("confirmed");
    // nothing else of this database is overdue: the sweep's pass is exactly the `many` side
    const swept = await autoConfirmDue(now);
    expect(swept.ids.sort()).toEqual(pairs.map((p) => p.many).sort());
    const effects = await compare("autoConfirm", pairs, before);
    expect(Object.keys(effects[0].changed)).toEqual(expect.arrayContaining(["status", "version", "studentConfirmedAt", "autoConfirmed"]));
    expect(effects[0].notifications.length).toBeGreaterThan(0); // the 学院's counselors
    expect(mismatches).toBe(0);
  });

  it("compared at least two actions", () => {
    expect(actions.size).toBeGreaterThanOrEqual(2);
  });
});
