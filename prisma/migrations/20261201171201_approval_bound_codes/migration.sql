-- #12: the verification code printed on an agreement is bound to the approval it was printed
-- under. Each 通过 counts one more; agreements approved before this count 0, whose code is the
-- one they always had (it keeps verifying until a return, then never again).

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "approvals" INTEGER NOT NULL DEFAULT 0;
