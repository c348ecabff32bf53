// The 就业协议书 as printed: an A4 front page (the agreement form — the same AgreementSheet
// every page shows) and an A4 back page (the agreement's versioned 协议条款); plus the copy
// markers (第一份 毕业生执 …) that the assembler stamps onto the duplicated pages.
// Rendered to static HTML with React, so every value is escaped.
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement, ReactNode } from "react";
import { AgreementSheet, type StampBox } from "@/lib/agreement/agreement-sheet";
import { AGREEMENT_SHEET_CSS } from "@/lib/agreement/agreement-sheet-css";
import type { AgreementSheetData } from "@/lib/agreement/sheet-data";

let staticRenderer: ((element: ReactElement) => string) | null = null;

/**
 * Next compiles route handlers for React Server Components, where importing
 * react-dom/server is refused. The template's components are plain hook-free functions,
 * so Node's own react-dom/server (loaded at run time, outside the bundle) renders them.
 */
function renderToStaticMarkup(element: ReactElement): string {
  if (!staticRenderer) {
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const server = load(["react-dom", "server"].join("/")) as typeof import("react-dom/server");
    staticRenderer = server.renderToStaticMarkup;
  }
  return staticRenderer(element);
}

/** Bump when the template changes: it is part of the cache key of every PDF. */
export const TEMPLATE_VERSION = 10;

/** One signing act on the 签署记录 page (the evidence of each party's consent). */
export type SigningRecordEntry = {
  /** 正式提交, 复核确认, 确定签约, 通过, 鉴证 … */
  act: string;
  /** 毕业生, 用人单位, 学院, 学校就业主管部门 */
  party: string;
  /** the person (and unit) who acted */
  name: string;
  /** "2027-03-01 10:15:02 (UTC+8)" */
  at: string;
  /** 密码登录, 统一身份认证 (SSO), 二次验证 … */
  auth: string;
  ip: string;
  userAgent: string;
  /** sha256 of the content the party confirmed */
  contentHash: string;
};

/** Seal images (data: URLs of PNGs) placed in their boxes, electronic mode only. */
export type PlacedSeals = { unit: string | null; college: string | null; school: string | null };

export type AgreementDocument = {
  sheet: AgreementSheetData;
  schoolName: string;
  terms: { version: number | null; content: string };
  /** official prints carry the verification code; previews are marked 样张 and carry none */
  kind: "official" | "preview";
  verification: { code: string; url: string; qrSvg: string } | null;
  copies: number;
  /** a paper reprint: "补打 · 第 N 次打印" in every page's head */
  reprint: { printNo: number } | null;
  seals: PlacedSeals;
  /** the 签署记录 page of an electronic original; null on paper and previews */
  signingRecord: { entries: SigningRecordEntry[]; signer: string; fingerprint: string } | null;
};

const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const HOLDERS = ["毕业生", "用人单位", "学校"];

export type CopyMarker = { label: string; holder: string };

/** 第一份 毕业生执, 第二份 用人单位执, 第三份 学校执 (further copies, if configured, are 备用). */
export function copyMarkers(copies: number): CopyMarker[] {
  return Array.from({ length: copies }, (_, i) => ({
    label: `第${CHINESE_NUMBERS[i] ?? String(i + 1)}份`,
    holder: HOLDERS[i] ?? "备用",
  }));
}

// Page geometry in millimetres, shared with the assembler that stamps the markers.
export const A4 = { widthMm: 210, heightMm: 297 };
export const MARKER = { widthMm: 64, heightMm: 9, topMm: 7, rightMm: 15 };

