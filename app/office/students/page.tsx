import type { Metadata } from "next";
import { StudentsPage } from "@/components/office/students-page";
import { pageParams, type SearchParams } from "@/lib/http/params";
import { STUDENT_LIST_PARAMS } from "@/lib/students/queries";
import { requireRole } from "@/lib/auth/guard";
import { approveSourcesAction, returnSourceAction } from "./actions";

export const metadata: Metadata = { title: "生源信息" };

export default async function OfficeStudents({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("OFFICE");
  return <StudentsPage actor={actor} basePath="/office/students" search={pageParams(await searchParams, STUDENT_LIST_PARAMS)} approveAction={approveSourcesAction} returnAction={returnSourceAction} />;
}
