import { AgreementSheet } from "@/lib/agreement/agreement-sheet";
import { toSheetData } from "@/lib/agreement/sheet-data";
import type { AgreementDetail } from "@/lib/workflow/queries";
import { paperFormSettings } from "@/lib/settings/paperless";

/**
 * The agreement as the pages show it: 身份证号 masked, and the 就业报到证抬头 row only where
 * the office's setting keeps it — the setting the PDF follows (lib/printing/service.ts).
 */
export async function AgreementOnScreen({ agreement }: { agreement: AgreementDetail }) {
  const { showReportTitle } = await paperFormSettings();
  return <AgreementSheet data={toSheetData(agreement, { maskIdNumber: true, showReportTitle })} variant="screen" />;
}
