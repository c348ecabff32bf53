// What the performance work (#16) must not break, against the production build:
// - the office's 查询统计: every chart comes drawn in the HTML (ECharts' server-side SVG, at a
//   phone's and a desktop's width, the phone's shown at 375 px), no script of the page carries
//   the chart library, and a click on a bar opens that item's drill-down list (ECharts' SSR
//   client), with no console error;
// - the session cookie's claims are decrypted once per token and process, and a remembered
//   token still ends at its own expiry; the proxy, which now runs only for server actions and
//   cookie-less requests, still sends signed-out visitors to the login page.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { createSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { baseUrl, HttpSession, launchBrowser, withScreenshot } from "./helpers";
import { openPrisma } from "./proof-world";
import { open, personPage, STEP_TIMEOUT } from "./ui";

const root = path.resolve(__dirname, "..", "..");
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789"; // what tests/e2e/server.ts gives the app
const COOKIE = "authjs.session-token";

let browser: Browser;
let prisma: Db;
beforeAll(async () => {
  browser = await launchBrowser();
  prisma = openPrisma();
});
afterAll(async () => {
  await browser?.close();
  await prisma?.$disconnect();
});

/** A next-auth session token made with the app's secret (next-auth is ESM only: a child node does it). */
function sessionToken(claims: Record<string, unknown>, maxAgeSeconds: number): string {
  const script = `import { encode } from "next-auth/jwt";
    process.stdout.write(await encode({ token: ${JSON.stringify(claims)}, secret: ${JSON.stringify(AUTH_SECRET)}, salt: ${JSON.stringify(COOKIE)}, maxAge: ${maxAgeSeconds} }));`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
}

const page = (path: string, cookie?: string) => fetch(`${baseUrl()}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });

describe("the session cookie", () => {
  it("a token the server remembers still ends at its own expiry", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "2022010102" } });
    const session = await createSession({ userId: user.id, method: "PASSWORD", context: { ip: null, userAgent: null } }, new Date(), prisma);
    const cookie = `${COOKIE}=${sessionToken({ sub: user.id, sid: session.id }, 2)}`;
    expect((await page("/student/agreement", cookie)).status).toBe(200);
    expect((await page("/student/agreement", cookie)).status).toBe(200); // now from memory
    // next-auth allows 15 s of clock skew past `exp`
    await new Promise((r) => setTimeout(r, 18_500));
    const late = await page("/student/agreement", cookie);
    expect(late.status).toBe(307);
    expect(new URL(late.headers.get("location")!, baseUrl()).pathname).toBe("/login");
  }, 60_000);

  it("signed out (no cookie): the proxy sends a role area to the login page, with the way back", async () => {
    const res = await page("/employer/pending");
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!, baseUrl());
    expect(to.pathname).toBe("/login");
    expect(to.searchParams.get("callbackUrl")).toBe("/employer/pending");
  });
});

// ECharts' own names of its series models: no page script may carry the chart library
const LIBRARY_MARKERS = ['"series.bar"', '"series.pie"', '"series.line"'];

it("查询统计's charts come drawn in the HTML (ECharts on the server), no chart library in the browser, and a click on a bar opens its list", async () => {
  // the HTML itself holds every chart's picture
  const s = new HttpSession();
  expect(await s.login("jyc01")).toBe(true);
  const html = await (await s.fetch("/office")).text();
  const boxes = [...html.matchAll(/<div role="img" aria-label="([^"]+)"[^>]*>(.*?)<\/svg><\/div><div[^>]*>(.*?)<\/svg><\/div><\/div>/gs)];
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (const [, , phone, desktop] of boxes) {
    expect(phone).toMatch(/<svg[^>]+viewBox="0 0 340 /);
    expect(desktop).toMatch(/<svg[^>]+viewBox="0 0 (520|1100) /);
    expect(phone).toMatch(/<(path|rect|text)\b/);
  }

  const page = await personPage(browser, "jyc01", { width: 375, height: 800 });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const scripts = new Map<string, string>();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    scripts.set(res.url(), await res.text().catch(() => ""));
  });
  await withScreenshot(page, "dashboard-charts", async () => {
    await open(page, "/office");
    // at phone width the phone's picture is the one shown
    const shown = await page.$$eval("[role=img][aria-label] > div", (els) => els.filter((el) => getComputedStyle(el).display !== "none").map((el) => el.querySelector("svg")?.getAttribute("viewBox") ?? ""));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const box of shown) expect(box).toMatch(/^0 0 340 /);
    // scroll through the page as a person reading it
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    // 办理进度's first bar opens the drill-down list of that status
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = await page.waitForSelector('[aria-label="各状态协议数量"] > div:not(.hidden) [ecmeta_data_index="0"]', { timeout: STEP_TIMEOUT });
    await Promise.all([page.waitForFunction(() => location.pathname === "/office/statistics", { timeout: STEP_TIMEOUT }), bar!.click()]);
  });
  expect(errors).toEqual([]);
  const loaded = [...scripts.values()].join("\n");
  expect(scripts.size).toBeGreaterThan(0);
  for (const marker of LIBRARY_MARKERS) expect(loaded).not.toContain(marker);
  await page.browserContext().close();
});
