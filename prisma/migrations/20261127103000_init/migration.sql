-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STUDENT', 'EMPLOYER', 'COUNSELOR', 'OFFICE');

-- CreateEnum
CREATE TYPE "ActorRole" AS ENUM ('STUDENT', 'EMPLOYER', 'COUNSELOR', 'OFFICE', 'SYSTEM');

-- CreateEnum
CREATE TYPE "SourceStatus" AS ENUM ('PENDING_COLLEGE', 'PENDING_OFFICE', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "EmployerStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'PENDING_EMPLOYER', 'RETURNED', 'PENDING_STUDENT_CONFIRM', 'PENDING_COLLEGE_REVIEW', 'APPROVED', 'FILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Setting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "schoolName" TEXT NOT NULL,
    "signingNotice" TEXT NOT NULL,
    "breachNotice" TEXT NOT NULL,
    "autoConfirmDays" INTEGER NOT NULL DEFAULT 7,
    "copiesPerPrint" INTEGER NOT NULL DEFAULT 3,
    "currentTermsId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementTerms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "AgreementTerms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "College" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "College_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Major" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "collegeId" UUID NOT NULL,

    CONSTRAINT "Major_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "collegeId" UUID,
    "employerId" UUID,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "username" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "Student" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "studentNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "ethnicityCode" TEXT NOT NULL,
    "politicalCode" TEXT NOT NULL,
    "trainingMode" TEXT NOT NULL,
    "educationCode" TEXT NOT NULL,
    "schoolingYears" INTEGER NOT NULL,
    "graduationMonth" TEXT NOT NULL,
    "graduationYear" INTEGER NOT NULL,
    "collegeId" UUID NOT NULL,
    "majorId" UUID NOT NULL,
    "idNumber" TEXT NOT NULL,
    "originProvince" TEXT NOT NULL,
    "originCity" TEXT NOT NULL,
    "homeAddress" TEXT NOT NULL,
    "sourceStatus" "SourceStatus" NOT NULL DEFAULT 'PENDING_COLLEGE',
    "sourceNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Student_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "orgCode" TEXT NOT NULL,
    "department" TEXT,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "natureCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "reportTitle" TEXT,
    "partyOrgReceiver" TEXT,
    "archiveAddress" TEXT,
    "settleCity" TEXT,
    "defaultOpinion" TEXT,
    "status" "EmployerStatus" NOT NULL DEFAULT 'PENDING',
    "rejectReason" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Employer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementNo" TEXT,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "studentId" UUID NOT NULL,
    "employerId" UUID NOT NULL,
    "collegeId" UUID NOT NULL,
    "graduationYear" INTEGER NOT NULL,
    "termsId" UUID,
    "studentSnapshot" JSONB,
    "studentPhone" TEXT NOT NULL,
    "studentEmail" TEXT NOT NULL,
    "studentOpinion" TEXT NOT NULL DEFAULT '同意',
    "unitName" TEXT,
    "unitOrgCode" TEXT,
    "unitDepartment" TEXT,
    "unitContactName" TEXT,
    "unitContactPhone" TEXT,
    "unitEmail" TEXT,
    "unitAddress" TEXT,
    "unitPostalCode" TEXT,
    "unitNatureCode" TEXT,
    "unitReportTitle" TEXT,
    "unitPartyOrgReceiver" TEXT,
    "unitArchiveAddress" TEXT,
    "unitSettleCity" TEXT,
    "employerOpinion" TEXT,
    "authorityOpinion" TEXT,
    "schoolContact" TEXT,
    "schoolPhone" TEXT,
    "schoolPostalCode" TEXT,
    "schoolMailAddress" TEXT,
    "collegeOpinion" TEXT,
    "schoolOpinion" TEXT,
    "returnReason" TEXT,
    "returnedByRole" "ActorRole",
    "returnedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "savedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "employerSignedAt" TIMESTAMP(3),
    "signedById" UUID,
    "autoConfirmAt" TIMESTAMP(3),
    "studentConfirmedAt" TIMESTAMP(3),
    "autoConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "filedAt" TIMESTAMP(3),
    "filedById" UUID,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" UUID,
    "actorRole" "ActorRole" NOT NULL,
    "actorName" TEXT NOT NULL,
    "fromStatus" "AgreementStatus",
    "toStatus" "AgreementStatus" NOT NULL,
    "changes" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementNumberSequence" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgreementNumberSequence_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "PrintRecord" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementId" UUID NOT NULL,
    "printedById" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "copies" INTEGER NOT NULL,
    "reason" TEXT,
    "pdfHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrintRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "agreementId" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actorId" UUID,
    "actorRole" "ActorRole" NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgreementTerms_version_key" ON "AgreementTerms"("version");

-- CreateIndex
CREATE UNIQUE INDEX "College_code_key" ON "College"("code");

-- CreateIndex
CREATE UNIQUE INDEX "College_name_key" ON "College"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Major_code_key" ON "Major"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Major_collegeId_name_key" ON "Major"("collegeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_collegeId_idx" ON "User"("collegeId");

-- CreateIndex
CREATE INDEX "User_employerId_idx" ON "User"("employerId");

-- CreateIndex
CREATE UNIQUE INDEX "Student_userId_key" ON "Student"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Student_studentNo_key" ON "Student"("studentNo");

-- CreateIndex
CREATE UNIQUE INDEX "Student_idNumber_key" ON "Student"("idNumber");

-- CreateIndex
CREATE INDEX "Student_collegeId_sourceStatus_idx" ON "Student"("collegeId", "sourceStatus");

-- CreateIndex
CREATE INDEX "Student_graduationYear_collegeId_idx" ON "Student"("graduationYear", "collegeId");

-- CreateIndex
CREATE INDEX "Student_majorId_idx" ON "Student"("majorId");

-- CreateIndex
CREATE INDEX "Student_name_idx" ON "Student"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_orgCode_key" ON "Employer"("orgCode");

-- CreateIndex
CREATE INDEX "Employer_status_name_idx" ON "Employer"("status", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_agreementNo_key" ON "Agreement"("agreementNo");

-- CreateIndex
CREATE INDEX "Agreement_status_autoConfirmAt_idx" ON "Agreement"("status", "autoConfirmAt");

-- CreateIndex
CREATE INDEX "Agreement_employerId_status_idx" ON "Agreement"("employerId", "status");

-- CreateIndex
CREATE INDEX "Agreement_collegeId_status_idx" ON "Agreement"("collegeId", "status");

-- CreateIndex
CREATE INDEX "Agreement_graduationYear_status_idx" ON "Agreement"("graduationYear", "status");

-- CreateIndex
CREATE INDEX "Agreement_approvedById_approvedAt_idx" ON "Agreement"("approvedById", "approvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementEvent_agreementId_version_key" ON "AgreementEvent"("agreementId", "version");

-- CreateIndex
CREATE INDEX "AgreementEvent_createdAt_idx" ON "AgreementEvent"("createdAt");

-- CreateIndex
CREATE INDEX "PrintRecord_agreementId_createdAt_idx" ON "PrintRecord"("agreementId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_currentTermsId_fkey" FOREIGN KEY ("currentTermsId") REFERENCES "AgreementTerms"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementTerms" ADD CONSTRAINT "AgreementTerms_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Major" ADD CONSTRAINT "Major_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_majorId_fkey" FOREIGN KEY ("majorId") REFERENCES "Major"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_termsId_fkey" FOREIGN KEY ("termsId") REFERENCES "AgreementTerms"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementEvent" ADD CONSTRAINT "AgreementEvent_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintRecord" ADD CONSTRAINT "PrintRecord_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrintRecord" ADD CONSTRAINT "PrintRecord_printedById_fkey" FOREIGN KEY ("printedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
