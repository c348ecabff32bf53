-- #17.4: each print's number of its agreement (第 N 次打印). A reprint (N > 1) carries
-- "补打 · 第 N 次打印" on every page; the first print stays unmarked. Earlier prints are
-- numbered in the order they were made.
ALTER TABLE "PrintRecord" ADD COLUMN "printNo" INTEGER NOT NULL DEFAULT 1;

UPDATE "PrintRecord" p SET "printNo" = n.rn
FROM (SELECT "id", row_number() OVER (PARTITION BY "agreementId" ORDER BY "createdAt", "id") AS rn FROM "PrintRecord") n
WHERE n."id" = p."id";

ALTER TABLE "PrintRecord" ALTER COLUMN "printNo" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "PrintRecord_agreementId_printNo_key" ON "PrintRecord"("agreementId", "printNo");
