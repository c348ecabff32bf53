import type { SourceStatus } from "@/lib/generated/prisma/enums";

/** 生源信息审核状态, as the manual names them. */
export const SOURCE_STATUS_LABELS: Record<SourceStatus, string> = {
  PENDING_COLLEGE: "待学院审核",
  PENDING_OFFICE: "待就业处审核",
  APPROVED: "审核完成",
  RETURNED: "已退回",
};

export const GENDER_LABELS = { MALE: "男", FEMALE: "女" } as const;
