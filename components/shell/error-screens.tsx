// The zh-CN screens for what went wrong: a page or record that does not exist (or a
// malformed address), and an error of ours. Used by app/not-found.tsx, app/error.tsx and the
// per-area copies that render inside the role's shell.
import Link from "next/link";

export function NotFoundScreen() {
  return (
    <div className="mx-auto max-w-md px-4 py-12 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-3 text-slate-600">您访问的页面或记录不存在，或您无权查看；也可能是地址中的参数（编号、页码、年份、筛选条件）不正确。</p>
      <Link href="/" className="btn-primary mt-6">
        返回首页
      </Link>
    </div>
  );
}

export function ErrorScreen({ digest, onRetry }: { digest?: string; onRetry?: () => void }) {
  return (
    <div className="mx-auto max-w-md px-4 py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mt-3 text-slate-600">服务暂时不可用，请稍后重试。如果问题一直存在，请联系学校就业处，并告知下面的错误编号。</p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500">错误编号：{digest}</p> : null}
      <div className="mt-6 flex justify-center gap-3">
        {onRetry ? (
          <button type="button" className="btn-primary" onClick={onRetry}>
            重试
          </button>
        ) : null}
        {/* a full load, not a client navigation: whatever broke is not reused */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="btn-secondary">
          返回首页
        </a>
      </div>
    </div>
  );
}
