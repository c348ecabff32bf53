// The Setting row (id 1) with its current 协议条款, read once per page render (React's
// cache): the header's school name, the 签约须知, the paper form's switches and the office's
// policy for 解约 and invitations all come from this one statement, not one each. Outside a
// render (a server action, a job) every call reads afresh; transactions read their own.
import { cache } from "react";
import { prisma, type Db, type Tx } from "@/lib/db/client";

export const settingRow = cache(() => prisma.setting.findUnique({ where: { id: 1 }, include: { currentTerms: true } }));

/** The Setting row as `db` reads it: the render's shared read through the app's client, a transaction's own read in it. */
export function settingRowIn(db: Db | Tx) {
  return db === prisma ? settingRow() : db.setting.findUnique({ where: { id: 1 } });
}
