// What a first-time user meets (#17), in a real Chromium against the production build: whose
// system it is (the school's name, icons), one date format, plain words instead of operator
// jargon, the 签约须知 read before it can be closed.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { createPrisma, type Db } from "@/lib/db/client";
import { saveDraft } from "@/lib/workflow";
import { ARTIFACTS, HttpSession, baseUrl, launchBrowser, loginInBrowser, withScreenshot } from "./helpers";
import { clickText, horizontalOverflow, open, openAgreementEditor, personPage, waitForText } from "./ui";

let browser: Browser;
let prisma: Db;
let school: string;

beforeAll(async () => {
  browser = await launchBrowser();
  prisma = createPrisma(process.env.DATABASE_URL!, 2);
  school = (await prisma.setting.findUniqueOrThrow({ where: { id: 1 } })).schoolName;
  expect(school.length).toBeGreaterThan(1);
});

afterAll(async () => {
  await browser?.close();
  await prisma?.$disconnect();
});

/** A fresh browser context signed in as `username`, the 签约须知 not read yet in it. */
async function firstVisit(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  page.on("dialog", (d) => void d.accept());
  await loginInBrowser(page, username);
  return page;
}

const dialogOpen = (page: Page) => page.evaluate(() => !!document.querySelector("dialog[open]"));

describe("whose system this is (#17.7)", () => {
  it("the login page, its title and the app icons name the school", async () => {
    const page = await browser.newPage();
    try {
      await withScreenshot(page, "first-use-login", async () => {
        await page.goto(`${baseUrl()}/login`, { waitUntil: "networkidle0" });
        expect(await page.$eval("h1", (h) => (h as HTMLElement).innerText)).toContain(school);
        expect(await page.title()).toBe(`登录 · ${school}就业协议书网上签约`);
        const icons = await page.$$eval("link[rel~=icon], link[rel=apple-touch-icon]", (links) => links.map((l) => (l as HTMLLinkElement).href));
        expect(icons.length).toBeGreaterThanOrEqual(2);
        for (const href of [...icons, `${baseUrl()}/favicon.ico`]) {
          const res = await fetch(href);
          expect({ href, status: res.status }).toEqual({ href, status: 200 });
          expect(res.headers.get("content-type")).toMatch(/^image\//);
        }
        // for the eye: the login page and /verify on a phone
        mkdirSync(path.join(ARTIFACTS, "first-use"), { recursive: true });
        await page.setViewport({ width: 375, height: 812 });
        for (const [pathname, name] of [["/login", "login"], ["/verify", "verify"]]) {
          await page.goto(`${baseUrl()}${pathname}`, { waitUntil: "networkidle0" });
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(ARTIFACTS, "first-use", `${name}-375.png`), fullPage: true });
        }
      });
    } finally {
      await page.close();
    }
  });

  it("every role's shell header and page title, and /verify, show the school's name", async () => {
    for (const [username, path, heading] of [
      ["2022010101", "/student/agreement", "我的签约"],
      ["hr@demo-soft.example", "/employer/signed", "已签约信息"],
      ["fdy01", "/counselor/review", "网上签约审核"],
      ["jyc01", "/office/outbox", "邮件通知"],
    ] as const) {
      const page = await personPage(browser, username);
      await withScreenshot(page, `first-use-shell-${username}`, async () => {
        await open(page, path);
        expect(await page.$eval("header", (h) => (h as HTMLElement).innerText)).toContain(school);
        expect(await page.title()).toBe(`${heading} · ${school}就业协议书网上签约`);
      });
      await page.browserContext().close();
    }
    const verify = await new HttpSession().fetch("/verify");
    const html = await verify.text();
    expect(html).toContain(`<title>就业协议书真伪核验 · ${school}就业协议书网上签约</title>`);
    expect(html).toContain(`>${school}</p>`);
  });
});

