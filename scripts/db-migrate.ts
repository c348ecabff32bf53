// npm run db:migrate — applies prisma/migrations to DATABASE_URL.
import { migrate } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL 未设置。使用内置数据库时请运行 npm start（它会自动迁移）。");
  process.exit(1);
}
migrate(url)
  .then(({ applied, alreadyApplied }) => {
    console.log(`migrations: ${applied.length} applied, ${alreadyApplied.length} already applied`);
    for (const name of applied) console.log(`  applied ${name}`);
  })
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
