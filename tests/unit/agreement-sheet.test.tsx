import { renderToStaticMarkup } from "react-dom/server";
import { AgreementSheet } from "@/components/agreement/agreement-sheet";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { UNIT_NATURES } from "@/lib/reference";

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
      <AgreementSheet data={{ ...SAMPLE_SHEET, unit: { ...SAMPLE_SHEET.unit, natureCode: "", department: "" } }} variant="screen" />,
    );
    expect(empty).not.toContain('aria-checked="true"');
    for (const label of ["姓名", "性别", "民族", "政治面貌", "培养方式", "学历", "学制", "毕业时间", "专业", "身份证号", "生源地", "联系方式", "家庭地址", "本人意见",
      "单位名称", "单位组织机构代码", "单位隶属部门", "联系人", "联系电话", "电子邮箱", "通讯地址", "邮政编码", "单位性质", "就业报到证抬头", "组织关系接收单位",
      "档案转寄详细地址", "落户城市(详细地址)", "用人单位意见", "主管部门意见", "学校联系人", "协议书邮寄地址", "学院意见", "学校毕业生主管部门意见"]) {
      expect(empty).toContain(label);
    }
  });

  it("prints signature and seal lines with dates only on paper", () => {
    const print = renderToStaticMarkup(<AgreementSheet data={SAMPLE_SHEET} variant="print" />);
    const screen = renderToStaticMarkup(<AgreementSheet data={SAMPLE_SHEET} variant="screen" />);
    expect(print).toContain("用人单位（盖章）");
    expect(print).toContain("学校（盖章）");
    expect(screen).not.toContain("（盖章）");
    expect(screen).toContain("网上办理：2027年3月1日");
  });
});
