import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-3 text-slate-600">您访问的页面或记录不存在，或您无权查看。</p>
      <Link href="/" className="btn-primary mt-6">
        返回首页
      </Link>
    </main>
  );
}
