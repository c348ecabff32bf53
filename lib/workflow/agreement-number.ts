import type { Tx } from "@/lib/db/client";

/** 协议书号: graduation year + a 6-digit sequence of that year, e.g. 2027-000123. */
export async function nextAgreementNumber(tx: Tx, year: number): Promise<string> {
  // One upsert statement: concurrent submissions each get their own number.
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "AgreementNumberSequence" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "AgreementNumberSequence"."last" + 1
    RETURNING "last"`;
  return `${year}-${String(rows[0].last).padStart(6, "0")}`;
}

/** Accepts 2027-000123, 2027000123 or with spaces; returns the canonical form or null. */
export function normalizeAgreementNumber(raw: string): string | null {
  const m = raw.replace(/\s+/g, "").match(/^(\d{4})-?(\d{6})$/);
  return m ? `${m[1]}-${m[2]}` : null;
}
