-- Paperless agreements (#15): 电子协议 / 纸质 mode per graduation year, electronic seals,
-- 鉴证, issued (signed) documents, 回传 scans, the content hash of each signing act.

-- CreateEnum
CREATE TYPE "SigningMode" AS ENUM ('PAPER', 'ELECTRONIC');

-- CreateEnum
CREATE TYPE "SealKind" AS ENUM ('UNIT', 'COLLEGE', 'SCHOOL');

-- CreateEnum
CREATE TYPE "SealStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Setting" ADD COLUMN "showReportTitle" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "requireScanForFiling" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Employer" ADD COLUMN "sealId" UUID;

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN "signingMode" "SigningMode" NOT NULL DEFAULT 'PAPER',
ADD COLUMN "attestedAt" TIMESTAMP(3),
ADD COLUMN "attestedById" UUID;

-- AlterTable
ALTER TABLE "AgreementEvent" ADD COLUMN "contentHash" TEXT;

-- CreateTable
CREATE TABLE "GraduationYearSetting" (
    "graduationYear" INTEGER NOT NULL,
    "signingMode" "SigningMode" NOT NULL DEFAULT 'PAPER',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "GraduationYearSetting_pkey" PRIMARY KEY ("graduationYear")
);

-- CreateTable
CREATE TABLE "Seal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "SealKind" NOT NULL,
    "employerId" UUID,
    "collegeId" UUID,
    "png" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "widthPx" INTEGER NOT NULL,
    "heightPx" INTEGER NOT NULL,
    "status" "SealStatus" NOT NULL DEFAULT 'PENDING',
    "rejectReason" TEXT,
    "uploadedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,

    CONSTRAINT "Seal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementId" UUID NOT NULL,
    "agreementVersion" INTEGER NOT NULL,
    "mode" "SigningMode" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "signerName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementScan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agreementId" UUID NOT NULL,
    "agreementVersion" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementScan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Seal_employerId_status_reviewedAt_idx" ON "Seal"("employerId", "status", "reviewedAt");

-- CreateIndex
CREATE INDEX "Seal_collegeId_status_reviewedAt_idx" ON "Seal"("collegeId", "status", "reviewedAt");

-- CreateIndex
CREATE INDEX "Seal_kind_status_reviewedAt_idx" ON "Seal"("kind", "status", "reviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_sha256_key" ON "IssuedDocument"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_agreementId_contentHash_key" ON "IssuedDocument"("agreementId", "contentHash");

-- CreateIndex
CREATE INDEX "AgreementScan_agreementId_createdAt_idx" ON "AgreementScan"("agreementId", "createdAt");

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementScan" ADD CONSTRAINT "AgreementScan_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