export const PAGE_CSS = `
@page{size:A4;margin:0}
html,body{margin:0;padding:0;background:#fff}
body{font-family:"Noto Serif SC",serif;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.pg{width:210mm;height:297mm;padding:${MARKER.topMm}mm 15mm 7mm;display:flex;flex-direction:column;position:relative;overflow:hidden;break-after:page;box-sizing:border-box}
.pg:last-child{break-after:auto}
.pg-head{height:${MARKER.heightMm + 2}mm;display:flex;justify-content:space-between;align-items:flex-start;font-size:10pt;flex:none}
.pg-school{font-weight:700;letter-spacing:.1em;padding-top:1.5mm}
.pg-reprint{flex:none;margin:0 3mm;padding:1mm 2.5mm;border:.4mm solid #000;font-size:10.5pt;font-weight:700;letter-spacing:.08em;white-space:nowrap}
.pg-slot{width:${MARKER.widthMm}mm;height:${MARKER.heightMm}mm}
.pg-body{flex:1;min-height:0;overflow:hidden;contain:strict}
.pg-foot{flex:none;height:25mm;display:flex;align-items:center;gap:4mm;border-top:.3mm solid #000;margin-top:2mm;padding-top:2mm;font-size:8pt;line-height:1.5}
.pg-qr{width:21mm;height:21mm;flex:none}
.pg-qr svg{width:100%;height:100%;display:block}
.pg-foot-text{flex:1}
.pg-code{font-size:10pt;font-weight:700;letter-spacing:.05em}
.pg-side{text-align:right;white-space:nowrap}
.pg-mark{position:absolute;left:0;right:0;top:38%;text-align:center;font-size:150pt;font-weight:700;color:rgba(190,0,0,.16);transform:rotate(-30deg);letter-spacing:.2em}
.terms-title{text-align:center;font-size:14pt;font-weight:700;letter-spacing:.3em;margin:0 0 1mm}
.terms-version{text-align:center;font-size:8.5pt;margin:0 0 2mm;color:#333}
.terms-box{font-size:9.5pt}
.terms{line-height:1.55;text-align:justify}
.terms p{margin:0 0 .15em;text-indent:2em}
.terms .t-article{font-weight:700;text-indent:0;margin-top:.45em}
.terms .t-remark{border:1px solid #000;padding:.4em .6em;min-height:4.5em;text-indent:0;margin-top:.6em}
.mk{position:absolute;left:0;top:0;width:${MARKER.widthMm}mm;height:${MARKER.heightMm}mm;box-sizing:border-box;border:.4mm solid #000;display:flex;align-items:center;justify-content:center;gap:3mm;font-size:11pt;font-weight:700;letter-spacing:.1em}
.mk-holder{font-weight:400}
.remarks{border:1px solid #000;min-height:45mm;margin-top:3mm;padding:2mm 3mm;line-height:1.55;white-space:pre-wrap}
.remarks-title{font-weight:700}
.rec-title{text-align:center;font-size:14pt;font-weight:700;letter-spacing:.3em;margin:0 0 2mm}
.rec-intro{font-size:9pt;line-height:1.6;margin:0 0 3mm}
.rec-table{width:100%;border-collapse:collapse;font-size:8pt;line-height:1.4;table-layout:fixed}
.rec-table th,.rec-table td{border:1px solid #000;padding:1mm 1.2mm;text-align:left;vertical-align:top;word-break:break-all;overflow-wrap:anywhere}
.rec-table th{background:#f0f0f0;font-weight:700}
.rec-hash{font-family:monospace;font-size:6.5pt}
.rec-at{white-space:pre-line}
.rec-doc{margin-top:3mm;font-size:8.5pt;line-height:1.6}
.pg-markers{padding:0}
`;

