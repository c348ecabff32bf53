// npm run bench:batch — 批量签约 of 500 pending agreements in ONE request (batchSignAsEmployer,
// set-based), against signing the same number one by one (signAsEmployer each) measured in
// the same run on another 500. Own throw-away database on TEST_DATABASE_URL's server
// (default postgresql://postgres@127.0.0.1:5432/postgres). BENCH_N changes the size.
// Last line: BENCH batch n=500 ms=<ours> loop_ms=<loop>
import { Client } from "pg";
import { createPrisma } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { batchSignAsEmployer } from "../lib/workflow/actions/batch-sign-as-employer";
import { signAsEmployer } from "../lib/workflow/actions/sign-as-employer";
import { signatureFromProfile } from "../lib/agreement/unit-section";
import { employerSignSchema } from "../lib/workflow/schemas";
import { seedDemo } from "../prisma/seed-data";

const N = Number(process.env.BENCH_N ?? 500);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** `count` graduates of 学院 01, each with an agreement waiting for the unit (as after 正式提交). */
async function insertPending(url: string, employerId: string, prefix: string, count: number) {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(
    `WITH college AS (SELECT c.id, m.id AS major_id FROM "College" c JOIN "Major" m ON m."collegeId" = c.id WHERE c.code = '01' ORDER BY m.code LIMIT 1),
     users AS (
       INSERT INTO "User" (username, "passwordHash", role, name, "updatedAt")
       SELECT $1 || lpad(g::text, 6, '0'), 'x', 'STUDENT', '学生' || g, now() FROM generate_series(1, $2::int) g RETURNING id, username
     ),
     students AS (
       INSERT INTO "Student" ("userId", "studentNo", name, gender, "ethnicityCode", "politicalCode", "trainingMode", "educationCode",
         "schoolingYears", "graduationMonth", "graduationYear", "collegeId", "majorId", "idNumber", "originProvince", "originCity", "homeAddress", "sourceStatus", "updatedAt")
       SELECT u.id, u.username, '学生', 'MALE', '01', '13', '1', '31', 4, '202706', 2027, college.id, college.major_id, 'ID' || u.username, '23', '2301', '地址', 'APPROVED', now()
       FROM users u, college RETURNING id, "collegeId"
     )
     INSERT INTO "Agreement" ("studentId", "employerId", "collegeId", "graduationYear", status, version, "studentPhone", "studentEmail", "submittedAt", "savedAt", "updatedAt")
     SELECT s.id, $3::uuid, s."collegeId", 2027, 'PENDING_EMPLOYER', 2, '13800000000', 's@example.com', now(), now(), now() FROM students s`,
    [prefix, count, employerId],
  );
  const { rows } = await c.query<{ id: string; version: number }>(
    `SELECT a.id, a.version FROM "Agreement" a JOIN "Student" s ON s.id = a."studentId" WHERE s."studentNo" LIKE $1 || '%' ORDER BY s."studentNo"`,
    [prefix],
  );
  await c.end();
  return rows.map((r) => ({ agreementId: r.id, version: r.version }));
}

async function main() {
  const name = `wq_bench_batch_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const prisma = createPrisma(dbUrl, 5);
  (globalThis as unknown as { wqPrisma?: typeof prisma }).wqPrisma = prisma;
  try {
    await migrate(dbUrl);
    await seedDemo(prisma);
    const staff = await prisma.user.findUniqueOrThrow({ where: { username: "hr@demo-soft.example" } });
    const actor = { userId: staff.id, role: staff.role, name: staff.name, collegeId: null, employerId: staff.employerId };
    const employer = await prisma.employer.findUniqueOrThrow({ where: { id: staff.employerId! } });
    // one extra each for the warm-up, so exactly N are timed
    const ours = await insertPending(dbUrl, employer.id, "BA", N + 1);
    const loop = await insertPending(dbUrl, employer.id, "BL", N + 1);
    // warm-up: connections, prepared plans
    await batchSignAsEmployer(actor, ours.slice(0, 1));

    const t0 = performance.now();
    const outcomes = await batchSignAsEmployer(actor, ours.slice(1));
    const oursMs = performance.now() - t0;
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed) throw new Error(`${failed} of the batch failed`);

    const form = employerSignSchema.parse(signatureFromProfile(employer));
    await signAsEmployer(actor, loop[0], form);
    const t1 = performance.now();
    for (const ref of loop.slice(1)) await signAsEmployer(actor, ref, form);
    const loopMs = performance.now() - t1;

    const signed = await prisma.agreement.count({ where: { status: "PENDING_STUDENT_CONFIRM" } });
    const events = await prisma.agreementEvent.count({ where: { action: "sign" } });
    if (signed !== 2 * (N + 1) || events !== 2 * (N + 1)) throw new Error(`expected ${2 * (N + 1)} signed agreements and events, got ${signed} / ${events}`);
    console.log(`batch of ${N}: ${oursMs.toFixed(0)} ms; one by one: ${loopMs.toFixed(0)} ms (${(loopMs / oursMs).toFixed(1)}× slower)`);
    console.log(`BENCH batch n=${N} ms=${Math.round(oursMs)} loop_ms=${Math.round(loopMs)}`);
  } finally {
    await prisma.$disconnect();
    if (process.env.BENCH_KEEP_DB !== "1") await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
