import Link from "next/link";

/** 上一页 / 下一页 links that keep every other query parameter of the list. */
export function Pager({
  basePath,
  params,
  page,
  pages,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
  total: number;
}) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${basePath}?${q.toString()}`;
  };
  return (
    <nav aria-label="分页" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>
        共 {total.toLocaleString("zh-CN")} 条，第 {page} / {pages} 页
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link prefetch={false} className="btn-secondary" href={href(page - 1)}>
            上一页
          </Link>
        ) : (
          <span className="btn-secondary opacity-50" aria-disabled="true">
            上一页
          </span>
        )}
        {page < pages ? (
          <Link prefetch={false} className="btn-secondary" href={href(page + 1)}>
            下一页
          </Link>
        ) : (
          <span className="btn-secondary opacity-50" aria-disabled="true">
            下一页
          </span>
        )}
      </span>
    </nav>
  );
}
