// npm run bench:sweep — 100,000 overdue agreements confirmed by ONE autoConfirmDue (the median
// of BENCH_ROUNDS=3 rounds, each on 100,000 fresh overdue agreements: the machine is noisy), against
// the one-by-one way (autoConfirmOne per agreement, i.e. runTransition each) measured in the
// same run on 10,000 fresh overdue agreements. Uses its own throw-away database on
// TEST_DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432/postgres).
// BENCH_N / BENCH_LOOP_N / BENCH_ROUNDS change the sizes; BENCH_KEEP_DB=1 keeps the database and
// BENCH_PREPARE_ONLY=1 stops before the sweep (for EXPLAIN ANALYZE by hand).
// Last line: BENCH sweep n=100000 ms=<ours> loop_n=<n> loop_ms=<loop>
import { Client } from "pg";
import { createPrisma } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { autoConfirmDue, autoConfirmOne } from "../lib/workflow/actions/auto-confirm-due";

const N = Number(process.env.BENCH_N ?? 100_000);
const LOOP_N = Number(process.env.BENCH_LOOP_N ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const COLLEGES = 20;
const EMPLOYERS = 200;

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The university around the agreements: 学院 with one counselor each, 专业, units. */
async function seedUniversity(c: Client) {
  await c.query(`
    INSERT INTO "College" (code, name) SELECT lpad(g::text, 2, '0'), '学院' || g FROM generate_series(1, ${COLLEGES}) g;
    INSERT INTO "Major" (code, name, "collegeId") SELECT 'M' || c.code, '专业' || c.code, c.id FROM "College" c;
    INSERT INTO "User" (username, "passwordHash", role, name, email, "collegeId", "updatedAt")
      SELECT 'fdy' || c.code, 'x', 'COUNSELOR', '辅导员' || c.code, 'fdy' || c.code || '@bench.example', c.id, now() FROM "College" c;
    INSERT INTO "Employer" (name, "orgCode", "contactName", "contactPhone", email, address, "postalCode", "natureCode", "provinceCode", status, "updatedAt")
      SELECT '单位' || g, 'ORG' || lpad(g::text, 15, '0'), '联系人', '0451-12345678', 'hr' || g || '@bench.example', '地址', '150001', '39', '23', 'APPROVED', now()
      FROM generate_series(1, ${EMPLOYERS}) g;
  `);
}

/** `count` students (one user each) with one overdue agreement each, numbered from `offset`. */
async function insertOverdue(c: Client, offset: number, count: number) {
  await c.query(`
    WITH colleges AS (SELECT c.id, m.id AS major_id, row_number() OVER (ORDER BY c.code) - 1 AS i FROM "College" c JOIN "Major" m ON m."collegeId" = c.id),
    employers AS (SELECT id, row_number() OVER (ORDER BY "orgCode") - 1 AS i FROM "Employer"),
    nums AS (SELECT g FROM generate_series($1::int + 1, $1::int + $2::int) g),
    users AS (
      INSERT INTO "User" (username, "passwordHash", role, name, "updatedAt")
      SELECT 'B' || lpad(g::text, 9, '0'), 'x', 'STUDENT', '学生' || g, now() FROM nums
      RETURNING id, username
    ),
    students AS (
      INSERT INTO "Student" ("userId", "studentNo", name, gender, "ethnicityCode", "politicalCode", "trainingMode", "educationCode",
        "schoolingYears", "graduationMonth", "graduationYear", "collegeId", "majorId", "idNumber", "originProvince", "originCity",
        "homeAddress", "sourceStatus", "updatedAt")
      SELECT u.id, u.username, '学生' || substr(u.username, 2)::int, 'MALE', '01', '13', '01', '31', 4, '202706', 2027, c.id, c.major_id,
        'ID' || u.username, '230000', '230100', '地址', 'APPROVED', now()
      FROM users u JOIN colleges c ON c.i = substr(u.username, 2)::int % ${COLLEGES}
      RETURNING id, "studentNo", "collegeId"
    )
    INSERT INTO "Agreement" (status, version, "studentId", "employerId", "collegeId", "graduationYear", "studentPhone", "studentEmail",
      "employerSignedAt", "autoConfirmAt", "submittedAt", "savedAt", "updatedAt")
    SELECT 'PENDING_STUDENT_CONFIRM', 3, s.id, e.id, s."collegeId", 2027, '13800000000', s."studentNo" || '@stu.bench.example',
      (now() AT TIME ZONE 'UTC') - interval '8 days', (now() AT TIME ZONE 'UTC') - interval '1 day' + (substr(s."studentNo", 2)::int % 3600) * interval '1 second',
      (now() AT TIME ZONE 'UTC') - interval '9 days', (now() AT TIME ZONE 'UTC') - interval '9 days', (now() AT TIME ZONE 'UTC') - interval '8 days'
    FROM students s JOIN employers e ON e.i = substr(s."studentNo", 2)::int % ${EMPLOYERS}`,
    [offset, count],
  );
  await c.query(`ANALYZE`);
}

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `wq_bench_sweep_${Date.now()}_${process.pid}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const db = createPrisma(url, 4);
  try {
    await migrate(url);
    await withClient(url, seedUniversity);
    await db.$queryRawUnsafe("SELECT 1"); // open the pool before timing
    const counts = async () =>
      (
        await db.$queryRawUnsafe<{ events: number; digests: number; notes: number; mails: number; left: number }[]>(`
      SELECT (SELECT count(*) FROM "AgreementEvent" WHERE action = 'autoConfirm')::int AS events,
             (SELECT count(*) FROM "Notification" WHERE kind = 'agreement.waiting_review_digest')::int AS digests,
             (SELECT count(*) FROM "Notification")::int AS notes,
             (SELECT count(*) FROM "OutboxEmail")::int AS mails,
             (SELECT count(*) FROM "Agreement" WHERE status = 'PENDING_STUDENT_CONFIRM')::int AS left`)
      )[0];
    // The machine is noisy: ROUNDS sweeps, each of N fresh overdue agreements; the median counts.
    const sweepRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      console.log(`[bench] 第 ${round + 1}/${ROUNDS} 轮：准备 ${N} 份逾期待确认协议…`);
      let t = Date.now();
      await withClient(url, (c) => insertOverdue(c, round * N, N));
      console.log(`[bench] 准备完成 ${Date.now() - t} ms`);
      if (process.env.BENCH_PREPARE_ONLY === "1") return;
      const before = await counts();
      t = performance.now();
      const sweep = await autoConfirmDue(new Date(), db);
      const sweepMs = Math.round(performance.now() - t);
      if (sweep.confirmed !== N) throw new Error(`sweep confirmed ${sweep.confirmed}, expected ${N}`);
      const after = await counts();
      const check = { events: after.events - before.events, digests: after.digests - before.digests, notes: after.notes - before.notes, mails: after.mails - before.mails, left: after.left };
      // each 学院's counselor gets one digest (in-app and e-mail) per statement of the sweep
      const statements = Math.ceil(N / (Number(process.env.WQ_SWEEP_BATCH) || 25_000)) + 2;
      const digestsOk = check.digests >= COLLEGES && check.digests <= COLLEGES * statements;
      if (check.events !== N || check.left !== 0 || !digestsOk || check.notes !== check.digests || check.mails !== check.digests) {
        throw new Error(`unexpected result of the sweep: ${JSON.stringify(check)}`);
      }
      console.log(`[bench] 集合式扫描: ${N} 份 ${sweepMs} ms（审计事件 ${check.events}，辅导员汇总通知 ${check.digests}，邮件 ${check.mails}）`);
      sweepRuns.push(sweepMs);
    }
    const sorted = [...sweepRuns].sort((x, y) => x - y);
    const sweepMs = sorted[Math.floor(sorted.length / 2)];
    console.log(`[bench] 集合式扫描 ${ROUNDS} 轮: ${sweepRuns.join(" / ")} ms，中位数 ${sweepMs} ms`);

    console.log(`[bench] 准备 ${LOOP_N} 份新的逾期协议，逐份确认…`);
    await withClient(url, (c) => insertOverdue(c, ROUNDS * N, LOOP_N));
    const rows = await db.agreement.findMany({ where: { status: "PENDING_STUDENT_CONFIRM" }, select: { id: true, version: true } });
    const t = performance.now();
    let confirmed = 0;
    const now = new Date();
    for (const row of rows) {
      if ((await autoConfirmOne(row.id, row.version, now, db)).outcome === "confirmed") confirmed++;
    }
    const loopMs = Math.round(performance.now() - t);
    if (confirmed !== LOOP_N) throw new Error(`loop confirmed ${confirmed}, expected ${LOOP_N}`);
    console.log(`[bench] 逐份确认: ${LOOP_N} 份 ${loopMs} ms（折合 ${N} 份约 ${Math.round((loopMs * N) / LOOP_N)} ms）`);
    console.log(`BENCH sweep n=${N} ms=${sweepMs} loop_n=${LOOP_N} loop_ms=${loopMs}`);
  } finally {
    await db.$disconnect();
    if (process.env.BENCH_KEEP_DB === "1") console.log(`[bench] 保留数据库 ${name}`);
    else await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
