import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guard";
import { pageId } from "@/lib/http/params";

// The link of a 解约 notification sent to "the party that asked" or "the other party":
// each person lands on their own role's 解约 page.
export default async function TerminationLink({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE");
  const id = pageId((await params).id);
  switch (actor.role) {
    case "STUDENT":
      redirect("/student/termination");
    case "EMPLOYER":
      redirect(`/employer/termination/${id}`);
    case "COUNSELOR":
      redirect(`/counselor/termination/${id}`);
    default:
      redirect(`/office/termination/${id}`);
  }
}
