-- #12: an approved unit's change of 单位名称, 统一社会信用代码 or 单位性质 waits for the office's
-- review (变更待审核); meanwhile the unit keeps its approved identity (name, orgCode, natureCode).

-- AlterTable
ALTER TABLE "Employer" ADD COLUMN     "proposedName" TEXT,
ADD COLUMN     "proposedOrgCode" TEXT,
ADD COLUMN     "proposedNatureCode" TEXT,
ADD COLUMN     "changeRequestedAt" TIMESTAMP(3),
ADD COLUMN     "changeRejectReason" TEXT;
