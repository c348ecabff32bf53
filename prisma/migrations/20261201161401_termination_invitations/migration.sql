-- 解约 online and 签约邀请 of units (#14).

-- AlterTable
ALTER TABLE "Setting" ADD COLUMN "terminationAnswerDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN "terminationOfficeReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "terminationsPerYear" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "unitsMayStartTermination" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "invitationsEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "invitationAnswerDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN "studentSigningEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN "terminationStatus" "TerminationStatus",
ADD COLUMN "terminationBy" "ActorRole",
ADD COLUMN "terminationReason" TEXT,
ADD COLUMN "terminationRequestedAt" TIMESTAMP(3),
ADD COLUMN "terminationAnswerBy" TIMESTAMP(3),
ADD COLUMN "terminationAgreedAt" TIMESTAMP(3),
ADD COLUMN "terminationLetterId" UUID,
ADD COLUMN "previousAgreementNo" TEXT,
ADD COLUMN "invitedAt" TIMESTAMP(3),
ADD COLUMN "invitedById" UUID,
ADD COLUMN "invitationAnswerBy" TIMESTAMP(3),
ADD COLUMN "invitationDeclineReason" TEXT,
ADD COLUMN "supplementaryTerms" JSONB;

-- CreateTable
CREATE TABLE "TerminationLetter" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementId" UUID,
    "uploadedById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TerminationLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerminationException" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "studentId" UUID NOT NULL,
    "graduationYear" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TerminationException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Agreement_previousAgreementNo_idx" ON "Agreement"("previousAgreementNo");
CREATE INDEX "TerminationLetter_agreementId_idx" ON "TerminationLetter"("agreementId");
CREATE INDEX "TerminationLetter_uploadedById_createdAt_idx" ON "TerminationLetter"("uploadedById", "createdAt");
CREATE INDEX "TerminationException_studentId_graduationYear_idx" ON "TerminationException"("studentId", "graduationYear");

-- AddForeignKey
ALTER TABLE "TerminationLetter" ADD CONSTRAINT "TerminationLetter_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "TerminationException" ADD CONSTRAINT "TerminationException_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One live agreement per student: an invitation (pending or closed) is not live, nor is a
-- cancelled agreement; accepting an invitation makes it live, so two accepted at once
-- cannot both succeed.
DROP INDEX "Agreement_one_live_per_student";
CREATE UNIQUE INDEX "Agreement_one_live_per_student" ON "Agreement"("studentId")
  WHERE "status" NOT IN ('CANCELLED', 'INVITED', 'INVITATION_DECLINED', 'INVITATION_WITHDRAWN', 'INVITATION_LAPSED');

-- A unit cannot invite the same graduate again while an invitation is pending.
CREATE UNIQUE INDEX "Agreement_one_pending_invitation" ON "Agreement"("studentId", "employerId") WHERE "status" = 'INVITED';

-- Due lapses (the scheduled jobs): pending answers past their deadline.
CREATE INDEX "Agreement_due_invitation_lapse" ON "Agreement"("invitationAnswerBy") WHERE "status" = 'INVITED';
CREATE INDEX "Agreement_due_termination_lapse" ON "Agreement"("terminationAnswerBy") WHERE "terminationStatus" = 'AWAITING_PARTY';
