// `npm run db:seed`: the demo university (see seed-data.ts). Idempotent, so it can run on
// every start of a demo instance. `-- --with-agreements` (what `npm start` does on a new
// demo database) adds agreements at every step (demo-agreements.ts).
import { prisma } from "../lib/db/client";
import { seedDemoAgreements } from "./demo-agreements";
import { seedDemo } from "./seed-data";

async function main() {
  const { created } = await seedDemo(prisma);
  const total = Object.values(created).reduce((sum, n) => sum + n, 0);
  console.log(
    total === 0
      ? "演示数据已存在，未做任何修改"
      : `演示数据已写入：${Object.entries(created)
          .filter(([, n]) => n > 0)
          .map(([table, n]) => `${table} ${n}`)
          .join("，")}`,
  );
  if (process.argv.includes("--with-agreements")) {
    const agreements = await seedDemoAgreements(prisma);
    if (agreements > 0) console.log(`演示协议已写入：${agreements} 份（各学院、各环节都有）`);
  }
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error: unknown) => {
    console.error("演示数据写入失败：", error);
    await prisma.$disconnect();
    process.exit(1);
  });
