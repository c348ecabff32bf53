import type { Role } from "@/lib/generated/prisma/enums";
import { requireRole } from "@/lib/auth/guard";
import { countByStatus } from "@/lib/workflow/queries";
import { AppShell } from "./app-shell";
import { NotificationBell } from "./notification-bell";

/** The layout of one role's area: only that role gets in (others see 无权访问, 403). */
export async function RoleLayout({ roles, children }: { roles: Role[]; children: React.ReactNode }) {
  const actor = await requireRole(...roles);
  const badges: Record<string, number> = {};
  if (actor.role === "EMPLOYER") badges.pendingEmployer = await countByStatus(actor, "PENDING_EMPLOYER");
  if (actor.role === "COUNSELOR") badges.pendingReview = await countByStatus(actor, "PENDING_COLLEGE_REVIEW");
  return (
    <AppShell actor={actor} badges={badges} extra={<NotificationBell userId={actor.userId} />}>
      {children}
    </AppShell>
  );
}
