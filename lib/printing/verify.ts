// The public /verify check: a code from a printed page → only what proves authenticity.
import { prisma } from "@/lib/db/client";
import { STATUS_LABELS } from "@/lib/workflow/states";
import { approvalOfCode, parseVerificationCode } from "@/lib/pdf/verify-code";
import { isPrintable } from "./rules";

export type VerifyResult =
  | { ok: false; message: string }
  | {
      ok: true;
      agreementNo: string;
      maskedName: string;
      unitName: string;
      statusLabel: string;
      /**
       * false once the agreement was returned after printing: the paper copy is void, and
       * stays void when the agreement is approved again (a reprint carries a new code)
       */
      valid: boolean;
      /** 解约 (#14): the agreement was cancelled, every copy is void */
      cancelled: boolean;
      filed: boolean;
      filedAt: Date | null;
    };

export const REFUSED_MESSAGE = "验证码无效：未找到与之对应的就业协议书。该协议书可能是伪造或被篡改的，请向学校就业处核实。";

/** 张三 → 张*，欧阳小明 → 欧**明 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export async function verifyAgreementCode(raw: string | null | undefined): Promise<VerifyResult> {
  const parsed = parseVerificationCode(raw);
  if (!parsed) return { ok: false, message: "验证码格式不正确，请核对协议书页脚上的验证码（形如 2027-000123-XXXXXXXXXX）。" };
  const agreement = await prisma.agreement.findUnique({
    where: { agreementNo: parsed.agreementNo },
    select: {
      id: true,
      agreementNo: true,
      status: true,
      filedAt: true,
      approvals: true,
      unitName: true,
      studentSnapshot: true,
      employer: { select: { name: true } },
      student: { select: { name: true } },
    },
  });
  const printedUnder = agreement?.agreementNo ? approvalOfCode(parsed, agreement.id, agreement.agreementNo, agreement.approvals) : null;
  if (!agreement || !agreement.agreementNo || printedUnder === null) return { ok: false, message: REFUSED_MESSAGE };
  const snapshotName = (agreement.studentSnapshot as { name?: string } | null)?.name;
  return {
    ok: true,
    agreementNo: agreement.agreementNo,
    maskedName: maskName(snapshotName ?? agreement.student.name),
    unitName: agreement.unitName ?? agreement.employer.name,
    statusLabel: STATUS_LABELS[agreement.status],
    // printed under the approval in force, and not returned (or cancelled) since
    valid: printedUnder === agreement.approvals && isPrintable(agreement.status),
    cancelled: agreement.status === "CANCELLED",
    filed: agreement.status === "FILED",
    filedAt: agreement.filedAt,
  };
}
