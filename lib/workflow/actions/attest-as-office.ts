import { prisma, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sealInForce } from "@/lib/seals/service";
import type { WorkflowActor } from "../actor";
import { runTransition, runTransitionMany, type Ref } from "../engine";
import { batchOutcomes, checkBatch, type BatchOutcome } from "./batch-check";

/** The school's 鉴证章 must be in force: it is what 鉴证 places. */
async function schoolSealInForce(tx: Tx, now: Date): Promise<Record<string, never>> {
  if (!(await sealInForce(tx, { kind: "SCHOOL" }, now))) {
    throw new AppError("GUARD_FAILED", "尚未设置学校毕业生就业主管部门的鉴证章：请先在“系统设置 → 电子协议与印章”中上传");
  }
  return {};
}

/**
 * 鉴证 (电子协议): the 学校毕业生就业主管部门 attests the agreement the 学院 approved; its
 * 鉴证章 is placed, and the digitally signed PDF becomes the original every party downloads.
 */
export async function attestAsOffice(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({
    action: "attest",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: ({ tx, now }) => schoolSealInForce(tx, now),
  });
}

/** 批量鉴证: many at once, each checked as a single 鉴证, one set-based write; each item's outcome. */
export async function batchAttestAsOffice(actor: WorkflowActor, items: Ref[], db: Db = prisma, now = new Date()): Promise<BatchOutcome[]> {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN", "您的身份不能进行“鉴证”操作");
  const batch = await checkBatch(db, "attest", actor, items, now, () => true, "已鉴证");
  const attested = batch.candidates.length
    ? await runTransitionMany({ action: "attest", actor, now, targets: { kind: "refs", refs: batch.candidates }, params: ({ tx, now: at }) => schoolSealInForce(tx, at) }, db)
    : [];
  return batchOutcomes(batch, attested);
}
