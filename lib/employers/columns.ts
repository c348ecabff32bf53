// The office's 用人单位审核 list's columns: the page and its XLSX export.
import type { ExportColumn } from "@/lib/export/columns";
import { provinceName } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { CHANGE_PENDING_LABEL, EMPLOYER_STATUS_LABELS, type EmployerReviewRow } from "./queries";

export const EMPLOYER_COLUMNS: ExportColumn<EmployerReviewRow>[] = [
  { header: "单位名称", value: (e) => e.name, width: 30 },
  { header: "统一社会信用代码", type: "text", value: (e) => e.orgCode, width: 22 },
  { header: "单位性质", value: (e) => unitNatureLabel(e.natureCode) ?? e.natureCode, width: 14 },
  { header: "所在省份", value: (e) => provinceName(e.provinceCode) ?? e.provinceCode, width: 12 },
  { header: "联系人", value: (e) => e.contactName, width: 10 },
  { header: "联系电话", type: "text", value: (e) => e.contactPhone, width: 16 },
  { header: "电子邮箱", value: (e) => e.email, width: 24 },
  { header: "通讯地址", value: (e) => e.address, width: 30 },
  { header: "审核状态", value: (e) => (e.status === "APPROVED" && e.changeRequestedAt ? `${EMPLOYER_STATUS_LABELS[e.status]}（${CHANGE_PENDING_LABEL}：${e.proposedName ?? ""}）` : EMPLOYER_STATUS_LABELS[e.status]), width: 10 },
  { header: "不通过原因", value: (e) => e.rejectReason, width: 24 },
  { header: "注册时间", type: "datetime", value: (e) => e.createdAt },
];
