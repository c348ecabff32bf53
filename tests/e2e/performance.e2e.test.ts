// What the performance work (#16) must not break, against the production build:
// - the office's 查询统计 in real Chromium at phone width: every chart is drawn (an SVG inside
//   each chart box, no console error) from ECharts' modular build — the chart types the page
//   uses and no others — and that library is not among the scripts of the first paint (it is
//   fetched once the page is shown, when a chart comes near the screen);
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

// ECharts' own names of its series models: each chart type brings its own
const USED = ["series.bar", "series.pie", "series.line"];
const UNUSED = ["series.radar", "series.map", "series.sankey", "series.candlestick", "series.heatmap", "series.treemap", "series.gauge"];

it("draws every chart of 查询统计 from ECharts' modular build, off the first paint", async () => {
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
    const boxes = await page.$$eval("[role=img][aria-label]", (els) => els.length);
    expect(boxes).toBeGreaterThanOrEqual(2);
    // scroll through the page as a person reading it: each chart is drawn as it comes near
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await page.waitForFunction(() => [...document.querySelectorAll("[role=img][aria-label]")].every((el) => el.querySelector("svg path, svg rect, svg text")), { timeout: STEP_TIMEOUT });
  });
  expect(errors).toEqual([]);
  const loaded = [...scripts.values()].join("\n");
  for (const name of USED) expect(loaded).toContain(`"${name}"`);
  for (const name of UNUSED) expect(loaded).not.toContain(`"${name}"`);
  await page.browserContext().close();

  // the first paint's scripts (those the HTML names) carry no chart library
  const s = new HttpSession();
  expect(await s.login("jyc01")).toBe(true);
  const html = await (await s.fetch("/office")).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  expect(srcs.length).toBeGreaterThan(0);
  for (const src of srcs) {
    const js = await (await fetch(new URL(src, baseUrl()))).text();
    expect(js).not.toContain('"series.bar"');
  }
});
