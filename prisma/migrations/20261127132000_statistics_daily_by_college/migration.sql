-- StatDaily per 学院 instead of per 专业: per 专业 it held about one row per event (1.75M
-- rows for 1M agreements). It is a cache rebuilt by lib/statistics/refresh.ts.
DELETE FROM "StatDaily";
DELETE FROM "StatRefresh";

-- AlterTable
ALTER TABLE "StatDaily" DROP CONSTRAINT "StatDaily_pkey",
DROP COLUMN "majorId",
ADD CONSTRAINT "StatDaily_pkey" PRIMARY KEY ("day", "action", "graduationYear", "collegeId", "educationCode");
