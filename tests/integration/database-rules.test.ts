// Rules the database enforces by itself, whatever code runs against it.
import type { Db } from "@/lib/db/client";
import { saveDraft } from "@/lib/workflow";
import { demoWorld, newStudent, studentForm } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
});

const uniqueViolation = { code: "P2002" };

// PGlite's socket server ends the session after the first refused statement, so these
// refusal-after-refusal checks need a real PostgreSQL (which CI and `npm test` use whenever
// one answers); on the embedded fallback they are reported as skipped, not faked.
const onPostgres = process.env.TEST_DB_MODE === "embedded" ? describe.skip : describe;

onPostgres("one live agreement per student", () => {
  it("a second live agreement is refused by the database itself, a voided one is not live", async () => {
    const s = await newStudent(prisma);
    const first = await saveDraft(s, studentForm(w.soft.employerId!));
    const student = await prisma.student.findUniqueOrThrow({ where: { userId: s.userId! } });
    const row = {
      studentId: student.id,
      employerId: w.bank.employerId!,
      collegeId: student.collegeId,
      graduationYear: 2027,
      studentPhone: "13800000000",
      studentEmail: "a@example.com",
    };
    await expect(prisma.agreement.create({ data: row })).rejects.toMatchObject(uniqueViolation);
    for (const status of ["FILED", "RETURNED", "APPROVED"] as const) {
      await expect(prisma.agreement.create({ data: { ...row, status } })).rejects.toMatchObject(uniqueViolation);
    }
    await prisma.agreement.update({ where: { id: first.agreementId }, data: { status: "CANCELLED" } });
    await expect(prisma.agreement.create({ data: row })).resolves.toMatchObject({ status: "DRAFT" });
  });
});

onPostgres("the audit trail is immutable", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of agreement events", async () => {
    const s = await newStudent(prisma);
    const r = await saveDraft(s, studentForm(w.soft.employerId!));
    const event = await prisma.agreementEvent.findFirstOrThrow({ where: { agreementId: r.agreementId } });
    await expect(prisma.agreementEvent.update({ where: { id: event.id }, data: { actorName: "篡改" } })).rejects.toThrow(/审计记录不可修改或删除/);
    await expect(prisma.agreementEvent.delete({ where: { id: event.id } })).rejects.toThrow(/审计记录不可修改或删除/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AgreementEvent" CASCADE`)).rejects.toThrow(/审计记录不可修改或删除/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).resolves.toBe(0); // no rows, nothing refused
    await prisma.auditLog.create({ data: { actorRole: "OFFICE", entity: "Employer", entityId: "x", action: "approve" } });
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET action = 'y'`)).rejects.toThrow(/审计记录不可修改或删除/);
    expect(await prisma.agreementEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ actorName: event.actorName });
  });

  it("refuses a second event for the same agreement version", async () => {
    const s = await newStudent(prisma);
    const r = await saveDraft(s, studentForm(w.soft.employerId!));
    await expect(
      prisma.agreementEvent.create({
        data: { agreementId: r.agreementId, version: 1, action: "saveDraft", actorRole: "STUDENT", actorName: "x", toStatus: "DRAFT" },
      }),
    ).rejects.toMatchObject(uniqueViolation);
  });
});