/** Shrinks a box's content until it fits its page area (long addresses, long terms). */
const FIT_SCRIPT = `
function wqFit(box){
  var inner=box.firstElementChild; if(!inner) return;
  var max=parseFloat(box.dataset.fitMax), min=parseFloat(box.dataset.fitMin);
  inner.style.fontSize=max+'pt';
  if(inner.scrollHeight<=box.clientHeight) return;
  // text area grows with the square of the size: start near the answer, then bisect a
  // narrow bracket (each probe is a layout, the slow part)
  var guess=Math.max(min,Math.min(max,max*Math.sqrt(box.clientHeight/inner.scrollHeight)));
  inner.style.fontSize=guess+'pt';
  var fits=inner.scrollHeight<=box.clientHeight;
  var lo=fits?guess:Math.max(min,guess*0.9), hi=fits?Math.min(max,guess*1.06):guess;
  for(var i=0;i<4;i++){ var mid=(lo+hi)/2; inner.style.fontSize=mid+'pt'; if(inner.scrollHeight<=box.clientHeight) lo=mid; else hi=mid; }
  inner.style.fontSize=lo+'pt';
  // the bracket's lower end is a guess: step down until it really fits
  while(inner.scrollHeight>box.clientHeight&&lo>min){ lo=Math.max(min,lo*0.93); inner.style.fontSize=lo+'pt'; }
}
// A cell of the agreement form whose text is wider than the cell (a label that does not fit
// where it may break, an e-mail longer than its box) is set smaller until it fits: words and
// addresses are never broken (lib/agreement/agreement-sheet-css.ts), they shrink.
function wqFitCells(root){
  var cells=root.querySelectorAll('.ag-sheet--print .ag-l,.ag-sheet--print .ag-v,.ag-sheet--print .ag-stamp-label');
  for(var i=0;i<cells.length;i++){
    var c=cells[i], size=1;
    c.style.fontSize='';
    for(var n=0;n<12&&c.scrollWidth>c.clientWidth+0.5&&size>0.35;n++){
      size=Math.max(0.35,size*Math.min(0.96,c.clientWidth/c.scrollWidth));
      c.style.fontSize=size+'em';
    }
  }
}
// Refill by parts: an element with data-part whose HTML is what it was last time is kept as
// it is, laid out and fitted already (the back page's terms are the same for every agreement
// of a terms version); only the changed parts are replaced, laid out and fitted again.
window.wqFill=async function(html){
  var tpl=document.createElement('template'); tpl.innerHTML=html;
  var next=tpl.content.querySelectorAll('[data-part]'), cur=document.body.querySelectorAll('[data-part]');
  var same=next.length>0&&next.length===cur.length;
  for(var i=0;same&&i<next.length;i++) same=next[i].dataset.part===cur[i].dataset.part;
  var changed=[];
  if(!same){
    document.body.replaceChildren(tpl.content);
    changed=Array.prototype.slice.call(document.body.querySelectorAll('[data-part]'));
    changed.forEach(function(el){ el.wqSrc=el.outerHTML; });
  } else {
    for(var j=0;j<next.length;j++){
      var src=next[j].outerHTML;
      if(cur[j].wqSrc===src) continue;
      next[j].wqSrc=src; cur[j].replaceWith(next[j]); changed.push(next[j]);
    }
  }
  void document.body.offsetHeight; // lay out now, so the needed font chunks start loading
  await document.fonts.ready;
  changed.forEach(function(el){ if(el.hasAttribute('data-fit-max')){ wqFit(el); wqFitCells(el); } });
  await document.fonts.ready;
  return document.querySelectorAll('.pg').length;
};
`;
/** The page Chromium keeps loaded: styles and fonts once; documents are filled into its body. */
export function shellHtml(fontCss: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>就业协议书</title>
<style>${fontCss}</style><style>${AGREEMENT_SHEET_CSS}</style><style>${PAGE_CSS}</style>
<script>${FIT_SCRIPT}</script></head><body></body></html>`;
}

function Footer({ doc, side, part }: { doc: AgreementDocument; side: string; part: string }) {
  const v = doc.verification;
  return (
    <footer className="pg-foot" data-part={part}>
      {v ? <div className="pg-qr" dangerouslySetInnerHTML={{ __html: v.qrSvg }} /> : null}
      <div className="pg-foot-text">
        {v ? (
          <>
            <div>
              验证码：<span className="pg-code">{v.code}</span>
            </div>
            <div>扫描二维码或访问 {v.url.replace(/\?.*$/, "")} 输入验证码，核验本协议书真伪。</div>
          </>
        ) : (
          <div>样张：仅供核对版式，不是正式协议书，不能盖章使用。学院审核通过后方可打印正式协议书。</div>
        )}
        <div>
          {doc.sheet.mode === "ELECTRONIC"
            ? "本协议书为电子协议：带学校数字签名的本 PDF 文件即为原件，三方各存一份电子文件，无需打印、盖章、邮寄。"
            : "本协议书正反面打印在一张纸上，一式三份，甲乙丙三方各执一份。"}
        </div>
      </div>
      <div className="pg-side">
        <div>协议书号：{doc.sheet.agreementNo || "—"}</div>
        <div>{side}</div>
      </div>
    </footer>
  );
}

function TermsText({ content }: { content: string }) {
  const lines = content.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // The office's text usually starts with its own heading; the page prints one already.
  if (lines[0] && /条款$/.test(lines[0]) && lines[0].length <= 20) lines.shift();
  // An empty "备注：" is the box to write in: the page has its own 备注/其他约定 box for that.
  if (lines.length && /^备注[:：]$/.test(lines[lines.length - 1])) lines.pop();
  return (
    <>
      {lines.map((line, i) => {
        if (/^第[一二三四五六七八九十百\d]+条/.test(line)) return <p key={i} className="t-article">{line}</p>;
        if (/^备注[:：]/.test(line)) return <p key={i} className="t-remark">{line}</p>;
        return <p key={i}>{line}</p>;
      })}
    </>
  );
}

/**
 * One page. Its parts (data-part) are what the renderer's refill compares with the previous
 * document: an unchanged part — the back page's terms, the school's name — is not laid out
 * or fitted again.
 */
function Page({ doc, n, side, fit, children }: { doc: AgreementDocument; n: number; side: string; fit: { max: string; min: string }; children: ReactNode }) {
  return (
    <section className="pg">
      <div className="pg-head" data-part={`h${n}`}>
        <span className="pg-school">{doc.schoolName}</span>
        {doc.reprint ? <span className="pg-reprint">{reprintMark(doc.reprint.printNo)}</span> : null}
        <span className="pg-slot" />
      </div>
      {/* the fit script sizes the body's one child */}
      <div className="pg-body" data-part={`b${n}`} data-fit-max={fit.max} data-fit-min={fit.min}>
        {children}
      </div>
      <Footer doc={doc} side={side} part={`f${n}`} />
      <div data-part={`m${n}`}>{doc.kind === "preview" ? <div className="pg-mark">样张</div> : null}</div>
    </section>
  );
}

/** The four seal boxes; in electronic mode each carries its seal and the date of the act. */
export function stampBoxes(doc: Pick<AgreementDocument, "sheet" | "seals">): StampBox[] {
  const electronic = doc.sheet.mode === "ELECTRONIC";
  const d = doc.sheet.dates;
  return [
    { label: "用人单位（盖章）", sealSrc: electronic ? doc.seals.unit : null, date: electronic ? d.employerSigned : "" },
    { label: "主管部门（盖章）", sealSrc: null, date: "" },
    { label: "学院（盖章）", sealSrc: electronic ? doc.seals.college : null, date: electronic ? d.approved : "" },
    { label: "学校毕业生就业主管部门（鉴证章）", sealSrc: electronic ? doc.seals.school : null, date: electronic ? d.attested : "" },
  ];
}

function SigningRecord({ doc, record }: { doc: AgreementDocument; record: NonNullable<AgreementDocument["signingRecord"]> }) {
  return (
    <div>
      <h2 className="rec-title">签署记录</h2>
      <p className="rec-intro">
        本页记录就业协议书 {doc.sheet.agreementNo} 各方在网上签约系统中的签署行为（谁、何时、从何处、以何种方式认证、确认的内容摘要）。
        本页与协议正文为同一份电子文件，由学校的签名证书进行数字签名；任何改动都会使签名失效。
      </p>
      <table className="rec-table">
        <colgroup>
          <col style={{ width: "5%" }} />
          <col style={{ width: "13%" }} />
          <col style={{ width: "20%" }} />
          <col style={{ width: "15%" }} />
          <col style={{ width: "13%" }} />
          <col style={{ width: "34%" }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>环节</th>
            <th>签署方</th>
            <th>时间</th>
            <th>身份认证</th>
            <th>来源（IP / 设备）与确认内容摘要（SHA-256）</th>
          </tr>
        </thead>
        <tbody>
          {record.entries.map((e, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{e.act}</td>
              <td>
                {e.party}
                <br />
                {e.name}
              </td>
              <td className="rec-at">{e.at.replace(" ", "\n")}</td>
              <td>{e.auth}</td>
              <td>
                IP：{e.ip || "—"}
                <br />
                设备：{e.userAgent || "—"}
                <br />
                <span className="rec-hash">{e.contentHash || "—"}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rec-doc">
        <div>签名证书：{record.signer}</div>
        <div>证书指纹（SHA-256）：<span className="rec-hash">{record.fingerprint}</span></div>
        <div>核验：扫描页脚二维码或在学校网上签约系统的“协议核验”页面输入验证码、上传本文件。</div>
      </div>
    </div>
  );
}

function Document({ doc }: { doc: AgreementDocument }) {
  const record = doc.signingRecord;
  return (
    <>
      <Page doc={doc} n={1} side="第 1 页（正面）" fit={{ max: "9.6", min: "4" }}>
        <div>
          <AgreementSheet data={doc.sheet} variant="print" stamps={stampBoxes(doc)} />
        </div>
      </Page>
      <Page doc={doc} n={2} side="第 2 页（背面）" fit={{ max: "10", min: "6.5" }}>
        <div className="terms-box">
          <div className="terms">
            <h2 className="terms-title">协议条款</h2>
            <p className="terms-version">{doc.terms.version ? `（第 ${doc.terms.version} 版条款）` : ""}</p>
            <TermsText content={doc.terms.content} />
          </div>
          <div className="remarks">
            <span className="remarks-title">备注/其他约定（补充条款）：</span>
            {doc.sheet.remarks ? `\n${doc.sheet.remarks}` : doc.sheet.mode === "ELECTRONIC" ? "无" : ""}
          </div>
        </div>
      </Page>
      {record ? (
        <Page doc={doc} n={3} side="第 3 页（签署记录）" fit={{ max: "10", min: "6" }}>
          <SigningRecord doc={doc} record={record} />
        </Page>
      ) : null}
    </>
  );
}

/** The body of one document: the front and the back page. */
export function documentBodyHtml(doc: AgreementDocument): string {
  return renderToStaticMarkup(<Document doc={doc} />);
}

/** What every page of a reprint says in its head (and the print record lists). */
export function reprintMark(printNo: number): string {
  return `补打 · 第 ${printNo} 次打印`;
}

/**
 * One small page per copy marker (第一份 毕业生执 …). The same for every agreement, so it is
 * rendered once per process; one marker per page because an XObject cut from a page
 * carries all of that page's text, and each copy must carry only its own marker.
 */
export function markersBodyHtml(copies: number): string {
  return renderToStaticMarkup(
    <>
      {copyMarkers(copies).map((m, i) => (
        <section key={i} className="pg pg-markers">
          <div className="mk">
            <span>{m.label}</span>
            <span className="mk-holder">{m.holder}执</span>
          </div>
        </section>
      ))}
    </>,
  );
}
