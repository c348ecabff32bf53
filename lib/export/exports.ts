// What each export contains: the rows of a list (the same scoped reads the pages use) and
// the statistics tables, with Chinese headers.
import { searchTerm } from "@/lib/validation/common";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { EMPLOYER_STATUS_LABELS } from "@/lib/employers/queries";
import { educationLabel } from "@/lib/reference/education";
import { ethnicityLabel } from "@/lib/reference/ethnicities";
import { politicalStatusLabel } from "@/lib/reference/political-status";
import { provinceName, regionLabel } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { getDashboard, FUNNEL } from "@/lib/statistics/dashboard";
import { describeFilter } from "@/lib/statistics/describe";
import { figureLabel, iterateDrilldown, type DrilldownRow, type Figure } from "@/lib/statistics/drilldown";
import type { StatsFilter } from "@/lib/statistics/filters";
import { TREND_ACTIONS, type TrendAction } from "@/lib/statistics/sql";
import { GENDER_LABELS, SOURCE_STATUS_LABELS } from "@/lib/students/labels";
import { STUDENT_LIST_PARAMS, studentWhere, type StudentFilter } from "@/lib/students/queries";
import { idNumberFor } from "@/lib/privacy/id-number";
import { formatDateTime } from "@/lib/format";
import { routeParams } from "@/lib/http/params";
import type { ColumnType, ExportSheet } from "./xlsx";

const BATCH = 2000;

export function drilldownSheet(actor: Actor, filter: StatsFilter, figure: Figure): ExportSheet<DrilldownRow> {
  return {
    name: figureLabel(figure).replace(/[\\/?*[\]:]/g, " "),
    batches: iterateDrilldown(actor, filter, figure, BATCH),
    columns: [
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
    ],
  };
}

/** 生源信息 list, in the actor's scope, 身份证号 masked. */
export function studentsSheet(actor: Actor, f: StudentFilter): ExportSheet<Awaited<ReturnType<typeof studentBatch>>[number]> {
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
  return {
    name: "生源信息",
    batches: batches(),
    columns: [
      { header: "学号", type: "text", value: (s) => s.studentNo },
      { header: "姓名", value: (s) => s.name, width: 10 },
      { header: "性别", value: (s) => GENDER_LABELS[s.gender], width: 6 },
      { header: "民族", value: (s) => ethnicityLabel(s.ethnicityCode) ?? s.ethnicityCode, width: 10 },
      { header: "政治面貌", value: (s) => politicalStatusLabel(s.politicalCode) ?? s.politicalCode, width: 12 },
      { header: "学历", value: (s) => educationLabel(s.educationCode) ?? s.educationCode, width: 12 },
      { header: "毕业时间", type: "text", value: (s) => s.graduationMonth, width: 10 },
      { header: "学院", value: (s) => s.college.name, width: 22 },
      { header: "专业", value: (s) => s.major.name, width: 20 },
      { header: "身份证号", type: "text", value: (s) => idNumberFor(actor.role, "export", s.idNumber), width: 22 },
      { header: "生源地", value: (s) => regionLabel(s.originProvince, s.originCity), width: 16 },
      { header: "生源信息状态", value: (s) => SOURCE_STATUS_LABELS[s.sourceStatus], width: 14 },
      { header: "退回原因", value: (s) => s.sourceNote, width: 24 },
    ],
  };
}

function studentBatch(where: ReturnType<typeof studentWhere>, after?: string) {
  return prisma.student.findMany({
    where: after ? { AND: [where, { studentNo: { gt: after } }] } : where,
    orderBy: { studentNo: "asc" },
    take: BATCH,
    include: { college: { select: { name: true } }, major: { select: { name: true } } },
  });
}

