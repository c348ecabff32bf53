import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">无权访问</h1>
      <p className="mt-3 text-slate-600">您的账号没有访问该页面的权限。如需办理，请使用对应身份的账号登录。</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link href="/" className="btn-primary">
          返回我的首页
        </Link>
        <Link href="/login" className="btn-secondary">
          切换账号
        </Link>
      </div>
    </main>
  );
}
