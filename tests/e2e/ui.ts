// Small puppeteer helpers for driving the pages as a person does.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { baseUrl, loginInBrowser } from "./helpers";

/** Generous: CI machines are small and busy; a real failure still fails. */
export const STEP_TIMEOUT = 30_000;

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** A separate browser context (own cookies) signed in as `username`. */
export async function personPage(browser: Browser, username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  page.on("dialog", (d) => void d.accept()); // window.confirm of 正式提交 and friends
  await page.evaluateOnNewDocument(() => sessionStorage.setItem("wq-notice-read", "1"));
  await loginInBrowser(page, username);
  return page;
}

export async function open(page: Page, path: string) {
  const res = await page.goto(`${baseUrl()}${path}`, { waitUntil: "networkidle0" });
  if (!res || res.status() >= 400) throw new Error(`${path} answered ${res?.status()}`);
}

/** Clicks the visible, enabled button (or link) whose text contains `text` (or is exactly `text`). */
export async function clickText(page: Page, text: string, selector = "button, a", exact = false) {
  const handle = await page
    .waitForFunction(
      (sel, t, ex) =>
        [...document.querySelectorAll<HTMLElement>(sel)].find(
          (el) =>
            (ex ? el.innerText.trim() === t : el.innerText.includes(t)) &&
            !(el as HTMLButtonElement).disabled &&
            el.getClientRects().length > 0,
        ) ?? null,
      { timeout: STEP_TIMEOUT },
      selector,
      text,
      exact,
    )
    .catch((error: Error) => {
      throw new Error(`找不到可点击的“${text}”（${selector}）: ${error.message}`);
    });
  await (handle.asElement() as unknown as { click: () => Promise<void> }).click();
}

export async function waitForText(page: Page, text: string, timeout = STEP_TIMEOUT) {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text).catch((error: Error) => {
    throw new Error(`页面上没有出现“${text}”: ${error.message}`);
  });
}

/** Replaces a field's content by typing, as a person would (select all, delete, type). */
export async function fill(page: Page, selector: string, value: string) {
  await page.click(selector, { count: 3 });
  await page.focus(selector);
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyA");
  await page.keyboard.up("Control");
  await page.keyboard.press("Backspace");
  await page.type(selector, value);
}

/** axe-core on the current page: the serious and critical violations, as short strings. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return (result as { id: string; impact: string; targets: string[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(", ")}`);
}

/** No horizontal scrolling at the current viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** 我的签约: “填写/编辑就业协议书” opens the form (open already for a saved or returned agreement). */
export async function openAgreementEditor(page: Page) {
  await page.waitForSelector("#agreement-editor");
  if (!(await page.$eval("#agreement-editor", (d) => (d as HTMLDetailsElement).open))) await page.click("#agreement-editor > summary");
  await page.waitForSelector("#agreement-editor[open] #employerId-name", { visible: true });
}

/** 我的签约: choose a unit in the 选择签约单位 dialog, fill the form, 确定, then 正式提交. */
export async function studentSubmits(page: Page, unitKeyword: string, email = "liming@example.com") {
  await open(page, "/student/agreement");
  await openAgreementEditor(page);
  await clickText(page, "选择单位");
  await page.waitForSelector("#picker-q");
  await fill(page, "#picker-q", unitKeyword);
  await clickText(page, "查询", "dialog button");
  // wait until the list shows only the search's results, then take the first
  await page.waitForFunction(
    (k) => {
      const items = [...document.querySelectorAll("dialog[open] li")];
      return items.length > 0 && items.every((li) => (li as HTMLElement).innerText.includes(k));
    },
    { timeout: STEP_TIMEOUT },
    unitKeyword,
  );
  await clickText(page, "选择", "dialog[open] li button");
  await page.waitForFunction((k) => (document.querySelector("#employerId-name") as HTMLInputElement | null)?.value.includes(k), { timeout: STEP_TIMEOUT }, unitKeyword);
  await fill(page, "#studentPhone", "13812345678");
  await fill(page, "#studentEmail", email);
  await clickText(page, "确定", "form button[type=submit]");
  await waitForText(page, "签约信息已保存");
  await clickText(page, "正式提交");
  await waitForText(page, "已提交给用人单位"); // the notice of the new state (history lists older submissions too)
}
