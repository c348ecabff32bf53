// The columns of the list behind a figure of 查询统计: the page and its XLSX export.
import type { ExportColumn } from "@/lib/export/columns";
import type { DrilldownRow } from "./drilldown";

export const DRILLDOWN_COLUMNS: ExportColumn<DrilldownRow>[] = [
  { header: "学号", type: "text", value: (r) => r.studentNo },
  { header: "姓名", value: (r) => r.name, width: 10 },
  { header: "学院", value: (r) => r.college, width: 22 },
  { header: "专业", value: (r) => r.major, width: 20 },
  { header: "学历", value: (r) => r.education, width: 12 },
  { header: "毕业时间", type: "text", value: (r) => r.graduationMonth, width: 10 },
  { header: "生源地", value: (r) => r.originProvince, width: 12 },
  { header: "协议状态", value: (r) => r.status, width: 12 },
  { header: "协议书号", type: "text", value: (r) => r.agreementNo },
  { header: "签约单位", value: (r) => r.employer, width: 30 },
  { header: "单位性质", value: (r) => r.nature, width: 14 },
  { header: "单位所在省", value: (r) => r.unitProvince, width: 12 },
  { header: "提交日期", type: "date", value: (r) => r.submittedAt },
  { header: "单位签约日期", type: "date", value: (r) => r.employerSignedAt, width: 13 },
  { header: "备案日期", type: "date", value: (r) => r.filedAt },
];
