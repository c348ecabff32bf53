import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guard";
import { listCollegesWithMajors } from "@/lib/settings/service";
import { CollegeForm, MajorForm } from "./college-forms";

export const metadata: Metadata = { title: "学院与专业" };

export default async function CollegesPage() {
  await requireRole("OFFICE");
  const colleges = await listCollegesWithMajors();
  return (
    <div className="space-y-6">
      <Link href="/office/settings" className="text-sm text-brand-700 underline">
        ← 返回系统设置
      </Link>
      <section className="card space-y-3">
        <h1 className="text-lg font-bold">学院与专业</h1>
        <p className="text-sm text-slate-600">已有学生的学院和专业不能删除，只能修改名称或代码；生源导入按名称或代码匹配。</p>
        <CollegeForm />
      </section>
      {colleges.length === 0 && <p className="card text-center text-slate-500">尚未添加学院。</p>}
      {colleges.map((c) => (
        <details key={c.id} className="card">
          <summary className="cursor-pointer font-semibold">
            {c.code} {c.name}
            <span className="ml-2 text-sm font-normal text-slate-500">
              {c.majors.length} 个专业 · {c._count.students} 名学生
            </span>
          </summary>
          <div className="mt-3 space-y-4">
            <CollegeForm college={{ id: c.id, code: c.code, name: c.name }} />
            <h2 className="text-sm font-semibold">专业</h2>
            {c.majors.map((m) => (
              <div key={m.id}>
                <MajorForm collegeId={c.id} major={{ id: m.id, code: m.code, name: m.name }} />
                <p className="text-xs text-slate-500">{m._count.students} 名学生</p>
              </div>
            ))}
            <MajorForm collegeId={c.id} />
          </div>
        </details>
      ))}
    </div>
  );
}
