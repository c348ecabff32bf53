// Who may print the official agreement, and who may see the 样张 (draft preview).
// The manual: printing opens once the 学院 has approved (学院审核通过 → 打印); the student
// prints once (一式三份，不要打印多份); after that the 学院's counselor or the office may print
// again, giving a reason. Visibility (own agreement / own 学院 / office) is checked before
// these rules by getAgreementForActor, so they only decide among people who may see it.
import type { AgreementStatus, Role, SigningMode } from "@/lib/generated/prisma/enums";
import { PRINTABLE_STATUSES } from "@/lib/workflow/states";

export type PrintDecision =
  | { allowed: true; needsReason: boolean }
  | { allowed: false; message: string };

export type PrintHistory = readonly { role: Role }[];

export const NOT_APPROVED_MESSAGE = "学院审核通过后方可打印就业协议书。";

export function isPrintable(status: AgreementStatus): boolean {
  return PRINTABLE_STATUSES.includes(status);
}

/** An agreement's mode: 电子协议 are downloaded as the signed original once attested (鉴证). */
export type Paperless = { signingMode: SigningMode; attestedAt: Date | null };

export const NOT_ATTESTED_MESSAGE = "电子协议经学院审核通过、学校就业主管部门鉴证后，方可下载带数字签名的原件。";

export function printDecision(role: Role, status: AgreementStatus, history: PrintHistory, mode?: Paperless): PrintDecision {
  if (mode?.signingMode === "ELECTRONIC") {
    // the signed PDF is the original: every party downloads the same file, as often as needed
    if (!isPrintable(status) || !mode.attestedAt) return { allowed: false, message: NOT_ATTESTED_MESSAGE };
    return { allowed: true, needsReason: false };
  }
  if (role === "EMPLOYER") {
    return { allowed: false, message: "用人单位不能打印就业协议书：协议书由毕业生或学院打印，盖章后邮寄给单位。" };
  }
  if (!isPrintable(status)) return { allowed: false, message: NOT_APPROVED_MESSAGE };
  if (role === "STUDENT") {
    if (history.some((r) => r.role === "STUDENT")) {
      return { allowed: false, message: "您已打印过一次就业协议书（一式三份）。如需重新打印，请联系辅导员/协理员或就业处。" };
    }
    if (history.length > 0) {
      return { allowed: false, message: "学院或就业处已打印过本协议书，请到学院领取；如需重新打印，请联系辅导员/协理员。" };
    }
    return { allowed: true, needsReason: false };
  }
  // COUNSELOR of this 学院, or OFFICE: the first print needs no reason, every further one does.
  return { allowed: true, needsReason: history.length > 0 };
}

export type PreviewDecision = { allowed: true } | { allowed: false; message: string };

/** 样张: for the parties before approval (to check the layout); after it, for those who print. */
export function previewDecision(role: Role, status: AgreementStatus, mode?: Paperless): PreviewDecision {
  if (status === "CANCELLED") return { allowed: false, message: "该协议已作废，不能预览。" };
  if (role === "EMPLOYER" && isPrintable(status) && mode?.signingMode !== "ELECTRONIC") {
    return { allowed: false, message: "协议已审核通过，打印由毕业生或学院办理。" };
  }
  return { allowed: true };
}
