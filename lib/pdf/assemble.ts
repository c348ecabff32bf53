// 一式三份 without rendering three times: the rendered front and back become Form XObjects
// drawn on every copy's pages (shared, so the file does not triple), and each copy gets
// its marker (第一份 毕业生执 …) cut from its rendered marker page. Text stays text, so
// the PDF remains searchable. The viewer is asked for duplex, flipping on the long edge.
import { Duplex, PDFDocument, PDFName, PrintScaling } from "pdf-lib";
import { A4, MARKER } from "./template";

const PT_PER_MM = 72 / 25.4;
const mm = (v: number) => v * PT_PER_MM;

export async function assembleCopies(rendered: Uint8Array, markerPdf: Uint8Array, copies: number, title: string): Promise<Uint8Array> {
  const source = await PDFDocument.load(rendered, { updateMetadata: false });
  const markerSource = await PDFDocument.load(markerPdf, { updateMetadata: false });
  if (source.getPageCount() !== 2) throw new Error(`协议书模板应渲染 2 页，实际 ${source.getPageCount()} 页`);
  if (markerSource.getPageCount() < copies) throw new Error(`份数标记只有 ${markerSource.getPageCount()} 页，需要 ${copies} 页`);
  const out = await PDFDocument.create({ updateMetadata: false });
  const [front, back] = await out.embedPages([source.getPage(0), source.getPage(1)]);
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
  const width = mm(A4.widthMm);
  const pageHeight = mm(A4.heightMm);
  const markerAt = { x: width - mm(MARKER.rightMm + MARKER.widthMm), y: pageHeight - mm(MARKER.topMm + MARKER.heightMm) };
  for (let i = 0; i < copies; i++) {
    for (const side of [front, back]) {
      const page = out.addPage([width, pageHeight]);
      page.drawPage(side, { x: 0, y: 0, width, height: pageHeight });
      page.drawPage(markers[i], { x: markerAt.x, y: markerAt.y, width: mm(MARKER.widthMm), height: mm(MARKER.heightMm) });
    }
  }
  out.setTitle(title);
  out.setSubject("就业协议书（一式三份，双面打印）");
  out.setCreator("网签 — 就业协议书网上签约");
  out.setProducer("网签");
  out.setLanguage("zh-CN");
  const fixed = new Date(0);
  // Fixed dates keep the bytes of an unchanged agreement identical (content-hash cache).
  out.setCreationDate(fixed);
  out.setModificationDate(fixed);
  const prefs = out.catalog.getOrCreateViewerPreferences();
  prefs.setDuplex(Duplex.DuplexFlipLongEdge);
  prefs.setDisplayDocTitle(true);
  prefs.setNumCopies(1); // one print is already 一式三份: do not print more
  prefs.setPrintScaling(PrintScaling.None); // A4 at 100%, so the front and back line up
  out.catalog.set(PDFName.of("PageLayout"), PDFName.of("SinglePage"));
  return out.save({ useObjectStreams: false });
}
