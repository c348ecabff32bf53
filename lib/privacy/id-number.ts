// Who sees a graduate's full 身份证号 — the one rule, used by pages, the PDF service and the
// exports (docs/privacy.md has the table):
// - the official document (打印 or the signed electronic original, only once APPROVED/FILED,
//   to whom the print rules allow): full — the national form needs it, and every party gets
//   the same file;
// - the 样张 preview: full for the student (their own number), the 学院's counselors and
//   the office; masked for the unit (a unit never receives the full number before the
//   agreement is approved, and it never prints);
// - every screen and every export: masked, for everyone.
import type { Role } from "@/lib/generated/prisma/enums";
import { maskIdNumber } from "@/lib/validation/id-card";

export type IdNumberUse = "official" | "preview" | "screen" | "export";

export function seesFullIdNumber(viewer: Role, use: IdNumberUse): boolean {
  if (use === "official") return true; // issued only after approval (lib/printing/rules.ts)
  if (use === "preview") return viewer !== "EMPLOYER";
  return false;
}

/** The number as this viewer may see it in this use. */
export function idNumberFor(viewer: Role, use: IdNumberUse, idNumber: string): string {
  return seesFullIdNumber(viewer, use) ? idNumber : maskIdNumber(idNumber);
}
