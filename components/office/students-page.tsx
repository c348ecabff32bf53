import Link from "next/link";
import type { Actor } from "@/lib/auth/roles";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import { SOURCE_STATUS_LABELS } from "@/lib/students/labels";
import { studentColumns } from "@/lib/students/columns";
import { columnLabels, rowCells } from "@/lib/export/columns";
import { collegeOptions, listStudents, type StudentListParams } from "@/lib/students/queries";
import { SOURCE_REVIEW } from "@/lib/students/review";
import type { ActionResult } from "@/lib/action-result";
import { Pager } from "./pager";
import { StudentReviewList, type ReviewRow } from "./student-review-list";

const STATUSES: SourceStatus[] = ["PENDING_COLLEGE", "PENDING_OFFICE", "APPROVED", "RETURNED"];

/** The 生源信息 list of the office (all 学院) and of a counselor (own 学院, enforced in lib). */
export async function StudentsPage({
  actor,
  basePath,
  search,
  approveAction,
  returnAction,
}: {
  actor: Actor;
  basePath: string;
  search: StudentListParams;
  approveAction: (input: unknown) => Promise<ActionResult<{ studentId: string; ok: boolean; message: string }[]>>;
  returnAction: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const isOffice = actor.role === "OFFICE";
  const rules = isOffice ? SOURCE_REVIEW.OFFICE : SOURCE_REVIEW.COUNSELOR;
  const defaultStatus: SourceStatus = isOffice ? "PENDING_OFFICE" : "PENDING_COLLEGE";
  const status = search.status === "all" ? undefined : ((search.status as SourceStatus | undefined) ?? defaultStatus);
  const colleges = await collegeOptions(actor);
  const filter = { status, collegeId: search.collegeId, majorId: search.majorId, graduationYear: search.year, q: search.q, page: search.page };
  const list = await listStudents(actor, filter);
  const majors = colleges.filter((c) => !search.collegeId || c.id === search.collegeId).flatMap((c) => c.majors);
  const keep = { collegeId: search.collegeId, majorId: search.majorId, year: search.year ? String(search.year) : undefined, q: search.q };
  const qs = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, ...extra })) if (v) p.set(k, v);
    return p.toString();
  };
  const columns = studentColumns(actor.role, "screen");
  const rows: ReviewRow[] = list.rows.map((s) => ({ id: s.id, name: s.name, status: s.sourceStatus, cells: rowCells(columns, s) }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{isOffice ? "生源信息" : "生源信息审核"}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`${basePath}/import`} className="btn-primary">
            导入生源信息
          </Link>
          <a href={`/api/export/students?${qs({ status: status ?? "all" })}`} className="btn-secondary">
            导出 Excel
          </a>
        </div>
      </div>
      <nav className="flex flex-wrap gap-2" aria-label="审核状态">
        {[...STATUSES, "all" as const].map((s) => {
          const active = (status ?? "all") === s;
          return (
            <Link
              key={s}
              href={`${basePath}?${qs({ status: s })}`}
              aria-current={active ? "page" : undefined}
              className={`rounded-full px-3 py-1.5 text-sm ring-1 ${active ? "bg-brand-700 text-white ring-brand-700" : "bg-white ring-slate-300"}`}
            >
              {s === "all" ? "全部" : SOURCE_STATUS_LABELS[s]}
              {s !== "all" && <span className="ml-1">({list.byStatus[s] ?? 0})</span>}
            </Link>
          );
        })}
      </nav>
      <form className="grid grid-cols-1 gap-2 sm:grid-cols-5" role="search">
        <input type="hidden" name="status" value={status ?? "all"} />
        {isOffice && (
          <select name="collegeId" defaultValue={search.collegeId ?? ""} className="input" aria-label="学院">
            <option value="">全部学院</option>
            {colleges.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        <select name="majorId" defaultValue={search.majorId ?? ""} className="input" aria-label="专业">
          <option value="">全部专业</option>
          {majors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <input name="year" defaultValue={search.year ?? ""} inputMode="numeric" placeholder="毕业年份" className="input" aria-label="毕业年份" />
        <input name="q" defaultValue={search.q ?? ""} placeholder="学号或姓名" className="input" aria-label="学号或姓名" />
        <button className="btn-secondary">查询</button>
      </form>
      <StudentReviewList
        head={columnLabels(columns)}
        rows={rows}
        approvable={[...rules.approve.from]}
        returnable={[...rules.return.from]}
        approveLabel={isOffice ? "审核通过" : "审核通过（报就业处）"}
        approveAction={approveAction}
        returnAction={returnAction}
      />
      <Pager basePath={basePath} params={{ ...keep, status: status ?? "all" }} page={list.page} pages={list.pages} total={list.total} />
    </div>
  );
}
