// One entry point: an agreement document in, the finished 一式三份 duplex PDF out
// (from the cache when the same content was rendered before).
import QRCode from "qrcode";
import type { AgreementSheetData } from "@/lib/agreement/sheet-data";
import { assembleCopies } from "./assemble";
import { PdfCache, pdfCache, sha256 } from "./cache";
import { PdfRenderer, pdfRenderer } from "./renderer";
import { documentBodyHtml, markersBodyHtml, TEMPLATE_VERSION, type AgreementDocument } from "./template";

export type AgreementPdfInput = {
  sheet: AgreementSheetData;
  schoolName: string;
  terms: { version: number | null; content: string };
  kind: "official" | "preview";
  /** official prints only */
  verification: { code: string; url: string } | null;
  copies: number;
};

export type AgreementPdf = {
  bytes: Uint8Array;
  /** cache key: hash of the template version and every printed value */
  contentHash: string;
  /** hash of the PDF bytes, recorded with each print */
  pdfHash: string;
  cached: boolean;
  pages: number;
};

export function contentHashOf(input: AgreementPdfInput): string {
  return sha256(JSON.stringify({ template: TEMPLATE_VERSION, ...input }));
}

/** The document's HTML body (2 rendered pages: front and back). */
export async function documentBody(input: AgreementPdfInput): Promise<string> {
  const qrSvg = input.verification
    ? await QRCode.toString(input.verification.url, { type: "svg", margin: 0, errorCorrectionLevel: "M" })
    : "";
  const doc: AgreementDocument = {
    ...input,
    verification: input.verification ? { ...input.verification, qrSvg } : null,
  };
  return documentBodyHtml(doc);
}

// Copy markers are the same for every agreement: rendered once per renderer and count.
const markerPdfs = new WeakMap<PdfRenderer, Map<number, Promise<Uint8Array>>>();

function markerPdf(renderer: PdfRenderer, copies: number): Promise<Uint8Array> {
  let byCount = markerPdfs.get(renderer);
  if (!byCount) markerPdfs.set(renderer, (byCount = new Map()));
  let pending = byCount.get(copies);
  if (!pending) {
    pending = renderer.render(markersBodyHtml(copies));
    pending.catch(() => byCount.delete(copies)); // a failed render is retried next time
    byCount.set(copies, pending);
  }
  return pending;
}

export async function renderAgreementPdf(
  input: AgreementPdfInput,
  deps: { renderer?: PdfRenderer; cache?: PdfCache } = {},
): Promise<AgreementPdf> {
  const renderer = deps.renderer ?? pdfRenderer();
  const cache = deps.cache ?? pdfCache();
  const copies = Math.min(10, Math.max(1, Math.floor(input.copies)));
  const normalized = { ...input, copies };
  const contentHash = contentHashOf(normalized);
  const title = `就业协议书 ${input.sheet.agreementNo || ""} ${input.sheet.student.name}${input.kind === "preview" ? "（样张）" : ""}`.trim();
  const { bytes, cached } = await cache.getOrCreate(contentHash, async () => {
    const [rendered, markers] = await Promise.all([renderer.render(await documentBody(normalized)), markerPdf(renderer, copies)]);
    return assembleCopies(rendered, markers, copies, title);
  });
  return { bytes, contentHash, pdfHash: sha256(bytes), cached, pages: copies * 2 };
}
