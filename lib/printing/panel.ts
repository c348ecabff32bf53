// Builds the props of <PrintPanel> (components/agreement/print-panel.tsx) for one person
// and one agreement, from the AgreementDetail the page has already loaded.
import type { Actor } from "@/lib/auth/roles";
import type { AgreementDetail } from "@/lib/workflow/queries";
import { isPrintable, previewDecision, printDecision, type PrintDecision } from "./rules";
import type { Role } from "@/lib/generated/prisma/enums";

export type PrintRecordView = {
  id: string;
  printedByName: string;
  role: Role;
  copies: number;
  reason: string | null;
  /** ISO string (props of a client component must be serializable) */
  createdAt: string;
};

export type PrintPanelProps = {
  agreementId: string;
  /** APPROVED or FILED */
  printable: boolean;
  canPreview: boolean;
  decision: PrintDecision;
  records: PrintRecordView[];
};

export function printPanelProps(actor: Pick<Actor, "role">, detail: AgreementDetail): PrintPanelProps {
  return {
    agreementId: detail.id,
    printable: isPrintable(detail.status),
    canPreview: previewDecision(actor.role, detail.status).allowed,
    decision: printDecision(actor.role, detail.status, detail.printRecords),
    records: detail.printRecords.map((r) => ({
      id: r.id,
      printedByName: r.printedBy.name,
      role: r.role,
      copies: r.copies,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
