import Link from "next/link";
import type { Dashboard } from "@/lib/statistics/dashboard";
import { MAJOR_ROWS_LIMIT } from "@/lib/statistics/dashboard";
import { dashboardTables, type StatsTable } from "@/lib/statistics/tables";
import { columnLabels } from "@/lib/export/columns";
import { filterToParams, type StatsFilter } from "@/lib/statistics/filters";
import { BACKLOG_DAYS, TREND_ACTIONS, type TrendAction } from "@/lib/statistics/sql";
import { provinceName } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { EChart } from "./echart";
import { ExportButton } from "./export-button";
import { RefreshButton } from "./refresh-button";
import { formatDateTime } from "@/lib/format";

type Options = { years: number[]; colleges: { id: string; name: string }[]; majors: { id: string; name: string }[]; educations: { code: string; label: string }[] };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** A rate as the charts plot it: percent, one decimal — the same figure the tables print. */
const percent = (x: number) => Number((x * 100).toFixed(1));
const num = (x: number) => x.toLocaleString("zh-CN");

function Section({ title, id, children, actions }: { title: string; id: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby={id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** One of the page's tables: its heads are the export sheet's (lib/statistics/tables.ts), its cells may link. */
function Table<R>({ table, rows }: { table: StatsTable<R>; rows: React.ReactNode[][] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">暂无数据</p>;
  const head = columnLabels(table.columns);
  return (
    <div className="max-h-96 overflow-auto">
      <table className="min-w-full text-left text-sm" aria-label={table.sheet}>
        <thead className="sticky top-0 bg-slate-50 text-slate-600">
          <tr>
            {head.map((h, i) => (
              <th key={h} data-column="" className={`px-2 py-1 font-medium ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-t border-slate-100">
              {r.map((c, j) => (
                <td key={j} className={`px-2 py-1 ${j > 0 ? "text-right tabular-nums" : "break-words"}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 查询统计: filters, funnel, 签约率, distributions, trend, backlogs — each chart with its table and drill-downs. */
export function DashboardView({
  data,
  options,
  basePath,
  listPath,
  lockCollege,
  refreshAction,
}: {
  data: Dashboard;
  options: Options;
  basePath: string;
  listPath: string;
  lockCollege: boolean;
  refreshAction: () => Promise<{ ok: boolean; error?: string; message?: string }>;
}) {
  const f = data.filter;
  const drill = (figure: string, extra: Partial<StatsFilter> = {}) => `${listPath}?${new URLSearchParams({ ...filterToParams({ ...f, ...extra }), figure })}`;
  const exportHref = `/api/export/statistics?${new URLSearchParams(filterToParams(f))}`;
  const tables = dashboardTables(data);
  const funnelRows = tables.funnel.rows.map((s) => ({ ...s, href: drill(s.status ? `status:${s.status}` : "notStarted") }));
  const signed = data.funnel.approved + data.funnel.filed;
  const rate = data.funnel.graduates ? signed / data.funnel.graduates : 0;
  const collegeTop = data.byCollege.slice().sort((a, b) => b.rate - a.rate).slice(0, 20);
  const provinceLabel = (v: string) => provinceName(v) ?? v;
  const trendLinks = (a: TrendAction) => data.trend.map((p) => (p[a] ? drill(`${a}:${p.day}`) : null));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">查询统计</h1>
        <div className="flex flex-wrap items-start gap-2">
          <RefreshButton action={refreshAction} />
          <ExportButton href={exportHref} label="导出统计 Excel" />
        </div>
      </div>
      <p className="text-xs text-slate-500">
        数据更新于 {formatDateTime(data.refreshedAt)}
        {data.refreshing ? "，正在后台更新" : ""}（每 5 分钟自动更新；待办积压为实时数据）
      </p>
      <form className="grid grid-cols-2 gap-2 sm:grid-cols-5" role="search" action={basePath}>
        <select name="year" defaultValue={f.graduationYear ?? ""} className="input" aria-label="毕业年份">
          <option value="">全部届别</option>
          {options.years.map((y) => (
            <option key={y} value={y}>
              {y}届
            </option>
          ))}
        </select>
        {!lockCollege && (
          <select name="collegeId" defaultValue={f.collegeId ?? ""} className="input" aria-label="学院">
            <option value="">全部学院</option>
            {options.colleges.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        <select name="majorId" defaultValue={f.majorId ?? ""} className="input" aria-label="专业" disabled={options.majors.length === 0}>
          <option value="">{options.majors.length ? "全部专业" : "先选学院"}</option>
          {options.majors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <select name="edu" defaultValue={f.educationCode ?? ""} className="input" aria-label="学历">
          <option value="">全部学历</option>
          {options.educations.map((e) => (
            <option key={e.code} value={e.code}>
              {e.label}
            </option>
          ))}
        </select>
        <button className="btn-primary">查询</button>
      </form>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["毕业生", num(data.funnel.graduates), drill("graduates")],
          ["已签约（可打印+已备案）", num(signed), drill("signed")],
          ["签约率", pct(rate), drill("signed")],
          ["未开始", num(data.funnel.notStarted), drill("notStarted")],
        ].map(([label, value, href]) => (
          <Link prefetch={false} key={label} href={href} className="card block hover:ring-2 hover:ring-brand-600">
            <span className="block text-xs text-slate-500">{label}</span>
            <span className="mt-1 block text-2xl font-bold tabular-nums text-brand-800">{value}</span>
          </Link>
        ))}
      </div>

      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
        <Section title="办理进度（漏斗）" id="st-funnel">
          <EChart
            label="各状态协议数量"
            links={funnelRows.map((r) => r.href)}
            option={{
              grid: { left: 80, right: 24, top: 8, bottom: 24 },
              xAxis: { type: "value" },
              yAxis: { type: "category", inverse: true, data: funnelRows.map((r) => r.label) },
              series: [{ type: "bar", data: funnelRows.map((r) => r.value), itemStyle: { color: "#1d4ed8" }, label: { show: true, position: "right" } }],
            }}
          />
          <Table table={tables.funnel} rows={funnelRows.map((r) => [<Link prefetch={false} key={r.key} href={r.href} className="text-brand-700 underline">{r.label}</Link>, num(r.value), pct(r.share)])} />
        </Section>

        <Section title="签约率（按学院）" id="st-college">
          {data.byCollege.length > 1 && (
            <EChart
              label="各学院签约率"
              height={Math.max(200, collegeTop.length * 22 + 40)}
              links={collegeTop.map((r) => drill("signed", { collegeId: r.id }))}
              option={{
                grid: { left: 140, right: 40, top: 8, bottom: 24 },
                xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
                yAxis: { type: "category", inverse: true, data: collegeTop.map((r) => r.name), axisLabel: { width: 130, overflow: "truncate" } },
                series: [{ type: "bar", name: "签约率", data: collegeTop.map((r) => percent(r.rate)), itemStyle: { color: "#059669" }, label: { show: true, position: "right", formatter: "{c}%" } }],
              }}
            />
          )}
          <Table
            table={tables.byCollege}
            rows={data.byCollege.map((r) => [
              r.name,
              <Link prefetch={false} key="g" href={drill("graduates", { collegeId: r.id })} className="text-brand-700 underline">{num(r.graduates)}</Link>,
              <Link prefetch={false} key="s" href={drill("signed", { collegeId: r.id })} className="text-brand-700 underline">{num(r.signed)}</Link>,
              pct(r.rate),
            ])}
          />
        </Section>

        <Section title="签约率（按专业）" id="st-major">
          {!f.collegeId && data.byMajor.length >= MAJOR_ROWS_LIMIT && <p className="text-xs text-slate-500">仅列出毕业生最多的 {MAJOR_ROWS_LIMIT} 个专业，选择学院可查看该学院全部专业。</p>}
          <Table
            table={tables.byMajor}
            rows={data.byMajor.map((r) => [
              r.name,
              <Link prefetch={false} key="g" href={drill("graduates", { majorId: r.id })} className="text-brand-700 underline">{num(r.graduates)}</Link>,
              <Link prefetch={false} key="s" href={drill("signed", { majorId: r.id })} className="text-brand-700 underline">{num(r.signed)}</Link>,
              pct(r.rate),
            ])}
          />
        </Section>

        <Section title="已签约单位性质分布" id="st-nature">
          {data.byNature.length > 0 && (
            <EChart
              label="单位性质分布"
              links={data.byNature.map((r) => drill(`nature:${r.value}`))}
              option={{
                // two-line labels and a smaller ring: the names fit beside it at a phone's width too
                series: [{ type: "pie", radius: ["30%", "55%"], data: data.byNature.map((r) => ({ name: unitNatureLabel(r.value) ?? r.value, value: r.count })), label: { formatter: "{b}\n{d}%" }, labelLine: { length: 8, length2: 6 } }],
              }}
            />
          )}
          <Table table={tables.byNature} rows={data.byNature.map((r) => [<Link prefetch={false} key={r.value} href={drill(`nature:${r.value}`)} className="text-brand-700 underline">{unitNatureLabel(r.value) ?? r.value}</Link>, num(r.count)])} />
        </Section>

        {(
          [
            ["已签约生源地分布", "st-origin", tables.byOriginProvince, "originProvince"],
            ["已签约单位所在省分布", "st-unitprov", tables.byUnitProvince, "unitProvince"],
          ] as const
        ).map(([title, id, table, dim]) => (
          <Section key={id} title={title} id={id}>
            {table.rows.length > 0 && (
              <EChart
                label={title}
                links={table.rows.slice(0, 15).map((r) => drill(`${dim}:${r.value}`))}
                option={{
                  grid: { left: 40, right: 16, top: 16, bottom: 60 },
                  xAxis: { type: "category", data: table.rows.slice(0, 15).map((r) => provinceLabel(r.value)), axisLabel: { rotate: 45 } },
                  yAxis: { type: "value" },
                  series: [{ type: "bar", data: table.rows.slice(0, 15).map((r) => r.count), itemStyle: { color: "#7c3aed" } }],
                }}
              />
            )}
            <Table table={table} rows={table.rows.map((r) => [<Link prefetch={false} key={r.value} href={drill(`${dim}:${r.value}`)} className="text-brand-700 underline">{provinceLabel(r.value)}</Link>, num(r.count)])} />
          </Section>
        ))}
      </div>

      <Section title="近 30 天每日办理量" id="st-trend">
        <EChart
          wide
          label="每日提交、签约、备案数量"
          height={300}
          option={{
            grid: { left: 40, right: 16, top: 32, bottom: 40 },
            legend: { top: 0 },
            xAxis: { type: "category", data: data.trend.map((p) => p.day.slice(5)) },
            yAxis: { type: "value" },
            series: (Object.keys(TREND_ACTIONS) as TrendAction[]).map((a) => ({ name: TREND_ACTIONS[a].label, type: "line", data: data.trend.map((p) => p[a]) })),
          }}
          links={trendLinks("submit")}
        />
        <Table
          table={tables.trend}
          rows={data.trend
            .slice()
            .reverse()
            .map((p) => [
              p.day,
              ...(Object.keys(TREND_ACTIONS) as TrendAction[]).map((a) =>
                p[a] ? (
                  <Link prefetch={false} key={a} href={drill(`${a}:${p.day}`)} className="text-brand-700 underline">
                    {num(p[a])}
                  </Link>
                ) : (
                  "0"
                ),
              ),
            ])}
        />
      </Section>

      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
        <Section title={`待办积压：超过 ${BACKLOG_DAYS} 天未签约的单位`} id="st-backlog-unit">
          <Table
            table={tables.employerBacklog}
            rows={data.employerBacklog.map((b) => [
              b.name,
              <Link prefetch={false} key="n" href={drill(`backlogEmployer:${b.employerId}`)} className="text-brand-700 underline">{num(b.count)}</Link>,
              formatDateTime(b.oldest),
            ])}
          />
        </Section>
        <Section title="待办积压：待学院审核（最久的在前）" id="st-backlog-review">
          <Table
            table={tables.collegeBacklog}
            rows={data.collegeBacklog.map((b) => [
              b.name,
              b.counselors || "—",
              <Link prefetch={false} key="n" href={drill(`backlogCollege:${b.collegeId}`)} className="text-brand-700 underline">{num(b.count)}</Link>,
              formatDateTime(b.oldest),
            ])}
          />
        </Section>
      </div>
    </div>
  );
}
