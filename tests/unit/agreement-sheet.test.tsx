import type { ReactElement } from "react";
import { renderToStaticMarkup as markup } from "react-dom/server";
import { AgreementSheet } from "@/lib/agreement/agreement-sheet";
import { stampBoxes } from "@/lib/pdf/template";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { UNIT_NATURES } from "@/lib/reference";

/** The markup without the line-break hints (<wbr>) and the unbreakable runs of letters and digits. */
const renderToStaticMarkup = (element: ReactElement) => markup(element).replace(/<wbr\/?>/g, "").replace(/<span class="ag-tok">([^<]*)<\/span>/g, "$1");

describe("AgreementSheet", () => {
  it("shows all 12 单位性质 boxes with exactly the chosen one checked", () => {
    for (const nature of UNIT_NATURES) {
      const html = renderToStaticMarkup(
        <AgreementSheet data={{ ...SAMPLE_SHEET, unit: { ...SAMPLE_SHEET.unit, natureCode: nature.code } }} variant="print" />,
      );
      const boxes = [...html.matchAll(/aria-checked="(true|false)"[^>]*><span class="([^"]+)"[^>]*><\/span>([^<]+)</g)];
      expect(boxes.map((b) => b[3])).toEqual(UNIT_NATURES.map((n) => n.label));
      expect(boxes.filter((b) => b[1] === "true").map((b) => b[3])).toEqual([nature.label]);
      expect(boxes.filter((b) => b[2].includes("ag-box--on")).map((b) => b[3])).toEqual([nature.label]);
    }
  });

  it("renders blank cells for empty values and every row of the manual", () => {
    const empty = renderToStaticMarkup(
      <AgreementSheet data={{ ...SAMPLE_SHEET, showReportTitle: true, unit: { ...SAMPLE_SHEET.unit, natureCode: "", department: "" } }} variant="screen" />,
    );
    expect(empty).not.toContain('aria-checked="true"');
    for (const label of ["姓名", "性别", "民族", "政治面貌", "培养方式", "学历", "学制", "毕业时间", "专业", "身份证号", "生源地", "联系方式", "家庭地址", "本人意见",
      "单位名称", "统一社会信用代码", "单位隶属部门", "联系人", "联系电话", "电子邮箱", "通讯地址", "邮政编码", "单位性质", "就业报到证抬头", "组织关系接收单位",
      "档案转寄详细地址", "落户城市(详细地址)", "用人单位意见", "主管部门意见", "学校联系人", "协议书邮寄地址", "学院意见", "学校毕业生就业主管部门鉴证意见"]) {
      expect(empty).toContain(label);
    }
  });

  it("shows 就业报到证抬头 only where the office keeps it (abolished in 2023)", () => {
    const without = renderToStaticMarkup(<AgreementSheet data={{ ...SAMPLE_SHEET, showReportTitle: false }} variant="print" />);
    const withIt = renderToStaticMarkup(<AgreementSheet data={{ ...SAMPLE_SHEET, showReportTitle: true }} variant="print" />);
    expect(without).not.toContain("就业报到证抬头");
    expect(withIt).toContain("就业报到证抬头");
    expect(withIt).toContain(SAMPLE_SHEET.unit.reportTitle);
    // 档案转寄 and 落户 stay either way
    for (const html of [without, withIt]) for (const label of ["档案转寄详细地址", "落户城市(详细地址)"]) expect(html).toContain(label);
    expect(without).toMatch(/rowSpan="9"[^>]*>用人单位情况及意见/i);
  });

  it("prints the four seal boxes with dates to fill in on paper, none on screen", () => {
    const stamps = stampBoxes({ sheet: SAMPLE_SHEET, seals: { unit: "data:image/png;base64,AA", college: null, school: null } });
    const print = renderToStaticMarkup(<AgreementSheet data={SAMPLE_SHEET} variant="print" stamps={stamps} />);
    const screen = renderToStaticMarkup(<AgreementSheet data={SAMPLE_SHEET} variant="screen" />);
    for (const label of ["用人单位（盖章）", "主管部门（盖章）", "学院（盖章）", "学校毕业生就业主管部门（鉴证章）"]) expect(print).toContain(label);
    expect(print).toContain("毕业生签名：");
    expect(print).not.toContain("<img"); // paper: seals are stamped by hand, never printed
    expect(screen).not.toContain("（盖章）");
    expect(screen).toContain("网上办理：2027年3月1日");
  });

  it("places each party's seal and the date of its act in electronic mode", () => {
    const sheet = { ...SAMPLE_SHEET, mode: "ELECTRONIC" as const, dates: { ...SAMPLE_SHEET.dates, attested: "2027年3月6日" } };
    const stamps = stampBoxes({ sheet, seals: { unit: "data:image/png;base64,VU5JVA==", college: "data:image/png;base64,Q09M", school: "data:image/png;base64,U0NI" } });
    const html = renderToStaticMarkup(<AgreementSheet data={sheet} variant="print" stamps={stamps} />);
    expect([...html.matchAll(/<img class="ag-seal" src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "data:image/png;base64,VU5JVA==",
      "data:image/png;base64,Q09M",
      "data:image/png;base64,U0NI",
    ]);
    for (const date of ["2027年3月1日", "2027年3月5日", "2027年3月6日"]) expect(html).toContain(date);
    expect(html).toContain("毕业生网上确认：");
  });
});
