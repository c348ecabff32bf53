-- 解约 and 签约邀请 (#14): the new agreement states. Their own migration: PostgreSQL lets a
-- new enum value be used (the live-agreement index of the next migration) only once committed.

-- AlterEnum
ALTER TYPE "AgreementStatus" ADD VALUE 'INVITED';
ALTER TYPE "AgreementStatus" ADD VALUE 'INVITATION_DECLINED';
ALTER TYPE "AgreementStatus" ADD VALUE 'INVITATION_WITHDRAWN';
ALTER TYPE "AgreementStatus" ADD VALUE 'INVITATION_LAPSED';

-- CreateEnum
CREATE TYPE "TerminationStatus" AS ENUM ('AWAITING_PARTY', 'AWAITING_COLLEGE', 'AWAITING_OFFICE');
