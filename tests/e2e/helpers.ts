// What the e2e tests share: the running app's URL, signing in over HTTP (cookie jar) and
// in a real Chromium, and a screenshot kept on failure.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROMIUM_ARGS, resolveChromiumPath } from "@/lib/pdf/chromium";

export const DEMO_PASSWORD = "Demo@2026";
export const ARTIFACTS = path.join(__dirname, "..", "artifacts");

export function baseUrl(): string {
  if (process.env.E2E_BASE_URL) return process.env.E2E_BASE_URL;
  return JSON.parse(readFileSync(path.join(ARTIFACTS, `e2e-server-${process.env.E2E_PORT ?? 3100}.json`), "utf8")).url;
}

/** A tiny cookie jar over fetch, for HTTP-level checks as a signed-in person. */
export class HttpSession {
  private cookies = new Map<string, string>();

  /**
   * `origin`: another app instance (the session cookie is valid on every instance).
   * `clientIp`: the client address the app sees (X-Forwarded-For; the e2e server trusts one
   * proxy hop), so that throttle tests do not share one address with the rest of the suite.
   */
  constructor(
    private readonly origin?: string,
    private readonly clientIp?: string,
  ) {}

  /** A session holding these cookies (`name=value; …`), as a thief replaying them would. */
  static withCookies(header: string, clientIp?: string): HttpSession {
    const s = new HttpSession(undefined, clientIp);
    for (const pair of header.split("; ").filter(Boolean)) s.cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    return s;
  }

  /** A copy of this session's cookies now (what a thief would take). */
  copyCookies(): string {
    return this.cookieHeader();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === "" || /Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const url = /^https?:\/\//.test(pathname) ? pathname : `${this.origin ?? baseUrl()}${pathname}`;
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      // as a browser does: every request that is not a GET or HEAD says where it comes from
      headers: {
        ...(init.method && !/^(GET|HEAD)$/i.test(init.method) ? { origin: new URL(url).origin } : {}),
        ...(this.clientIp ? { "x-forwarded-for": this.clientIp } : {}),
        ...(init.headers as Record<string, string>),
        cookie: this.cookieHeader(),
      },
    });
    this.keep(res);
    return res;
  }

  /** next-auth's credentials flow: csrf token, then the callback; true when signed in. */
  async login(username: string, password = DEMO_PASSWORD): Promise<boolean> {
    await this.postCredentials(username, password);
    const session = await (await this.fetch("/api/auth/session")).json();
    return !!session?.user?.id;
  }

  /** The credentials callback alone; its redirect says how it went (…?error=CredentialsSignin&code=…). */
  async postCredentials(username: string, password: string): Promise<Response> {
    const csrf = await this.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }).toString(),
    });
  }
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: resolveChromiumPath(), args: CHROMIUM_ARGS });
}

/** Signs in through the login page, as a person would. */
export async function loginInBrowser(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/login`, { waitUntil: "networkidle0" });
  await page.type("#username", username);
  await page.type("#password", password);
  await page.click("#login-form button[type=submit]"); // not the 统一身份认证登录 button above it
  await page.waitForFunction(() => location.pathname !== "/login" && document.readyState === "complete", { timeout: 30_000 });
}

/** Runs a browser step; on failure keeps a screenshot and prints where it is. */
export async function withScreenshot<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, "_")}.png`);
    await page
      .screenshot({ path: file, fullPage: true })
      .then(() => console.error(`[e2e] failure screenshot: ${file}`))
      .catch((e: Error) => console.error(`[e2e] no failure screenshot (${e.message})`));
    throw error;
  }
}
