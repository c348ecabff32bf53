-- Rules the database itself enforces, beyond what schema.prisma can say.

-- At most one live agreement per student (DESIGN.md: "enforce it in the database").
-- Only an agreement voided by the office (违约, handled offline) stops being live.
CREATE UNIQUE INDEX "Agreement_one_live_per_student" ON "Agreement"("studentId") WHERE "status" <> 'CANCELLED';

-- Finding an agreement by 协议书号 or listing due auto-confirmations stays an index scan.
CREATE INDEX "Agreement_due_auto_confirm" ON "Agreement"("autoConfirmAt") WHERE "status" = 'PENDING_STUDENT_CONFIRM';

-- Audit rows are immutable: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION "wq_refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计记录不可修改或删除 (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;

CREATE TRIGGER "AgreementEvent_immutable" BEFORE UPDATE OR DELETE ON "AgreementEvent"
  FOR EACH ROW EXECUTE FUNCTION "wq_refuse_audit_change"();
CREATE TRIGGER "AgreementEvent_no_truncate" BEFORE TRUNCATE ON "AgreementEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "wq_refuse_audit_change"();
CREATE TRIGGER "AuditLog_immutable" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "wq_refuse_audit_change"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "wq_refuse_audit_change"();
