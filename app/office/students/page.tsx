import type { Metadata } from "next";
import { StudentsPage, type StudentsSearch } from "@/components/office/students-page";
import { requireRole } from "@/lib/auth/guard";
import { approveSourcesAction, returnSourceAction } from "./actions";

export const metadata: Metadata = { title: "生源信息" };

export default async function OfficeStudents({ searchParams }: { searchParams: Promise<StudentsSearch> }) {
  const actor = await requireRole("OFFICE");
  return <StudentsPage actor={actor} basePath="/office/students" search={await searchParams} approveAction={approveSourcesAction} returnAction={returnSourceAction} />;
}
