// Shared SQL pieces of the statistics.
import { Prisma } from "@/lib/generated/prisma/client";
import { TIME_ZONE } from "@/lib/format";
import { liveSql } from "@/lib/workflow/states";

/** The agreement row `a` is live (neither 解约 nor an invitation): lib/workflow/states.ts. */
export const LIVE_A = Prisma.raw(liveSql("a"));

/** A timestamp column (stored as UTC) as a calendar day in China. */
export function chinaDay(column: string): Prisma.Sql {
  return Prisma.raw(`((${column}) AT TIME ZONE 'UTC' AT TIME ZONE '${TIME_ZONE}')::date`);
}

/** 已签约 in the sense of 签约率: the 学院 approved it (可打印) or it was filed (已备案). */
export const SIGNED_STATUSES = ["APPROVED", "FILED"] as const;

export const TREND_ACTIONS = {
  submit: { column: `a."submittedAt"`, label: "学生提交" },
  sign: { column: `a."employerSignedAt"`, label: "单位签约" },
  file: { column: `a."filedAt"`, label: "备案" },
} as const;
export type TrendAction = keyof typeof TREND_ACTIONS;

/** How long an agreement may wait for a unit before it counts as a backlog. */
export const BACKLOG_DAYS = 7;
