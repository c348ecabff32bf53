// npm run admin:create-office -- <username> <姓名> [学校名称]
// The first account of a production installation (no demo data there): an office (就业处)
// account with a random initial password printed once (changed at first sign-in), and the university's settings with the
// standard 签约须知, 违约说明 and 协议条款 (edit them in 系统设置). Safe to run again: an
// existing account or settings row is left as it is.
import { issueInitialPassword } from "../lib/auth/passwords";
import { createPrisma } from "../lib/db/client";
import { DEMO_BREACH_NOTICE, DEMO_SIGNING_NOTICE, DEMO_TERMS_V1 } from "../prisma/seed-data";

async function main() {
  const [username, name, schoolName = "（请在系统设置中填写学校名称）"] = process.argv.slice(2);
  if (!username || !name) {
    console.error("用法：npm run admin:create-office -- <账号> <姓名> [学校名称]");
    process.exit(2);
  }
  const prisma = createPrisma(undefined, 1);
  try {
    if (!(await prisma.setting.findUnique({ where: { id: 1 } }))) {
      const terms = await prisma.agreementTerms.upsert({ where: { version: 1 }, update: {}, create: { version: 1, content: DEMO_TERMS_V1 } });
      await prisma.setting.create({
        data: { id: 1, schoolName, signingNotice: DEMO_SIGNING_NOTICE, breachNotice: DEMO_BREACH_NOTICE, currentTermsId: terms.id },
      });
      console.log("已写入系统设置（签约须知、违约说明、协议条款第 1 版），请在“系统设置”中按本校实际修改。");
    }
    if (await prisma.user.findUnique({ where: { username } })) {
      console.log(`账号 ${username} 已存在，未做修改。`);
      return;
    }
    const { password, columns } = issueInitialPassword();
    await prisma.user.create({ data: { username, name, role: "OFFICE", ...columns } });
    console.log(`已创建就业处账号 ${username}，初始密码：${password}（只显示这一次；首次登录后须修改密码）`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
