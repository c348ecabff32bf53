// The 生源信息 list's columns: the page (office and counselor) and its XLSX export.
import type { Role } from "@/lib/generated/prisma/enums";
import type { ExportColumn } from "@/lib/export/columns";
import { idNumberFor, type IdNumberUse } from "@/lib/privacy/id-number";
import { educationLabel } from "@/lib/reference/education";
import { ethnicityLabel } from "@/lib/reference/ethnicities";
import { politicalStatusLabel } from "@/lib/reference/political-status";
import { regionLabel } from "@/lib/reference/regions";
import { GENDER_LABELS, SOURCE_STATUS_LABELS } from "./labels";
import type { StudentListRow } from "./queries";

/** `use`: "screen" or "export", for the 身份证号 (masked in both, lib/privacy/id-number.ts). */
export function studentColumns(viewer: Role, use: Extract<IdNumberUse, "screen" | "export">): ExportColumn<StudentListRow>[] {
  return [
    { header: "学号", type: "text", value: (s) => s.studentNo },
    { header: "姓名", value: (s) => s.name, width: 10 },
    { header: "性别", value: (s) => GENDER_LABELS[s.gender], width: 6 },
    { header: "民族", value: (s) => ethnicityLabel(s.ethnicityCode) ?? s.ethnicityCode, width: 10 },
    { header: "政治面貌", value: (s) => politicalStatusLabel(s.politicalCode) ?? s.politicalCode, width: 12 },
    { header: "学历", value: (s) => educationLabel(s.educationCode) ?? s.educationCode, width: 12 },
    { header: "毕业时间", type: "text", value: (s) => s.graduationMonth, width: 10 },
    { header: "学院", value: (s) => s.college.name, width: 22 },
    { header: "专业", value: (s) => s.major.name, width: 20 },
    { header: "身份证号", type: "text", value: (s) => idNumberFor(viewer, use, s.idNumber), width: 22 },
    { header: "生源地", value: (s) => regionLabel(s.originProvince, s.originCity), width: 16 },
    { header: "生源信息状态", value: (s) => SOURCE_STATUS_LABELS[s.sourceStatus], width: 14 },
    { header: "退回原因", value: (s) => s.sourceNote, width: 24 },
  ];
}
