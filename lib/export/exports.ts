// What each export contains: the rows of a list (the same scoped reads the pages use) and
// the statistics tables, each with the columns its page declares and shows (the
// lib/*/columns.ts files, lib/statistics/tables.ts): the same columns, labels and order.
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { EMPLOYER_COLUMNS } from "@/lib/employers/columns";
import { allEmployersForReview, type EmployerReviewRow } from "@/lib/employers/queries";
import { getDashboard } from "@/lib/statistics/dashboard";
import { dashboardTables, type StatsTable } from "@/lib/statistics/tables";
import { describeFilter } from "@/lib/statistics/describe";
import { DRILLDOWN_COLUMNS } from "@/lib/statistics/drilldown-columns";
import { figureLabel, iterateDrilldown, type DrilldownRow, type Figure } from "@/lib/statistics/drilldown";
import type { StatsFilter } from "@/lib/statistics/filters";
import { studentColumns } from "@/lib/students/columns";
import { STUDENT_LIST_PARAMS, studentListSelect, studentWhere, type StudentFilter, type StudentListRow } from "@/lib/students/queries";
import { formatDateTime } from "@/lib/format";
import { routeParams } from "@/lib/http/params";
import type { ExportSheet } from "./xlsx";

const BATCH = 2000;

export function drilldownSheet(actor: Actor, filter: StatsFilter, figure: Figure): ExportSheet<DrilldownRow> {
  return {
    name: figureLabel(figure).replace(/[\\/?*[\]:]/g, " "),
    batches: iterateDrilldown(actor, filter, figure, BATCH),
    columns: DRILLDOWN_COLUMNS,
  };
}

/** 生源信息 list, in the actor's scope, 身份证号 masked: the page's columns (lib/students/columns.ts). */
export function studentsSheet(actor: Actor, f: StudentFilter): ExportSheet<StudentListRow> {
  const where = studentWhere(actor, f);
  async function* batches() {
    let after: string | undefined;
    for (;;) {
      const rows = await studentBatch(where, after);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].studentNo;
      if (rows.length < BATCH) return;
    }
  }
  return { name: "生源信息", batches: batches(), columns: studentColumns(actor.role, "export") };
}

function studentBatch(where: ReturnType<typeof studentWhere>, after?: string) {
  return prisma.student.findMany({
    where: after ? { AND: [where, { studentNo: { gt: after } }] } : where,
    orderBy: { studentNo: "asc" },
    take: BATCH,
    select: studentListSelect,
  });
}

/** The office's 用人单位审核 list, every unit of its filter: the page's columns (lib/employers/columns.ts). */
export async function employersSheet(actor: Actor, f: { status?: EmployerStatus | "CHANGE"; q?: string }): Promise<ExportSheet<EmployerReviewRow>> {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN");
  return { name: "用人单位", batches: [await allEmployersForReview(actor, f)], columns: EMPLOYER_COLUMNS };
}

/** 查询统计: the overview, then each of the page's tables as a sheet of the same name and columns (lib/statistics/tables.ts). */
export async function statisticsSheets(actor: Actor, filter: StatsFilter): Promise<ExportSheet<any>[]> {  // eslint-disable-line @typescript-eslint/no-explicit-any
  const d = await getDashboard(actor, filter);
  const title = await describeFilter(d.filter);
  const signed = d.funnel.approved + d.funnel.filed;
  // the page's heading figures (the cards above the charts), one per row
  const overview: ExportSheet<[string, string | number]> = {
    name: "总览",
    batches: [
      [
        ["筛选条件", title],
        ["数据更新时间", formatDateTime(d.refreshedAt)],
        ["毕业生", d.funnel.graduates],
        ["已签约（可打印+已备案）", signed],
        ["签约率(%)", Number(((d.funnel.graduates ? signed / d.funnel.graduates : 0) * 100).toFixed(1))],
        ["未开始", d.funnel.notStarted],
      ],
    ],
    columns: [
      { header: "项目", type: "text", width: 26, value: (r) => r[0] },
      { header: "数值", width: 40, value: (r) => r[1] },
    ],
  };
  const tables = Object.values(dashboardTables(d)) as StatsTable<unknown>[];
  return [overview, ...tables.map((t): ExportSheet<unknown> => ({ name: t.sheet, batches: [t.rows], columns: t.columns }))];
}

/** The list's URL parameters (the page's own), checked: malformed → AppError INVALID_INPUT (400). */
export function parseStudentFilter(sp: URLSearchParams): StudentFilter {
  const p = routeParams(sp, STUDENT_LIST_PARAMS);
  return { status: p.status === "all" ? undefined : p.status, collegeId: p.collegeId, majorId: p.majorId, graduationYear: p.year, q: p.q };
}
