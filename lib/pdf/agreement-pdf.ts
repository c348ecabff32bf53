// One entry point: an agreement document in, the finished PDF out (from the cache when the
// same content was rendered before). 纸质: 一式三份 duplex, each copy marked; 电子协议: one
// original with the seals in their boxes and the 签署记录 page. Official documents are
// digitally signed with the university's certificate (lib/signing), previews are not.
import QRCode from "qrcode";
import type { AgreementSheetData } from "@/lib/agreement/sheet-data";
import { signingIdentity, type SigningIdentity } from "@/lib/signing/identity";
import { assembleDocument } from "./assemble";
import { PdfCache, pdfCache, sha256 } from "./cache";
import { PdfRenderer, pdfRenderer } from "./renderer";
import { documentBodyHtml, markersBodyHtml, TEMPLATE_VERSION, type AgreementDocument, type PlacedSeals, type SigningRecordEntry } from "./template";

export type AgreementPdfInput = {
  sheet: AgreementSheetData;
  schoolName: string;
  terms: { version: number | null; content: string };
  kind: "official" | "preview";
  /** official prints only */
  verification: { code: string; url: string } | null;
  /** 纸质 copies per print (一式三份); an electronic original is one copy */
  copies: number;
  /** a paper reprint (第 N 次打印, N > 1): marked 补打 on every page; null: the first print, previews, originals */
  reprint?: { printNo: number } | null;
  /** electronic mode: the seals placed so far */
  seals?: PlacedSeals;
  /** electronic official: the acts listed on the 签署记录 page */
  signingRecord?: SigningRecordEntry[] | null;
};

export type AgreementPdf = {
  bytes: Uint8Array;
  /** cache key: hash of the template version, every printed value and the signer */
  contentHash: string;
  /** hash of the PDF bytes, recorded at issue and with each print */
  pdfHash: string;
  cached: boolean;
  pages: number;
  /** the signer's certificate name (official documents), null for previews */
  signerName: string | null;
};

const NO_SEALS: PlacedSeals = { unit: null, college: null, school: null };

function normalize(input: AgreementPdfInput): AgreementPdfInput & { seals: PlacedSeals; signingRecord: SigningRecordEntry[] | null; reprint: { printNo: number } | null } {
  const electronic = input.sheet.mode === "ELECTRONIC";
  return {
    ...input,
    reprint: !electronic && input.kind === "official" && input.reprint && input.reprint.printNo > 1 ? { printNo: Math.floor(input.reprint.printNo) } : null,
    copies: electronic ? 1 : Math.min(10, Math.max(1, Math.floor(input.copies))),
    seals: electronic ? (input.seals ?? NO_SEALS) : NO_SEALS,
    signingRecord: electronic && input.kind === "official" ? (input.signingRecord ?? []) : null,
  };
}

/** Pages of the finished PDF: 2 per paper copy; an electronic original 2, or 3 with its 签署记录. */
export function pageCountOf(input: AgreementPdfInput): number {
  const n = normalize(input);
  return n.sheet.mode === "ELECTRONIC" ? (n.signingRecord ? 3 : 2) : n.copies * 2;
}

export function contentHashOf(input: AgreementPdfInput, signer?: Pick<SigningIdentity, "fingerprint"> | null): string {
  return sha256(JSON.stringify({ template: TEMPLATE_VERSION, signer: signer?.fingerprint ?? null, ...normalize(input) }));
}

/** The document's HTML body (front and back; an electronic original adds the 签署记录). */
export async function documentBody(input: AgreementPdfInput, signer?: SigningIdentity | null): Promise<string> {
  const normalized = normalize(input);
  const qrSvg = normalized.verification
    ? await QRCode.toString(normalized.verification.url, { type: "svg", margin: 0, errorCorrectionLevel: "M" })
    : "";
  const doc: AgreementDocument = {
    ...normalized,
    verification: normalized.verification ? { ...normalized.verification, qrSvg } : null,
    signingRecord: normalized.signingRecord
      ? { entries: normalized.signingRecord, signer: signer?.commonName ?? "", fingerprint: signer?.fingerprint ?? "" }
      : null,
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
  deps: { renderer?: PdfRenderer; cache?: PdfCache; identity?: SigningIdentity; now?: Date } = {},
): Promise<AgreementPdf> {
  const renderer = deps.renderer ?? pdfRenderer();
  const cache = deps.cache ?? pdfCache();
  const official = input.kind === "official";
  const identity = official ? (deps.identity ?? signingIdentity()) : null;
  const normalized = normalize(input);
  const electronic = normalized.sheet.mode === "ELECTRONIC";
  const contentHash = contentHashOf(normalized, identity);
  const title = `就业协议书 ${input.sheet.agreementNo || ""} ${input.sheet.student.name}${input.kind === "preview" ? "（样张）" : ""}`.trim();
  const { bytes, cached } = await cache.getOrCreate(contentHash, async () => {
    const [rendered, markers] = await Promise.all([
      renderer.render(await documentBody(normalized, identity)),
      electronic ? null : markerPdf(renderer, normalized.copies),
    ]);
    return assembleDocument(rendered, {
      title,
      subject: electronic ? "就业协议书（电子协议原件，含签署记录）" : "就业协议书（一式三份，双面打印）",
      copies: normalized.copies,
      markers,
      at: deps.now ?? new Date(),
      signature: identity
        ? {
            identity,
            fields: {
              name: identity.commonName,
              reason: electronic ? "就业协议书电子协议原件（学校数字签名）" : "就业协议书（学校出具）",
              location: normalized.schoolName,
            },
          }
        : undefined,
    });
  });
  return {
    bytes,
    contentHash,
    pdfHash: sha256(bytes),
    cached,
    pages: pageCountOf(normalized),
    signerName: identity?.commonName ?? null,
  };
}
