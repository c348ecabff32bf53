// Finished agreement PDFs by content hash: an in-memory LRU in front of files under
// .data/pdf-cache. The hash covers the template version and every printed value, so an
// approved agreement always maps to the same immutable bytes; any change (a return and
// re-approval, new terms) is a different key. Concurrent requests for one key share
// one render.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export class PdfCache {
  private readonly memory = new Map<string, Uint8Array>();
  private memoryBytes = 0;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly options: { dir: string | null; maxEntries?: number; maxBytes?: number } = { dir: null },
  ) {}

  private remember(key: string, bytes: Uint8Array): void {
    const maxEntries = this.options.maxEntries ?? 64;
    const maxBytes = this.options.maxBytes ?? 64 * 1024 * 1024;
    if (this.memory.has(key)) this.memoryBytes -= this.memory.get(key)!.byteLength;
    this.memory.delete(key);
    this.memory.set(key, bytes);
    this.memoryBytes += bytes.byteLength;
    for (const [oldest, value] of this.memory) {
      if (this.memory.size <= maxEntries && this.memoryBytes <= maxBytes) break;
      this.memory.delete(oldest);
      this.memoryBytes -= value.byteLength;
    }
  }

  private file(key: string): string | null {
    return this.options.dir ? path.join(this.options.dir, `${key}.pdf`) : null;
  }

  get(key: string): Uint8Array | null {
    const hit = this.memory.get(key);
    if (hit) {
      this.remember(key, hit); // most recently used
      return hit;
    }
    const file = this.file(key);
    if (!file) return null;
    try {
      const bytes = new Uint8Array(readFileSync(file));
      this.remember(key, bytes);
      return bytes;
    } catch {
      return null;
    }
  }

  private put(key: string, bytes: Uint8Array): void {
    this.remember(key, bytes);
    const file = this.file(key);
    if (!file) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file); // atomic: a reader never sees half a file
    } catch {
      // a read-only disk only costs the file cache, never the request
    }
  }

  /** The cached bytes, or the result of `produce` (once, however many ask at the same time). */
  async getOrCreate(key: string, produce: () => Promise<Uint8Array>): Promise<{ bytes: Uint8Array; cached: boolean }> {
    const hit = this.get(key);
    if (hit) return { bytes: hit, cached: true };
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = produce()
        .then((bytes) => {
          this.put(key, bytes);
          return bytes;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return { bytes: await pending, cached: false };
  }

  clearMemory(): void {
    this.memory.clear();
    this.memoryBytes = 0;
  }
}

const globalForCache = globalThis as unknown as { wqPdfCache?: PdfCache };

/** Process-wide cache; PDF_CACHE_DIR sets the directory ("off" keeps it in memory only). */
export function pdfCache(): PdfCache {
  if (!globalForCache.wqPdfCache) {
    const configured = process.env.PDF_CACHE_DIR;
    const dir = configured === "off" ? null : (configured ?? path.join(process.cwd(), ".data", "pdf-cache"));
    globalForCache.wqPdfCache = new PdfCache({ dir });
  }
  return globalForCache.wqPdfCache;
}
