// 解约审核 (#14), shared by the 学院's counselors and the 就业处: the lists (待审核 / 办理中 /
// 已解约, with old → new numbers), the 解约 figures by 学院 and by unit, and one agreement's panel.
import Link from "next/link";
import { AgreementList } from "@/components/agreement/agreement-list";
import { StatusBadge } from "@/components/agreement/status-badge";
import { Pager } from "@/components/office/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { AgreementOnScreen } from "@/components/agreement/agreement-on-screen";
import type { Actor } from "@/lib/auth/roles";
import { param } from "@/lib/http/params";
import { listTerminations, TERMINATION_LISTS, type TerminationList } from "@/lib/termination/queries";
import { terminationFigures } from "@/lib/termination/statistics";
import type { AgreementDetail } from "@/lib/workflow/queries";
import { TerminationPanel } from "./termination-panel";

const LISTS = ["review", "open", "cancelled"] as const satisfies readonly TerminationList[];

export const TERMINATION_REVIEW_PARAMS = { f: param.oneOf(LISTS), page: param.page };

export async function TerminationReviewList({ actor, basePath, params }: { actor: Actor; basePath: string; params: { f?: TerminationList; page?: number } }) {
  const f = params.f ?? "review";
  const [list, figures] = await Promise.all([listTerminations(actor, f, { page: params.page }), terminationFigures(actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">解约审核</h1>
        <p className="text-sm text-slate-600">双方同意解约后由学院审核{actor.role === "OFFICE" ? "；就业处可在学院审核时或学院报送后审核" : ""}。审核通过后原协议作废，毕业生可重新签约（新协议书号记录原协议书号）。</p>
      </div>
      <section className="grid gap-3 sm:grid-cols-3" aria-label="解约统计">
        <div className="card">
          <p className="text-sm text-slate-600">已解约</p>
          <p className="text-2xl font-bold">{figures.total}</p>
          <p className="text-xs text-slate-500">办理中 {figures.inProgress}</p>
        </div>
        <FigureTable title="按学院" rows={figures.byCollege} />
        <FigureTable title="按用人单位" rows={figures.byUnit} />
      </section>
      <nav aria-label="筛选" className="flex flex-wrap gap-2">
        {LISTS.map((k) => (
          <Link key={k} href={`${basePath}?f=${k}`} aria-current={k === f ? "page" : undefined} className={k === f ? "btn-primary" : "btn-secondary"}>
            {TERMINATION_LISTS[k]}
          </Link>
        ))}
      </nav>
      {list.total === 0 ? (
        <EmptyState title={`暂无${TERMINATION_LISTS[f]}的解约`} />
      ) : (
        <>
          <AgreementList rows={list.rows} hrefOf={(r) => `${basePath}/${r.id}`} />
          <Pager basePath={basePath} params={{ f }} page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}

function FigureTable({ title, rows }: { title: string; rows: { id: string; name: string; count: number }[] }) {
  return (
    <div className="card">
      <p className="mb-1 text-sm text-slate-600">解约{title}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">暂无</p>
      ) : (
        <table className="w-full text-sm">
          <tbody>
            {rows.slice(0, 8).map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="py-1 pr-2">{r.name}</td>
                <td className="py-1 text-right font-medium">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export async function TerminationReviewDetail({ actor, agreement, basePath, reviewPath }: { actor: Actor; agreement: AgreementDetail; basePath: string; reviewPath: string }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          解约审核：{agreement.student.name}（{agreement.student.studentNo}）
        </h1>
        <StatusBadge status={agreement.status} />
      </div>
      <p className="text-sm">
        {agreement.student.college.name} · {agreement.employer.name} · 协议书号 {agreement.agreementNo ?? "—"}
        {agreement.previousAgreementNo && <span className="ml-2 text-amber-800">（原协议 {agreement.previousAgreementNo} 已解约 → {agreement.agreementNo ?? "本协议"}）</span>}
      </p>
      <TerminationPanel actor={actor} agreement={agreement} detailHref={`${reviewPath}/${agreement.id}`} />
      <AgreementOnScreen agreement={agreement} />
      <Link href={basePath} className="btn-secondary">
        返回解约审核
      </Link>
    </div>
  );
}