describe("one date format (#17.8)", () => {
  it("the office's pages write moments as 2026-12-08 19:57", async () => {
    const page = await personPage(browser, "jyc01");
    await withScreenshot(page, "first-use-dates", async () => {
      await open(page, "/office/employers");
      const text = await page.evaluate(() => document.body.innerText);
      // the 注册时间 column (lib/employers/columns.ts) of the list's table
      expect(text).toContain("注册时间");
      expect(text).toMatch(/(^|\s)\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?!:)/m);
      expect(text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/); // the old toLocaleString shape
      await open(page, "/office/settings");
      expect(await page.evaluate(() => document.body.innerText)).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} · /);
    });
    await page.browserContext().close();
  });
});

describe("plain words and the notice read first (#17.9)", () => {
  it("the mail page says 未配置邮件服务器 without the variable's name", async () => {
    const s = new HttpSession();
    expect(await s.login("jyc01")).toBe(true);
    const html = await (await s.fetch("/office/outbox")).text();
    expect(html).toContain("未配置邮件服务器");
    expect(html).not.toContain("SMTP");
  });

  it("the first 签约须知 closes only with 我已阅读并知晓; later Esc closes it", async () => {
    const page = await firstVisit("2022010102", { width: 375, height: 812 });
    await withScreenshot(page, "first-use-notice", async () => {
      await open(page, "/student/agreement");
      await page.waitForSelector("dialog[open]");
      await page.keyboard.press("Escape");
      await page.mouse.click(4, 4); // beside the dialog, on its backdrop
      await page.keyboard.press("Escape");
      await new Promise((r) => setTimeout(r, 300));
      expect(await dialogOpen(page)).toBe(true);
      await clickText(page, "我已阅读并知晓", "dialog[open] button");
      await page.waitForFunction(() => !document.querySelector("dialog[open]"));
      // read: a reload does not open it again; opened with the link, Esc closes it
      await open(page, "/student/agreement");
      await new Promise((r) => setTimeout(r, 300));
      expect(await dialogOpen(page)).toBe(false);
      await clickText(page, "查看签约须知与违约说明");
      await page.waitForSelector("dialog[open]");
      await waitForText(page, "违约说明");
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.querySelector("dialog[open]"));
    });
    await page.browserContext().close();
  });
});

describe("where a unit lands (#17.1, #17.10)", () => {
  it("a pending unit sees its registration status and the next step on 待签约信息", async () => {
    const page = await personPage(browser, "hr@demo-hospital.example");
    await withScreenshot(page, "first-use-unit-pending", async () => {
      expect(new URL(page.url()).pathname).toBe("/employer/pending"); // where it lands after signing in
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain("单位注册审核状态：待审核");
      expect(text).toContain("下一步：请在");
    });
    await page.browserContext().close();
  });

  it("a rejected unit sees the office's reason (one full stop) and what to do", async () => {
    const reason = (await prisma.employer.findFirstOrThrow({ where: { status: "REJECTED", staff: { some: { username: "hr@demo-auto.example" } } } })).rejectReason!;
    expect(reason.endsWith("。")).toBe(true);
    const page = await personPage(browser, "hr@demo-auto.example");
    await withScreenshot(page, "first-use-unit-rejected", async () => {
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain("单位注册审核状态：未通过");
      expect(text).toContain(`原因：${reason}`);
      await open(page, "/employer/profile");
      expect(await page.evaluate(() => document.body.innerText)).toContain(`审核未通过：${reason}修改单位信息`);
      expect(await page.evaluate(() => document.body.innerText)).not.toContain("。。");
    });
    await page.browserContext().close();
  });

  it("an approved unit's first visit shows the 签约须知 before the list, then 查看已签 leads to its signed agreements", async () => {
    const page = await firstVisit("hr@demo-soft.example");
    await withScreenshot(page, "first-use-unit-notice", async () => {
      expect(new URL(page.url()).pathname).toBe("/employer/pending");
      await page.waitForSelector("dialog[open]");
      expect(await page.$eval("dialog[open]", (d) => (d as HTMLElement).innerText)).toContain("签约须知");
      await page.keyboard.press("Escape");
      await new Promise((r) => setTimeout(r, 300));
      expect(await dialogOpen(page)).toBe(true);
      await clickText(page, "我已阅读并知晓", "dialog[open] button");
      await page.waitForFunction(() => !document.querySelector("dialog[open]"));
      expect(await page.evaluate(() => document.body.innerText)).not.toContain("单位注册审核状态");
      await clickText(page, "查看已签", "a");
      await page.waitForFunction(() => location.pathname === "/employer/signed");
      await waitForText(page, "已签约信息");
    });
    await page.browserContext().close();
  });
});

