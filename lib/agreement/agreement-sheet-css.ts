// The agreement form's own stylesheet: plain CSS (not Tailwind), because the same markup
// is printed by headless Chromium from the PDF template, where no app CSS is loaded.
// Screen: a container query stacks the rows into label/value pairs on a phone.
// Paper: labels break only where the sheet marks it, values never inside a run of letters and
// digits (an e-mail, a code); the print's fit script shrinks a cell whose text still overflows.
export const AGREEMENT_SHEET_CSS = `
.ag-sheet{color:#000;font-family:"Noto Serif SC","Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif;line-height:1.35}
.ag-sheet *{box-sizing:border-box}
.ag-title{text-align:center;font-size:1.5em;font-weight:700;letter-spacing:.3em;margin:0}
.ag-meta{display:flex;justify-content:space-between;align-items:flex-end;gap:1em;margin:.4em 0 .3em;font-size:.9em}
.ag-meta-no{font-weight:700;white-space:nowrap}
.ag-table{width:100%;border-collapse:collapse;table-layout:fixed;background:#fff}
.ag-table th,.ag-table td{border:1px solid #000;padding:.25em .35em;vertical-align:middle;text-align:left;font-weight:400;word-break:normal;overflow-wrap:anywhere}
.ag-table .ag-sec{writing-mode:vertical-rl;text-orientation:upright;text-align:center;font-weight:700;letter-spacing:.15em;padding:.3em 0}
.ag-table .ag-l{text-align:center;white-space:normal;word-break:keep-all}
.ag-table .ag-v{min-height:1.6em}
.ag-op{display:flex;flex-direction:column;justify-content:space-between;min-height:4.2em}
.ag-op-head{display:block}
.ag-op-label{font-weight:700}
.ag-op-sign{display:flex;justify-content:flex-end;gap:1.2em;font-size:.9em;margin-top:.3em;white-space:nowrap}
.ag-op-date{color:#444;font-size:.85em;text-align:right}
.ag-natures{display:flex;flex-wrap:wrap;gap:.15em .9em}
.ag-nature{display:inline-flex;align-items:center;gap:.2em;white-space:nowrap}
.ag-box{display:inline-block;position:relative;width:.95em;height:.95em;border:1px solid #000;flex:none}
.ag-box--on::after{content:"";position:absolute;left:.26em;top:.02em;width:.3em;height:.58em;border:solid #000;border-width:0 .14em .14em 0;transform:rotate(45deg)}
.ag-sheet--screen{container-type:inline-size;font-size:14px}
.ag-sheet--screen .ag-scroll{max-width:100%}
.ag-sheet--screen .ag-table{border:1px solid #000}
.ag-sheet--print{font-size:1em}
.ag-sheet--print .ag-table th,.ag-sheet--print .ag-table td{overflow-wrap:normal}
.ag-sheet--print .ag-tok{white-space:nowrap}
.ag-sheet--print .ag-v--one{white-space:nowrap}
.ag-sheet--print .ag-op{min-height:3.6em}
.ag-sheet--print .ag-op-tall{min-height:3.2em}
.ag-stamps{display:flex;justify-content:space-between;gap:0;margin-top:2mm}
.ag-stamp{width:44mm;border:1px solid #000;display:flex;flex-direction:column;align-items:center;padding:1mm 0;box-sizing:border-box}
.ag-stamp-label{font-size:8.5pt;font-weight:700;text-align:center;line-height:1.25;height:2.6em;display:flex;align-items:center;padding:0 1mm;word-break:keep-all}
.ag-stamp-area{width:42mm;height:42mm;position:relative;flex:none}
.ag-seal{position:absolute;left:1mm;top:1mm;width:40mm;height:40mm;object-fit:contain}
.ag-stamp-date{font-size:8.5pt;white-space:nowrap}
@container (max-width: 640px){
  .ag-sheet--screen .ag-table,.ag-sheet--screen .ag-table tbody{display:block}
  .ag-sheet--screen .ag-table colgroup{display:none}
  .ag-sheet--screen .ag-table tr{display:grid;grid-template-columns:7.2em minmax(0,1fr)}
  .ag-sheet--screen .ag-table th,.ag-sheet--screen .ag-table td{display:block;border-width:0 0 1px 0}
  .ag-sheet--screen .ag-table .ag-l{text-align:left;background:#f5f5f5;border-right-width:1px}
  .ag-sheet--screen .ag-table .ag-sec{writing-mode:horizontal-tb;grid-column:1/-1;text-align:left;padding:.4em .5em;background:#e8eefb;letter-spacing:.05em}
  .ag-sheet--screen .ag-table .ag-wide{grid-column:1/-1}
  .ag-sheet--screen .ag-meta{flex-direction:column;align-items:flex-start;gap:.2em}
}
`;
