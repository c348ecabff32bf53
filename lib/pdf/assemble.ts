// 一式三份 without rendering three times: the first copy IS the rendered front and back;
// every further copy is a new page object pointing at the very same content streams and
// fonts (nothing is decoded, re-encoded or duplicated, so the file does not triple and
// assembling costs milliseconds). Each copy gets its marker (第一份 毕业生执 …), cut from the
// rendered marker page and drawn over its pages. Text stays text, so the PDF remains
// searchable. The viewer is asked for duplex, flipping on the long edge.
import { createHash } from "node:crypto";
import { Duplex, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PrintScaling, type PDFPage, type PDFRef } from "pdf-lib";
import type { SigningIdentity } from "@/lib/signing/identity";
import { addSignaturePlaceholder, signPlaceholderPdf, type SignatureFields } from "@/lib/signing/sign-pdf";
import { A4, MARKER } from "./template";

const PT_PER_MM = 72 / 25.4;
const mm = (v: number) => v * PT_PER_MM;
// The whole document in one go: the default parses and writes 50-100 objects per event-loop
// tick, which for a few hundred objects is mostly waiting for timers.
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

// The marker PDF is the same for every agreement (rendered once per renderer and count):
// parse it once too.
const parsedMarkers = new WeakMap<Uint8Array, Promise<PDFDocument>>();
function markerDocument(markerPdf: Uint8Array): Promise<PDFDocument> {
  let parsed = parsedMarkers.get(markerPdf);
  if (!parsed) parsedMarkers.set(markerPdf, (parsed = PDFDocument.load(markerPdf, LOAD)));
  return parsed;
}

type Side = { page: PDFPage; contents: PDFRef[]; resources: PDFDict };

/** What a rendered page shows, taken before any marker is drawn on it. */
function sideOf(page: PDFPage): Side {
  // Chromium's page is A4 to its own rounding (594.96 × 841.92 pt); the sheet is exactly A4
  page.setMediaBox(0, 0, mm(A4.widthMm), mm(A4.heightMm));
  page.node.normalize(); // Contents as an array wrapped in q … Q, own Resources with Font and XObject
  return { page, contents: (page.node.Contents() as PDFArray).asArray() as PDFRef[], resources: page.node.Resources() as PDFDict };
}

/** A new page at the end of `doc` showing what `side` shows: same content streams, same fonts. */
function shareSide(doc: PDFDocument, side: Side): PDFPage {
  const copy = doc.addPage([side.page.getWidth(), side.page.getHeight()]);
  copy.node.set(PDFName.of("Contents"), doc.context.obj(side.contents));
  // fonts and images shared; a dictionary of its own for the XObjects, to which the marker is added
  const own = side.resources.clone(doc.context);
  own.set(PDFName.of("XObject"), side.resources.lookup(PDFName.of("XObject"), PDFDict).clone(doc.context));
  copy.node.set(PDFName.of("Resources"), own);
  return copy;
}

const TAG_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Subset fonts are named "ABCDEF+Family"; the six letters must tell different subsets apart.
 * Chromium starts at AAAAAA in every print, so the copy markers (a separate print) reuse the
 * document's tags. Each subset gets a tag derived from its own font program instead.
 */
function retagSubsetFonts(doc: PDFDocument): void {
  const used = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    if (object.lookup(PDFName.of("Subtype")) !== PDFName.of("Type0")) continue;
    const base = object.lookup(PDFName.of("BaseFont"));
    const match = base instanceof PDFName ? /^\/?[A-Z]{6}\+(.+)$/.exec(base.decodeText()) : null;
    if (!match) continue;
    const descendant = object.lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of("FontDescriptor"), PDFDict);
    const program = descriptor.lookup(PDFName.of("FontFile2"));
    const digest = createHash("sha256").update(program instanceof PDFRawStream ? program.getContents() : new Uint8Array()).update(match[1]).digest();
    let tag = "";
    for (let i = 0; ; i++) {
      tag = Array.from(digest.subarray(i % 26, (i % 26) + 6), (b, j) => TAG_LETTERS[(b + i * (j + 1)) % 26]).join("");
      if (!used.has(tag)) break;
    }
    used.add(tag);
    const name = PDFName.of(`${tag}+${match[1]}`);
    object.set(PDFName.of("BaseFont"), name);
    descendant.set(PDFName.of("BaseFont"), name);
    descriptor.set(PDFName.of("FontName"), name);
  }
}

export type AssembleOptions = {
  title: string;
  subject: string;
  /** paper: copies of the front/back pair, each marked; electronic: one copy, every page */
  copies: number;
  /** the rendered copy markers (paper); null: no copies, no markers (the electronic original) */
  markers: Uint8Array | null;
  /** CreationDate / ModDate, and the signing time */
  at: Date;
  /** sign the whole document (official agreements) */
  signature?: { identity: SigningIdentity; fields: Omit<SignatureFields, "signingTime"> };
};

export async function assembleDocument(rendered: Uint8Array, options: AssembleOptions): Promise<Uint8Array> {
  const { copies, markers: markerPdf } = options;
  const [out, markerSource] = await Promise.all([PDFDocument.load(rendered, LOAD), markerPdf ? markerDocument(markerPdf) : null]);
  if (markerSource) {
    if (out.getPageCount() !== 2) throw new Error(`协议书模板应渲染 2 页，实际 ${out.getPageCount()} 页`);
    if (markerSource.getPageCount() < copies) throw new Error(`份数标记只有 ${markerSource.getPageCount()} 页，需要 ${copies} 页`);
    const [front, back] = out.getPages().map(sideOf);
    const markerPages = markerSource.getPages().slice(0, copies);
    const markers = await out.embedPages(
      markerPages,
      markerPages.map((page) => ({
        left: 0,
        right: mm(MARKER.widthMm),
        top: page.getHeight(),
        bottom: page.getHeight() - mm(MARKER.heightMm),
      })),
    );
    for (let i = 0; i < copies; i++) {
      // the first copy is the rendered pair itself; the others share its streams
      const pages = i === 0 ? [front.page, back.page] : [shareSide(out, front), shareSide(out, back)];
      for (const page of pages) {
        const at = { x: page.getWidth() - mm(MARKER.rightMm + MARKER.widthMm), y: page.getHeight() - mm(MARKER.topMm + MARKER.heightMm) };
        page.drawPage(markers[i], { ...at, width: mm(MARKER.widthMm), height: mm(MARKER.heightMm) });
      }
    }
  } else {
    for (const page of out.getPages()) page.setMediaBox(0, 0, mm(A4.widthMm), mm(A4.heightMm));
  }
  retagSubsetFonts(out);
  out.setTitle(options.title);
  out.setSubject(options.subject);
  out.setCreator("网签 — 就业协议书网上签约");
  out.setProducer("网签");
  out.setLanguage("zh-CN");
  out.setCreationDate(options.at);
  out.setModificationDate(options.at);
  const prefs = out.catalog.getOrCreateViewerPreferences();
  prefs.setDuplex(Duplex.DuplexFlipLongEdge);
  prefs.setDisplayDocTitle(true);
  prefs.setNumCopies(1); // one print is already 一式三份: do not print more
  prefs.setPrintScaling(PrintScaling.None); // A4 at 100%, so the front and back line up
  out.catalog.set(PDFName.of("PageLayout"), PDFName.of("SinglePage"));
  const signature = options.signature;
  if (signature) addSignaturePlaceholder(out, signature.identity, { ...signature.fields, signingTime: options.at });
  const bytes = await out.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return signature ? signPlaceholderPdf(bytes, signature.identity, options.at) : bytes;
}
