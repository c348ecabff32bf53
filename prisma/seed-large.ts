// npm run db:seed:large — a province-scale data set for the dashboard benchmark:
// 50 universities' worth of 学院 (50 × 15 = 750), 6,000 专业, ~1.1M graduates (with their
// accounts), 4,000 units and 1,000,000 agreements, generated set-based in SQL
// (generate_series + INSERT … SELECT) into DATABASE_URL. Distributions are skewed the way a
// season looks: most agreements already filed or approved, big units receiving many, half
// the units and two thirds of the 生源 in the home province, dates over the last 8 months.
// Refuses to run twice on the same database (it checks for its own 学院 codes).
import { hash } from "bcryptjs";
import { Client } from "pg";
import { DEMO_PASSWORD } from "./seed-data";

export const LARGE = {
  universities: 50,
  collegesPerUniversity: 15,
  majorsPerCollege: 8,
  students: 1_100_000,
  employers: 4_000,
  agreements: 1_000_000,
} as const;

const STEP = (client: Client, label: string, sql: string, params: unknown[] = []) => async () => {
  const t = Date.now();
  const r = await client.query(sql, params);
  console.log(`  ${label}: ${r.rowCount ?? 0} 行, ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

export async function seedLarge(connectionString: string): Promise<{ seconds: number; agreements: number }> {
  const client = new Client({ connectionString });
  await client.connect();
  const started = Date.now();
  try {
    const exists = await client.query(`SELECT count(*)::int AS n FROM "College" WHERE "code" LIKE 'L%'`);
    if (exists.rows[0].n > 0) {
      const n = await client.query(`SELECT count(*)::int AS n FROM "Agreement"`);
      console.log(`已存在大规模数据（协议 ${n.rows[0].n} 份），跳过生成`);
      return { seconds: 0, agreements: n.rows[0].n };
    }
    const passwordHash = await hash(DEMO_PASSWORD, 10);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query("BEGIN");
    const colleges = LARGE.universities * LARGE.collegesPerUniversity;
    const majors = colleges * LARGE.majorsPerCollege;
    const steps = [
      STEP(client, "学院", `
        INSERT INTO "College" ("code", "name")
        SELECT 'L' || lpad(u::text, 2, '0') || lpad(c::text, 2, '0'),
               '第' || u || '大学' || (ARRAY['计算机','电气','机械','土木','经管','外语','数学','物理','化学','材料','能源','航天','建筑','法学','医学'])[c] || '学院'
        FROM generate_series(1, $1::int) u, generate_series(1, $2::int) c`, [LARGE.universities, LARGE.collegesPerUniversity]),
      STEP(client, "专业", `
        INSERT INTO "Major" ("code", "name", "collegeId")
        SELECT c."code" || lpad(k::text, 2, '0'), c."name" || '专业' || k, c."id"
        FROM "College" c, generate_series(1, $1::int) k WHERE c."code" LIKE 'L%'`, [LARGE.majorsPerCollege]),
      STEP(client, "辅导员账号", `
        INSERT INTO "User" ("username", "passwordHash", "role", "name", "collegeId", "updatedAt")
        SELECT 'fdy' || c."code", $1, 'COUNSELOR', '辅导员' || c."code", c."id", now() FROM "College" c WHERE c."code" LIKE 'L%'`, [passwordHash]),
      // numbered majors so a student can pick one by arithmetic
      STEP(client, "专业编号", `
        CREATE TEMP TABLE lm AS SELECT row_number() OVER (ORDER BY m."code") - 1 AS idx, m."id" AS "majorId", m."collegeId" FROM "Major" m WHERE m."code" LIKE 'L%'`),
      STEP(client, "学生账号", `
        INSERT INTO "User" ("username", "passwordHash", "role", "name", "collegeId", "updatedAt")
        SELECT '9' || lpad(n::text, 9, '0'), $2, 'STUDENT', '学生' || n, lm."collegeId", now()
        FROM generate_series(1, $1::bigint) n JOIN lm ON lm.idx = ((n * 104723) % 1000033) % $3::int`, [LARGE.students, passwordHash, majors]),
      STEP(client, "生源信息", `
        INSERT INTO "Student" ("userId", "studentNo", "name", "gender", "ethnicityCode", "politicalCode", "trainingMode", "educationCode",
          "schoolingYears", "graduationMonth", "graduationYear", "collegeId", "majorId", "idNumber", "originProvince", "originCity",
          "homeAddress", "sourceStatus", "updatedAt")
        SELECT u."id", u."username", u."name",
          CASE WHEN (g.n % 500) % 2 = 1 THEN 'MALE'::"Gender" ELSE 'FEMALE'::"Gender" END,
          CASE WHEN g.n % 20 = 0 THEN lpad((2 + g.n % 50)::text, 2, '0') ELSE '01' END,
          (ARRAY['03','03','03','01','02','13'])[1 + g.n % 6],
          CASE WHEN g.n % 25 = 0 THEN '2' ELSE '1' END,
          g.edu, CASE g.edu WHEN '31' THEN 4 WHEN '41' THEN 3 WHEN '11' THEN 3 ELSE 4 END,
          g.year || '06', g.year, lm."collegeId", lm."majorId",
          g.d17 || substr('10X98765432', 1 + (
            substr(g.d17,1,1)::int*7 + substr(g.d17,2,1)::int*9 + substr(g.d17,3,1)::int*10 + substr(g.d17,4,1)::int*5 +
            substr(g.d17,5,1)::int*8 + substr(g.d17,6,1)::int*4 + substr(g.d17,7,1)::int*2 + substr(g.d17,8,1)::int*1 +
            substr(g.d17,9,1)::int*6 + substr(g.d17,10,1)::int*3 + substr(g.d17,11,1)::int*7 + substr(g.d17,12,1)::int*9 +
            substr(g.d17,13,1)::int*10 + substr(g.d17,14,1)::int*5 + substr(g.d17,15,1)::int*8 + substr(g.d17,16,1)::int*4 +
            substr(g.d17,17,1)::int*2) % 11, 1),
          g.prov, g.prov || '01', '家庭地址' || g.n,
          (CASE WHEN g.n % 50 = 0 THEN 'PENDING_COLLEGE' WHEN g.n % 50 = 1 THEN 'PENDING_OFFICE' ELSE 'APPROVED' END)::"SourceStatus",
          now()
        FROM (
          SELECT n,
            CASE WHEN n % 10 < 6 THEN 2027 ELSE 2026 END AS year,
            CASE WHEN n % 10 = 9 THEN '11' WHEN n % 40 = 3 THEN '41' WHEN n % 200 = 7 THEN '01' ELSE '31' END AS edu,
            -- two thirds from the home province, the rest spread over the others
            CASE WHEN ((n * 7877) % 999983) % 3 < 2 THEN '23' ELSE (ARRAY['11','12','13','14','15','21','22','31','32','33','34','35','36','37','41','42','43','44','45','46','50','51','52','53','54','61','62','63','64','65'])[1 + ((n * 7877) % 999983) % 30] END AS prov,
            '230102' || to_char(DATE '1998-01-01' + (n / 500)::int, 'YYYYMMDD') || lpad((n % 500)::text, 3, '0') AS d17
          FROM generate_series(1, $1::bigint) n) g
        JOIN "User" u ON u."username" = '9' || lpad(g.n::text, 9, '0')
        JOIN lm ON lm.idx = ((g.n * 104723) % 1000033) % $2::int`, [LARGE.students, majors]),
      STEP(client, "用人单位", `
        INSERT INTO "Employer" ("name", "orgCode", "contactName", "contactPhone", "email", "address", "postalCode", "natureCode",
          "provinceCode", "status", "updatedAt", "reviewedAt", "defaultOpinion")
        SELECT '大规模测试单位' || k || '有限公司', 'L' || lpad(k::text, 17, '0'), '联系人' || k, '0451-8' || lpad(k::text, 7, '0'),
          'hr' || k || '@large.example', '通讯地址' || k, '150001',
          (ARRAY['39','39','39','39','31','31','31','32','32','29','21','22','23','20','10','40','56','55'])[1 + (k * 13) % 18],
          CASE WHEN k % 2 = 0 THEN '23' ELSE (ARRAY['11','31','44','32','33','21','22','37','42','51'])[1 + k % 10] END,
          (CASE WHEN k % 40 = 0 THEN 'PENDING' WHEN k % 97 = 0 THEN 'REJECTED' ELSE 'APPROVED' END)::"EmployerStatus",
          now(), now(), '同意接收'
        FROM generate_series(1, $1::int) k`, [LARGE.employers]),
      STEP(client, "单位编号", `
        CREATE TEMP TABLE le AS SELECT row_number() OVER (ORDER BY e."orgCode") - 1 AS idx, e."id", e."name", e."natureCode"
        FROM "Employer" e WHERE e."orgCode" LIKE 'L%' AND e."status" = 'APPROVED'`),
      // status by bucket (per mille): FILED 32%, APPROVED 20%, 待学院审核 8%, 待学生确认 7%,
      // 待单位签约 13%, 已退回 5%, 草稿 13%, 作废 2%; the unit by a skewed pick (big units get many)
      STEP(client, "协议", `
        INSERT INTO "Agreement" ("agreementNo", "status", "version", "studentId", "employerId", "collegeId", "graduationYear",
          "studentPhone", "studentEmail", "studentOpinion", "unitName", "unitNatureCode", "employerOpinion",
          "createdAt", "updatedAt", "savedAt", "submittedAt", "employerSignedAt", "autoConfirmAt", "studentConfirmedAt",
          "approvedAt", "filedAt", "cancelledAt", "returnReason", "returnedByRole", "returnedAt")
        SELECT
          CASE WHEN x.st <> 'DRAFT' THEN s."graduationYear" || '-' || lpad((row_number() OVER (PARTITION BY s."graduationYear" ORDER BY x.n))::text, 6, '0') END,
          x.st::"AgreementStatus", 3, s."id", le."id", s."collegeId", s."graduationYear",
          '139' || lpad((x.n % 100000000)::text, 8, '0'), s."studentNo" || '@stu.example', '同意',
          CASE WHEN x.signed THEN le."name" END,
          CASE WHEN x.signed THEN CASE WHEN x.n % 11 = 0 THEN '31' ELSE le."natureCode" END END,
          CASE WHEN x.signed THEN '同意接收' END,
          x.t0, x.t_last, x.t0,
          CASE WHEN x.st <> 'DRAFT' THEN x.t0 + interval '1 hour' END,
          CASE WHEN x.signed THEN x.t1 END,
          CASE WHEN x.signed THEN x.t1 + interval '7 days' END,
          CASE WHEN x.st IN ('PENDING_COLLEGE_REVIEW','APPROVED','FILED') THEN x.t2 END,
          CASE WHEN x.st IN ('APPROVED','FILED') THEN x.t3 END,
          CASE WHEN x.st = 'FILED' THEN x.t4 END,
          CASE WHEN x.st = 'CANCELLED' THEN x.t4 END,
          CASE WHEN x.st = 'RETURNED' THEN '信息有误，请修改后重新提交' END,
          CASE WHEN x.st = 'RETURNED' THEN 'EMPLOYER'::"ActorRole" END,
          CASE WHEN x.st = 'RETURNED' THEN x.t1 END
        FROM (
          SELECT n, b.st, b.st IN ('PENDING_STUDENT_CONFIRM','PENDING_COLLEGE_REVIEW','APPROVED','FILED') AS signed,
            t.t0, t.t1, t.t2, t.t3, t.t4,
            CASE b.st WHEN 'DRAFT' THEN t.t0 WHEN 'PENDING_EMPLOYER' THEN t.t0 + interval '1 hour' WHEN 'RETURNED' THEN t.t1
              WHEN 'PENDING_STUDENT_CONFIRM' THEN t.t1 WHEN 'PENDING_COLLEGE_REVIEW' THEN t.t2 WHEN 'APPROVED' THEN t.t3 ELSE t.t4 END AS t_last
          FROM generate_series(1, $1::bigint) n
          -- per mille, from a hash of n that is independent of the 专业 and 届 hashes
          CROSS JOIN LATERAL (SELECT ((n * 48271) % 1000003) % 1000 AS p) h
          CROSS JOIN LATERAL (SELECT CASE
              WHEN h.p < 320 THEN 'FILED' WHEN h.p < 520 THEN 'APPROVED'
              WHEN h.p < 600 THEN 'PENDING_COLLEGE_REVIEW' WHEN h.p < 670 THEN 'PENDING_STUDENT_CONFIRM'
              WHEN h.p < 800 THEN 'PENDING_EMPLOYER' WHEN h.p < 850 THEN 'RETURNED'
              WHEN h.p < 980 THEN 'DRAFT' ELSE 'CANCELLED' END AS st) b
          -- the season: started up to 240 days ago, each step a few days after the previous, never in the future
          CROSS JOIN LATERAL (SELECT
              least(now() - interval '1 hour', now() - interval '240 days' + ((n * 7907) % (240 * 24)) * interval '1 hour') AS t0) a0
          CROSS JOIN LATERAL (SELECT a0.t0,
              least(now(), a0.t0 + ((n % 9) + 1) * interval '1 day') AS t1,
              least(now(), a0.t0 + ((n % 9) + (n % 5) + 2) * interval '1 day') AS t2,
              least(now(), a0.t0 + ((n % 9) + (n % 5) + (n % 6) + 3) * interval '1 day') AS t3,
              least(now(), a0.t0 + ((n % 9) + (n % 5) + (n % 6) + (n % 20) + 5) * interval '1 day') AS t4) t
        ) x
        JOIN "Student" s ON s."studentNo" = '9' || lpad(x.n::text, 9, '0')
        JOIN le ON le.idx = floor(power(((x.n * 104729) % 1000003) / 1000003.0, 2) * (SELECT count(*) FROM le))::int`, [LARGE.agreements]),
      STEP(client, "协议书号序列", `
        INSERT INTO "AgreementNumberSequence" ("year", "last")
        SELECT "graduationYear", max(split_part("agreementNo", '-', 2)::int) FROM "Agreement" WHERE "agreementNo" IS NOT NULL GROUP BY 1
        ON CONFLICT ("year") DO UPDATE SET "last" = greatest("AgreementNumberSequence"."last", EXCLUDED."last")`),
    ];
    for (const step of steps) await step();
    await client.query("COMMIT");
    const t = Date.now();
    // what autovacuum would do next: hint bits and the visibility map (index-only scans)
    await client.query(`VACUUM ANALYZE`);
    console.log(`  VACUUM ANALYZE: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const n = await client.query(`SELECT count(*)::int AS n FROM "Agreement"`);
    return { seconds: (Date.now() - started) / 1000, agreements: n.rows[0].n };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("请设置 DATABASE_URL（建议使用单独的数据库，例如 wq_bench_dashboard）");
    process.exit(1);
  }
  seedLarge(url)
    .then(async ({ seconds, agreements }) => {
      // the dashboard reads summaries: build them once now so the first visit is fast
      const { createPrisma } = await import("../lib/db/client");
      const { refreshStatistics } = await import("../lib/statistics/refresh");
      const db = createPrisma(url, 2);
      const r = await refreshStatistics(db);
      await db.$disconnect();
      console.log(`大规模数据：协议 ${agreements} 份，生成用时 ${seconds.toFixed(1)} s，统计汇总 ${(r.durationMs / 1000).toFixed(1)} s`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
