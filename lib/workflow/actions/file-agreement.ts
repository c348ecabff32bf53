import { AppError } from "@/lib/errors";
import { paperFormSettings } from "@/lib/settings/paperless";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/**
 * 备案: the stamped paper copy was handed in (纸质; where the office requires it, its scan was
 * uploaded — 回传 — after the approval), or the electronic original was attested (电子协议,
 * the table's guard).
 */
export async function fileAgreement(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({
    action: "file",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, agreement }) => {
      const a = agreement!;
      if (a.signingMode === "PAPER" && (await paperFormSettings(tx)).requireScanForFiling) {
        const scan = await tx.agreementScan.findFirst({ where: { agreementId: a.id, createdAt: { gte: a.approvedAt ?? new Date(0) } }, select: { id: true } });
        if (!scan) throw new AppError("GUARD_FAILED", "备案前须由毕业生上传盖章后的就业协议书扫描件或照片（回传）");
      }
      return {};
    },
  });
}
