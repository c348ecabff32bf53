-- Every status change of an agreement writes an entry into each of its indexes (the row
-- moves: no HOT update while status is indexed), so indexes that hold nothing useful cost
-- every transition, and the auto-confirm sweep 100,000 times over.

-- (status, autoConfirmAt) duplicated the partial index "Agreement_due_auto_confirm"
-- (autoConfirmAt WHERE status = 'PENDING_STUDENT_CONFIRM'), which serves the sweep and
-- the 24-hour reminder.
DROP INDEX "Agreement_status_autoConfirmAt_idx";

-- The counselor's last approval (to prefill the school fields) is looked up by approver;
-- an agreement nobody has approved yet has no place in that index.
DROP INDEX "Agreement_approvedById_approvedAt_idx";
CREATE INDEX "Agreement_last_approval" ON "Agreement"("approvedById", "approvedAt") WHERE "approvedById" IS NOT NULL;
