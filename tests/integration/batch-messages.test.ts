// 批量签约's per-row answers on a real PostgreSQL (#17.3): a row a colleague signed meanwhile
// says who signed it and when, not "已被他人更新"; every other refusal says its real reason
// (the capability function's), also when the row moved on between the check and the write.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { batchSignAsEmployer, returnAsEmployer, signAsEmployer, type WorkflowActor } from "@/lib/workflow";
import { batchOutcomes, checkBatch } from "@/lib/workflow/actions/batch-check";
import { formatDateTime } from "@/lib/format";
import { agreementAt, demoWorld, newStudent, signForm } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;
let colleague: WorkflowActor;

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
  const user = await prisma.user.create({
    data: { username: `colleague-${randomBytes(4).toString("hex")}@demo-bank.example`, passwordHash: "x", role: "EMPLOYER", name: "钱同事", employerId: w.bank.employerId },
  });
  colleague = { userId: user.id, role: "EMPLOYER", name: user.name, collegeId: null, employerId: w.bank.employerId };
});

async function pendingForBank(n: number) {
  const refs = [];
  for (let i = 0; i < n; i++) refs.push(await agreementAt(prisma, "PENDING_EMPLOYER", { student: await newStudent(prisma, "02"), employer: w.bank, counselor: w.otherCounselor }));
  return refs.map((r) => ({ agreementId: r.agreementId, version: r.version }));
}

const lastEventAt = async (agreementId: string) =>
  formatDateTime((await prisma.agreementEvent.findFirstOrThrow({ where: { agreementId }, orderBy: { version: "desc" } })).createdAt);

describe("批量签约 says what happened to each row", () => {
  it("signed by a colleague meanwhile: by whom and when; returned meanwhile: the real reason; the rest signed", async () => {
    const rows = await pendingForBank(3); // the list as the page showed it
    await signAsEmployer(colleague, rows[0], await signForm(prisma, w.bank.employerId!));
    await returnAsEmployer(colleague, rows[1], "岗位已招满");
    const outcomes = await batchSignAsEmployer(w.bank, rows);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, true]);
    expect(outcomes[0].message).toBe(`已由钱同事（用人单位）于 ${await lastEventAt(rows[0].agreementId)}“确定签约”，无需重复办理`);
    expect(outcomes[1].message).toBe(`已由钱同事（用人单位）于 ${await lastEventAt(rows[1].agreementId)}“退回/拒绝签约”：协议当前状态为“已退回”，不能进行“确定签约”操作`);
    for (const o of outcomes) expect(o.message).not.toContain("已被他人更新");
  });

  it("one's own earlier signature (another tab) is told as 您", async () => {
    const [row] = await pendingForBank(1);
    await signAsEmployer(w.bank, row, await signForm(prisma, w.bank.employerId!));
    const [outcome] = await batchSignAsEmployer(w.bank, [row]);
    expect(outcome).toMatchObject({ ok: false, message: `已由您于 ${await lastEventAt(row.agreementId)}“确定签约”，无需重复办理` });
  });

  it("a row signed between the check and the write is explained the same way", async () => {
    const [row] = await pendingForBank(1);
    const batch = await checkBatch(prisma, "sign", w.bank, [row], new Date(), (a) => a.employerId === w.bank.employerId, "签约成功");
    expect(batch.candidates).toHaveLength(1);
    await signAsEmployer(colleague, row, await signForm(prisma, w.bank.employerId!)); // wins the race
    const [outcome] = await batchOutcomes(batch, []); // the set-based write updated nothing
    expect(outcome).toMatchObject({ ok: false, message: `已由钱同事（用人单位）于 ${await lastEventAt(row.agreementId)}“确定签约”，无需重复办理` });
  });
});