export async function employersSheet(actor: Actor, f: { status?: EmployerStatus; q?: string }) {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN");
  const q = searchTerm(f.q);
  const rows = await prisma.employer.findMany({
    where: { AND: [f.status ? { status: f.status } : {}, q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { orgCode: { startsWith: q.toUpperCase() } }] } : {}] },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
  });
  type E = (typeof rows)[number];
  const sheet: ExportSheet<E> = {
    name: "用人单位",
    batches: [rows],
    columns: [
      { header: "单位名称", value: (e) => e.name, width: 30 },
      { header: "统一社会信用代码", type: "text", value: (e) => e.orgCode, width: 22 },
      { header: "单位性质", value: (e) => unitNatureLabel(e.natureCode) ?? e.natureCode, width: 14 },
      { header: "所在省份", value: (e) => provinceName(e.provinceCode) ?? e.provinceCode, width: 12 },
      { header: "联系人", value: (e) => e.contactName, width: 10 },
      { header: "联系电话", type: "text", value: (e) => e.contactPhone, width: 16 },
      { header: "电子邮箱", value: (e) => e.email, width: 24 },
      { header: "通讯地址", value: (e) => e.address, width: 30 },
      { header: "审核状态", value: (e) => EMPLOYER_STATUS_LABELS[e.status], width: 10 },
      { header: "不通过原因", value: (e) => e.rejectReason, width: 24 },
      { header: "注册时间", type: "datetime", value: (e) => e.createdAt },
    ],
  };
  return sheet;
}

/** The dashboard's tables, one sheet each (same figures as the page). */
export async function statisticsSheets(actor: Actor, filter: StatsFilter): Promise<ExportSheet<(string | number | Date)[]>[]> {
  const d = await getDashboard(actor, filter);
  const title = await describeFilter(d.filter);
  type Cell = string | number | Date;
  // the first column names the row; the others are counts unless `types` says otherwise
  const table = (name: string, headers: string[], rows: Cell[][], types: ColumnType[] = []): ExportSheet<Cell[]> => ({
    name,
    batches: [rows],
    columns: headers.map((h, i) => {
      const type = types[i] ?? (i === 0 ? "text" : "number");
      return { header: h, type, width: i === 0 ? 26 : type === "datetime" ? 17 : 12, value: (r: Cell[]) => r[i] };
    }),
  });
  const rate = (x: number) => Number((x * 100).toFixed(1));
  return [
    table("总览", ["项目", "数值"], [
      ["筛选条件", title],
      ["数据更新时间", formatDateTime(d.refreshedAt)],
      ["毕业生", d.funnel.graduates],
      ["已签约（可打印+已备案）", d.funnel.approved + d.funnel.filed],
      ["签约率(%)", rate(d.funnel.graduates ? (d.funnel.approved + d.funnel.filed) / d.funnel.graduates : 0)],
      ...FUNNEL.map((s) => [s.label, d.funnel[s.key]] as (string | number)[]),
    ]),
    table("签约率-学院", ["学院", "毕业生", "已签约", "签约率(%)"], d.byCollege.map((r) => [r.name, r.graduates, r.signed, rate(r.rate)])),
    table("签约率-专业", ["专业", "毕业生", "已签约", "签约率(%)"], d.byMajor.map((r) => [r.name, r.graduates, r.signed, rate(r.rate)])),
    table("单位性质", ["单位性质", "人数"], d.byNature.map((r) => [unitNatureLabel(r.value) ?? r.value, r.count])),
    table("生源地", ["省份", "人数"], d.byOriginProvince.map((r) => [provinceName(r.value) ?? r.value, r.count])),
    table("单位所在省", ["省份", "人数"], d.byUnitProvince.map((r) => [provinceName(r.value) ?? r.value, r.count])),
    table("每日趋势", ["日期", ...(Object.keys(TREND_ACTIONS) as TrendAction[]).map((a) => TREND_ACTIONS[a].label)], d.trend.map((p) => [p.day, p.submit, p.sign, p.file]), ["date"]),
    table("积压-单位", ["单位", "超过7天未签约(份)", "最早等待自"], d.employerBacklog.map((b) => [b.name, b.count, b.oldest]), ["text", "number", "datetime"]),
    table("积压-学院审核", ["学院", "辅导员", "待审核(份)", "最早等待自"], d.collegeBacklog.map((b) => [b.name, b.counselors, b.count, b.oldest]), ["text", "text", "number", "datetime"]),
  ];
}

/** The list's URL parameters (the page's own), checked: malformed → AppError INVALID_INPUT (400). */
export function parseStudentFilter(sp: URLSearchParams): StudentFilter {
  const p = routeParams(sp, STUDENT_LIST_PARAMS);
  return { status: p.status === "all" ? undefined : p.status, collegeId: p.collegeId, majorId: p.majorId, graduationYear: p.year, q: p.q };
}
