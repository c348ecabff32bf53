// Sign-in and the role guard over real HTTP against the production build: each role lands
// on its own home; every other role's pages answer 403 无权访问; signed out → login page.
import { ROLE_HOME, ROLE_PREFIX } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { HttpSession, baseUrl, launchBrowser, loginInBrowser, withScreenshot } from "./helpers";

const ACCOUNTS: Record<Role, string> = {
  STUDENT: "2022010101",
  EMPLOYER: "hr@demo-soft.example",
  COUNSELOR: "fdy01",
  OFFICE: "jyc01",
};
const ROLES = Object.keys(ACCOUNTS) as Role[];

const sessions = new Map<Role, HttpSession>();

beforeAll(async () => {
  for (const role of ROLES) {
    const s = new HttpSession();
    expect(await s.login(ACCOUNTS[role])).toBe(true);
    sessions.set(role, s);
  }
});

describe("each role signs in and lands on its own home", () => {
  it.each(ROLES)("%s", async (role) => {
    const s = sessions.get(role)!;
    const root = await s.fetch("/");
    expect(root.status).toBe(307);
    expect(new URL(root.headers.get("location")!, baseUrl()).pathname).toBe(ROLE_HOME[role]);
    const home = await s.fetch(ROLE_HOME[role]);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("退出");
  });
});

describe("a role cannot open another role's pages (server-side)", () => {
  const cells = ROLES.flatMap((me) => ROLES.filter((other) => other !== me).map((other) => [me, other] as const));
  it.each(cells)("%s → %s pages", async (me, other) => {
    const res = await sessions.get(me)!.fetch(ROLE_HOME[other]);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("无权访问");
    // nothing of the other role's page leaks into the refusal
    expect(html).not.toMatch(/待签约信息<\/h1>|网上签约审核<\/h1>/);
  });
});

describe("signed out", () => {
  it.each(ROLES)("%s area redirects to the login page", async (role) => {
    const res = await new HttpSession().fetch(`${ROLE_PREFIX[role]}/x`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("security headers are set", async () => {
    const res = await new HttpSession().fetch("/login");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("the login page", () => {
  it("says 账号或密码错误 for a wrong password without telling whether the account exists", async () => {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    try {
      await withScreenshot(page, "login-wrong-password", async () => {
        for (const username of ["2022010102", "nobody-here"]) {
          await page.goto(`${baseUrl()}/login`, { waitUntil: "networkidle0" });
          await page.type("#username", username);
          await page.type("#password", "wrong-password");
          await page.click("#login-form button[type=submit]");
          await page.waitForSelector("[role=alert]");
          expect(await page.$eval("[role=alert]", (el) => el.textContent)).toBe("账号或密码错误");
        }
        await loginInBrowser(page, "fdy01");
        expect(new URL(page.url()).pathname).toBe(ROLE_HOME.COUNSELOR);
      });
    } finally {
      await browser.close();
    }
  });
});
