// One entry point: an agreement document in, the finished 一式三份 duplex PDF out
// (from the cache when the same content was rendered before).
import QRCode from "qrcode";
import type { AgreementSheetData } from "@/lib/agreement/sheet-data";
import { assembleCopies } from "./assemble";
import { PdfCache, pdfCache, sha256 } from "./cache";
import { PdfRenderer, pdfRenderer } from "./renderer";
import { documentBodyHtml, TEMPLATE_VERSION, type AgreementDocument } from "./template";

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

/** The document's HTML body (3 rendered pages: front, back, copy markers). */
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
    const rendered = await renderer.render(await documentBody(normalized));
    return assembleCopies(rendered, copies, title);
  });
  return { bytes, contentHash, pdfHash: sha256(bytes), cached, pages: copies * 2 };
}
