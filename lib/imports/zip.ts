// Reading an uploaded zip (xlsx, ods) with every size bounded BEFORE and WHILE inflating: the
// central directory's declared sizes are checked first (a zip bomb that says what it is is
// refused at once), then each entry is inflated with yauzl, which stops as soon as an entry
// yields more than it declared (validateEntrySizes), under our own byte count too. The
// spreadsheet libraries then read a stored (uncompressed) copy holding only the entries
// they need, as we inflated them: nothing they see was not counted.
import yauzl from "yauzl";
import yazl from "yazl";

/** Everything a zip may inflate to (a class of 20,000 graduates is ~25 MB of XML). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;

export class ZipLimitError extends Error {}

const TOO_BIG = `文件解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB，不是正常的导入文件（可能是压缩炸弹），已拒绝。请使用下载的模板，每次最多 20000 行`;

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > MAX_ZIP_ENTRIES) return reject(new ZipLimitError(`文件包含的条目过多（超过 ${MAX_ZIP_ENTRIES} 个），不是正常的导入文件，已拒绝`));
      if (declared > MAX_UNCOMPRESSED_BYTES) return reject(new ZipLimitError(TOO_BIG));
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error("no stream"));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy(new ZipLimitError(TOO_BIG));
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (e: Error) => reject(e instanceof ZipLimitError ? e : /too many bytes|too few bytes/.test(e.message) ? new ZipLimitError(TOO_BIG) : e));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

/** The entry names of a zip (the central directory), after the size checks. */
export async function zipEntryNames(buffer: Buffer): Promise<string[]> {
  const zip = await open(buffer);
  try {
    return (await listEntries(zip)).map((e) => e.fileName);
  } finally {
    zip.close();
  }
}

/**
 * The entries `wanted` picks, inflated under the limits, as a new stored zip in the order
 * given by `order` (e.g. shared strings before sheets, so a streaming reader need not wait).
 */
export async function repackBounded(buffer: Buffer, wanted: (name: string) => boolean, order: (name: string) => number = () => 0): Promise<{ zip: Buffer; names: string[] }> {
  const zip = await open(buffer);
  try {
    const entries = (await listEntries(zip)).filter((e) => !/\/$/.test(e.fileName) && wanted(e.fileName)).sort((a, b) => order(a.fileName) - order(b.fileName));
    const budget = { left: MAX_UNCOMPRESSED_BYTES };
    const out = new yazl.ZipFile();
    for (const entry of entries) out.addBuffer(await inflate(zip, entry, budget), entry.fileName, { compress: false });
    out.end();
    const chunks: Buffer[] = [];
    for await (const chunk of out.outputStream) chunks.push(chunk as Buffer);
    return { zip: Buffer.concat(chunks), names: entries.map((e) => e.fileName) };
  } finally {
    zip.close();
  }
}
