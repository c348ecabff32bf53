// Builds the props of <PrintPanel> (components/agreement/print-panel.tsx) for one person
// and one agreement, from what the capability function (lib/workflow/capabilities.ts)
// decided and the AgreementDetail the page has already loaded.
import type { Capabilities } from "@/lib/workflow/capabilities";
import type { AgreementDetail } from "@/lib/workflow/queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { isPrintable, type PrintDecision } from "./rules";

export type PrintRecordView = {
  id: string;
  printedByName: string;
  role: Role;
  copies: number;
  /** 第 N 次打印 */
  printNo: number;
  reason: string | null;
  /** ISO string (props of a client component must be serializable) */
  createdAt: string;
};

export type PrintPanelProps = {
  agreementId: string;
  /** APPROVED or FILED */
  printable: boolean;
  /** 电子协议: download the signed original instead of printing 一式三份 */
  electronic: boolean;
  canPreview: boolean;
  decision: PrintDecision;
  records: PrintRecordView[];
};

export function printPanelProps(caps: Pick<Capabilities, "print" | "preview">, detail: AgreementDetail): PrintPanelProps {
  return {
    agreementId: detail.id,
    printable: isPrintable(detail.status),
    electronic: detail.signingMode === "ELECTRONIC",
    canPreview: caps.preview.allowed,
    decision: caps.print,
    records: detail.printRecords.map((r) => ({
      id: r.id,
      printedByName: r.printedBy.name,
      role: r.role,
      copies: r.copies,
      printNo: r.printNo,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
