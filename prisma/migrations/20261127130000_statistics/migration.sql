-- CreateTable
CREATE TABLE "StatCohort" (
    "graduationYear" INTEGER NOT NULL,
    "collegeId" UUID NOT NULL,
    "majorId" UUID NOT NULL,
    "educationCode" TEXT NOT NULL,
    "graduates" INTEGER NOT NULL,
    "notStarted" INTEGER NOT NULL,
    "draft" INTEGER NOT NULL,
    "pendingEmployer" INTEGER NOT NULL,
    "returned" INTEGER NOT NULL,
    "pendingStudentConfirm" INTEGER NOT NULL,
    "pendingCollegeReview" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "filed" INTEGER NOT NULL,

    CONSTRAINT "StatCohort_pkey" PRIMARY KEY ("graduationYear","collegeId","majorId","educationCode")
);

-- CreateTable
CREATE TABLE "StatDimension" (
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "graduationYear" INTEGER NOT NULL,
    "collegeId" UUID NOT NULL,
    "majorId" UUID NOT NULL,
    "educationCode" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "StatDimension_pkey" PRIMARY KEY ("dimension","graduationYear","collegeId","majorId","educationCode","value")
);

-- CreateTable
CREATE TABLE "StatDaily" (
    "day" DATE NOT NULL,
    "action" TEXT NOT NULL,
    "graduationYear" INTEGER NOT NULL,
    "collegeId" UUID NOT NULL,
    "majorId" UUID NOT NULL,
    "educationCode" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "StatDaily_pkey" PRIMARY KEY ("day","action","graduationYear","collegeId","majorId","educationCode")
);

-- CreateTable
CREATE TABLE "StatRefresh" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "StatRefresh_pkey" PRIMARY KEY ("id")
);

-- Backlogs (待办积压) are read live from Agreement: these partial indexes hold only the
-- agreements waiting for a unit or for a 学院, ordered by how long they have waited.
CREATE INDEX "Agreement_backlog_employer" ON "Agreement"("employerId", "updatedAt") WHERE "status" = 'PENDING_EMPLOYER';
CREATE INDEX "Agreement_backlog_review" ON "Agreement"("collegeId", "updatedAt") WHERE "status" = 'PENDING_COLLEGE_REVIEW';
