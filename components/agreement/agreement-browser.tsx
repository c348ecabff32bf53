import Link from "next/link";
import { Pager } from "@/components/office/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { collegeOptions } from "@/lib/students/queries";
import type { Actor } from "@/lib/auth/roles";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { listAgreements, scopeOf } from "@/lib/workflow/queries";
import { LIVE_STATUSES } from "@/lib/workflow/states";
import { AgreementList } from "./agreement-list";
import { param, type ParsedParams } from "@/lib/http/params";

const FILTERS: { key: string; label: string; status?: AgreementStatus[] }[] = [
  { key: "review", label: "待审核", status: ["PENDING_COLLEGE_REVIEW"] },
  { key: "approved", label: "已通过待备案", status: ["APPROVED"] },
  { key: "filed", label: "已备案", status: ["FILED"] },
  { key: "progress", label: "办理中", status: ["DRAFT", "PENDING_EMPLOYER", "PENDING_STUDENT_CONFIRM", "RETURNED"] },
  // every agreement, cancelled (已解约) ones included; a unit's invitations are not agreements yet
  { key: "all", label: "全部", status: [...LIVE_STATUSES, "CANCELLED"] },
];

/** The list's URL parameters; pages check them with pageParams before rendering. */
export const BROWSER_PARAMS = {
  q: param.text(),
  page: param.page,
  f: param.oneOf(["review", "approved", "filed", "progress", "all"]),
  college: param.optionalId,
};
export type BrowserParams = ParsedParams<typeof BROWSER_PARAMS>;

/** 网上签约审核 list: counselors see their 学院, the office every 学院 (with a 学院 filter). */
export async function AgreementBrowser({ actor, basePath, params }: { actor: Actor; basePath: string; params: BrowserParams }) {
  const { q, page, f = "review", college } = params;
  const filter = FILTERS.find((x) => x.key === f) ?? FILTERS[0];
  // the office filters by 学院; a counselor's list is its own 学院 already
  const colleges = actor.role === "OFFICE" ? await collegeOptions(actor) : [];
  const collegeId = colleges.some((c) => c.id === college) ? college : undefined;
  const list = await listAgreements(collegeId ? { AND: [scopeOf(actor), { collegeId }] } : scopeOf(actor), {
    q,
    status: filter.status,
    page,
    // oldest waiting first: nobody's agreement is forgotten at the bottom
    orderBy: filter.key === "review" ? [{ studentConfirmedAt: "asc" }, { id: "asc" }] : undefined,
  });
  const query = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ college: collegeId, ...extra })) if (v) p.set(k, v);
    return `${basePath}?${p.toString()}`;
  };
  return (
    <div className="space-y-4">
      <nav aria-label="筛选" className="flex flex-wrap gap-2">
        {FILTERS.map((x) => (
          <Link key={x.key} href={query({ f: x.key })} aria-current={x.key === filter.key ? "page" : undefined} className={x.key === filter.key ? "btn-primary" : "btn-secondary"}>
            {x.label}
          </Link>
        ))}
      </nav>
      <SearchForm action={basePath} q={q} placeholder="按姓名、学号、协议书号或单位查询" hidden={{ f: filter.key, ...(colleges.length ? {} : { college: collegeId }) }}>
        {colleges.length > 0 && (
          <>
            <label htmlFor="college" className="sr-only">
              学院
            </label>
            <select id="college" name="college" defaultValue={collegeId ?? ""} className="input w-auto">
              <option value="">全部学院</option>
              {colleges.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </>
        )}
      </SearchForm>
      {list.total === 0 ? (
        <EmptyState title={`暂无${filter.label === "全部" ? "" : filter.label}的协议`} />
      ) : (
        <>
          <AgreementList rows={list.rows} hrefOf={(r) => `${basePath}/${r.id}`} />
          <Pager basePath={basePath} params={{ q, f: filter.key, college: collegeId }} page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
