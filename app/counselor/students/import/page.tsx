import type { Metadata } from "next";
import Link from "next/link";
import { ImportPanel } from "@/components/office/import-panel";
import { requireRole } from "@/lib/auth/guard";
import { importStudentsAction } from "../actions";

export const metadata: Metadata = { title: "导入生源信息" };

export default async function CounselorStudentImport() {
  await requireRole("COUNSELOR");
  return (
    <div className="space-y-4">
      <Link href="/counselor/students" className="text-sm text-brand-700 underline">
        ← 返回生源信息审核
      </Link>
      <h1 className="text-xl font-bold">导入生源信息</h1>
      <ImportPanel action={importStudentsAction} templateHref="/api/export/student-template" />
    </div>
  );
}
