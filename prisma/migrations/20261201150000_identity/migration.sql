-- Identity (#11): server-side sessions, one-time initial passwords, rate-limit counters,
-- and how each audited act was authenticated (AgreementEvent and AuditLog).

-- CreateEnum
CREATE TYPE "AuthMethod" AS ENUM ('PASSWORD', 'SSO');

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL,
ADD COLUMN     "initialPasswordHash" TEXT,
ADD COLUMN     "initialPasswordExpiresAt" TIMESTAMP(3),
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AgreementEvent" ADD COLUMN     "actorAuthMethod" "AuthMethod",
ADD COLUMN     "actorAuthAt" TIMESTAMP(3),
ADD COLUMN     "actorSessionId" UUID,
ADD COLUMN     "actorIp" TEXT,
ADD COLUMN     "actorUserAgent" TEXT;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorAuthMethod" "AuthMethod",
ADD COLUMN     "actorAuthAt" TIMESTAMP(3),
ADD COLUMN     "actorSessionId" UUID,
ADD COLUMN     "actorIp" TEXT,
ADD COLUMN     "actorUserAgent" TEXT;

-- AlterTable: the initial passwords of an import's new accounts, sealed, until its report is downloaded once
ALTER TABLE "ImportJob" ADD COLUMN     "credentials" BYTEA;

-- DropTable: the old per-name throttle (replaced by RateLimit)
DROP TABLE "LoginThrottle";

-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "authMethod" "AuthMethod" NOT NULL,
    "authenticatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Unit usernames are e-mail addresses, compared without case.
UPDATE "User" SET "username" = lower("username") WHERE "role" = 'EMPLOYER' AND "username" <> lower("username");

-- Imported graduates had the last six characters of their 身份证号 as password, which anyone
-- holding the number could derive: those passwords stop working. The office resets
-- them (a random initial password, shown once), or the graduate signs in through SSO.
UPDATE "User" u SET "passwordHash" = NULL, "mustChangePassword" = true
FROM "Student" s
WHERE s."userId" = u."id" AND u."passwordChangedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."entity" = 'Student' AND a."entityId" = s."id"::text AND a."action" = 'import');
