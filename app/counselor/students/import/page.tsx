import type { Metadata } from "next";
import Link from "next/link";
import { ImportPanel } from "@/components/office/import-panel";
import { requireRole } from "@/lib/auth/guard";
import { MAX_UPLOAD_BYTES, UPLOAD_LIMIT_TEXT } from "@/lib/http/limits";
import { latestImportJob } from "@/lib/imports/jobs";

export const metadata: Metadata = { title: "导入生源信息" };
export const dynamic = "force-dynamic";

export default async function CounselorStudentImport() {
  const actor = await requireRole("COUNSELOR");
  return (
    <div className="space-y-4">
      <Link href="/counselor/students" className="text-sm text-brand-700 underline">
        ← 返回生源信息审核
      </Link>
      <h1 className="text-xl font-bold">导入生源信息</h1>
      <ImportPanel templateHref="/api/export/student-template" initialJob={await latestImportJob(actor)} maxBytes={MAX_UPLOAD_BYTES} limitText={UPLOAD_LIMIT_TEXT} />
    </div>
  );
}
