// The agreement renderer: ONE warm Chromium per server process and a small pool of pages
// that have the template (styles, fonts, fit script) loaded already. A document is
// rendered by refilling a pool page's body (only the parts that changed) and printing it:
// no launch, no page load, no font parsing per document. At most `maxConcurrent` renders run at once (2 on
// 2 cores); the rest wait in a FIFO queue. If Chromium dies, it is relaunched and the
// render retried once.
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type CDPSession, type Page, type PDFOptions } from "puppeteer-core";
import { CHROMIUM_ARGS, chromiumForPdf, type ChromiumSource } from "./chromium";
import { fontFaceCss } from "./fonts";
import { shellHtml } from "./template";

export type RendererOptions = { maxConcurrent?: number; executablePath?: string; timeoutMs?: number };

type PooledPage = { page: Page; cdp: CDPSession; generation: number };

/**
 * How every document is printed, as page.pdf() options (the benchmark's floor uses them):
 * A4 from the template's @page rule, no margins, backgrounds on. Untagged: the structure
 * tree of a tagged PDF costs a fifth of the print time and a sixth of the bytes, and this
 * document is made to be printed on paper; its text stays searchable all the same.
 */
export const PDF_OPTIONS = { format: "A4", printBackground: true, preferCSSPageSize: true, tagged: false, waitForFonts: false } as const satisfies PDFOptions;

// The same as Chromium's printToPDF parameters: page.pdf() streams the result back in
// chunks (a round trip each); one base64 reply is quicker for a document of ~200 KB.
const PRINT_TO_PDF = {
  printBackground: PDF_OPTIONS.printBackground,
  preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize,
  generateTaggedPDF: PDF_OPTIONS.tagged,
  paperWidth: 8.27, // A4 in inches, as page.pdf() sends for format "A4"
  paperHeight: 11.7,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  transferMode: "ReturnAsBase64",
} as const;

function isBrowserGone(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /Target closed|Session closed|Connection closed|Protocol error|TargetCloseError|browser has disconnected|Navigating frame was detached|detached Frame|WebSocket is not open/i.test(
    message,
  );
}

export class PdfRenderer {
  readonly maxConcurrent: number;
  private readonly timeoutMs: number;
  private readonly executablePath?: string;
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  /** bumps on every relaunch, so pages of a dead browser are never reused */
  private generation = 0;
  private idle: PooledPage[] = [];
  private active = 0;
  private waiters: (() => void)[] = [];
  private shellUrl: string | null = null;
  private closed = false;
  /** for tests and the benchmark */
  launches = 0;
  /** where the running browser came from (the e2e proves the npm fallback with it) */
  source: ChromiumSource | null = null;

  constructor(options: RendererOptions = {}) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? Number(process.env.PDF_CONCURRENCY ?? 2));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.executablePath = options.executablePath;
  }

  /** The template page as a file, so its @font-face file:// URLs load (no network at all). */
  private shell(): string {
    if (this.shellUrl) return this.shellUrl;
    const dir = path.join(tmpdir(), "wangqian-pdf");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `shell-${process.pid}.html`);
    writeFileSync(file, shellHtml(fontFaceCss()));
    this.shellUrl = pathToFileURL(file).href;
    return this.shellUrl;
  }

  private async getBrowser(): Promise<Browser> {
    if (this.closed) throw new Error("PDF 渲染器已关闭");
    if (this.browser?.connected) return this.browser;
    this.launching ??= (async () => {
      const source: ChromiumSource = this.executablePath
        ? { executablePath: this.executablePath, from: "env" }
        : await chromiumForPdf();
      const browser = await puppeteer.launch({
        executablePath: source.executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        // the server's own signal handling decides when to stop; we close explicitly
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.launches++;
      this.source = source;
      this.generation++;
      this.idle = [];
      browser.on("disconnected", () => {
        if (this.browser === browser) this.browser = null;
      });
      this.browser = browser;
      return browser;
    })().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else this.active--;
  }

  private async takePage(): Promise<PooledPage> {
    const browser = await this.getBrowser();
    const generation = this.generation;
    while (this.idle.length) {
      const pooled = this.idle.pop()!;
      if (pooled.generation === generation && !pooled.page.isClosed()) return pooled;
    }
    const page = await browser.newPage();
    page.setDefaultTimeout(this.timeoutMs);
    await page.goto(this.shell(), { waitUntil: "load" });
    return { page, cdp: await page.createCDPSession(), generation };
  }

  private returnPage(pooled: PooledPage): void {
    if (pooled.generation === this.generation && !pooled.page.isClosed() && !this.closed) this.idle.push(pooled);
  }

  /** Fills a warm page with the document body and prints it (A4, backgrounds on). */
  private async renderOnce(bodyHtml: string): Promise<Uint8Array> {
    const pooled = await this.takePage();
    let healthy = false;
    try {
      await pooled.page.evaluate((html) => (window as unknown as { wqFill(h: string): Promise<number> }).wqFill(html), bodyHtml);
      const { data } = await this.withTimeout(pooled.cdp.send("Page.printToPDF", PRINT_TO_PDF));
      healthy = true;
      return Buffer.from(data, "base64");
    } finally {
      if (healthy) this.returnPage(pooled);
      else await pooled.page.close().catch(() => undefined);
    }
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PDF 渲染超时（${this.timeoutMs} ms）`)), this.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  /** The rendered pages of one document body (see template.ts). */
  async render(bodyHtml: string): Promise<Uint8Array> {
    await this.acquireSlot();
    try {
      try {
        return await this.renderOnce(bodyHtml);
      } catch (error) {
        if (!isBrowserGone(error) && this.browser?.connected) throw error;
        // Chromium crashed or was killed: start a fresh one and try once more.
        await this.dropBrowser();
        return await this.renderOnce(bodyHtml);
      }
    } finally {
      this.releaseSlot();
    }
  }

  private async dropBrowser(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.idle = [];
    this.generation++;
    if (browser) await browser.close().catch(() => browser.process()?.kill("SIGKILL"));
  }

  /** Launches Chromium and loads the template pages ahead of the first request. */
  async warmUp(): Promise<void> {
    const pages = await Promise.all(Array.from({ length: this.maxConcurrent }, () => this.takePage()));
    pages.forEach((p) => this.returnPage(p));
  }

  /** The process of the current browser (tests kill it to prove the relaunch). */
  browserProcessId(): number | undefined {
    return this.browser?.process()?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.dropBrowser();
  }
}

const globalForRenderer = globalThis as unknown as { wqPdfRenderer?: PdfRenderer };

/** The process-wide renderer (survives Next's module reloads in development). */
export function pdfRenderer(): PdfRenderer {
  globalForRenderer.wqPdfRenderer ??= new PdfRenderer();
  return globalForRenderer.wqPdfRenderer;
}

/** For scripts and tests: close the process-wide renderer so the process can exit. */
export async function closePdfRenderer(): Promise<void> {
  const renderer = globalForRenderer.wqPdfRenderer;
  globalForRenderer.wqPdfRenderer = undefined;
  await renderer?.close();
}