describe("the student's form (#17.2, #17.10)", () => {
  it("填写/编辑就业协议书 opens the form with the imported 手机号 and 电子邮箱; before approval 打印 is there, disabled, with the reason", async () => {
    const user = await prisma.user.update({ where: { username: "2022010103" }, data: { phone: "13987654321", email: "liusiqi@example.com" } });
    const page = await personPage(browser, "2022010103", { width: 375, height: 812 });
    await withScreenshot(page, "first-use-prefill", async () => {
      await open(page, "/student/agreement");
      expect(await page.$eval("#agreement-editor", (d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await page.$eval("#agreement-editor > summary", (el) => (el as HTMLElement).innerText.trim())).toBe("填写/编辑就业协议书");
      await openAgreementEditor(page);
      expect(await page.$eval("#studentPhone", (el) => (el as HTMLInputElement).value)).toBe("13987654321");
      expect(await page.$eval("#studentEmail", (el) => (el as HTMLInputElement).value)).toBe("liusiqi@example.com");
      await waitForText(page, "已按学院导入的生源信息填好");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // a saved draft: the print panel shows 打印 disabled, with the capability function's reason
      const unit = await prisma.employer.findFirstOrThrow({ where: { email: "hr@demo-research.example" } });
      const actor = { userId: user.id, role: user.role, name: user.name, collegeId: null, employerId: null };
      await saveDraft(actor, { employerId: unit.id, studentPhone: "13987654321", studentEmail: "liusiqi@example.com", studentOpinion: "同意" }, undefined);
      await open(page, "/student/agreement");
      const print = await page.$$eval("#print-panel-title ~ div button", (bs) => bs.map((b) => ({ text: (b as HTMLButtonElement).innerText.trim(), disabled: (b as HTMLButtonElement).disabled, describedBy: b.getAttribute("aria-describedby") })));
      expect(print).toEqual([{ text: "打印", disabled: true, describedBy: "print-refused" }]);
      expect(await page.$eval("#print-refused", (el) => (el as HTMLElement).innerText)).toContain("学院审核通过后方可打印就业协议书。");
      expect(await page.$eval("#agreement-editor", (d) => (d as HTMLDetailsElement).open)).toBe(true); // a saved draft opens with the form
    });
    await page.browserContext().close();
  });
});

describe("screenshots for the eye (375 px and desktop)", () => {
  const SHOTS = path.join(ARTIFACTS, "first-use");
  it.each([
    ["2022010101", "/student/agreement"],
    ["hr@demo-hospital.example", "/employer/pending"],
    ["hr@demo-soft.example", "/employer/pending"],
    ["fdy01", "/counselor/statistics"],
    ["jyc01", "/office"],
    ["jyc01", "/office/outbox"],
  ])("%s %s", async (username, pathname) => {
    mkdirSync(SHOTS, { recursive: true });
    for (const viewport of [
      { width: 375, height: 812 },
      { width: 1280, height: 900 },
    ]) {
      const page = await personPage(browser, username, viewport);
      await open(page, pathname);
      await new Promise((r) => setTimeout(r, 800)); // charts draw after load
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `${username}${pathname.replaceAll("/", "_")}-${viewport.width}.png`), fullPage: true });
      await page.browserContext().close();
    }
  });
});
