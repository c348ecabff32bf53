import type { Role } from "@/lib/generated/prisma/enums";
import { requireRole } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/roles";
import { unreadCount } from "@/lib/notifications/inbox";
import { countByStatus } from "@/lib/workflow/queries";
import { AppShell } from "./app-shell";
import { NotificationBell } from "./notification-bell";

/** The layout of one role's area: only that role gets in (others see 无权访问, 403). */
export async function RoleLayout({ roles, children }: { roles: Role[]; children: React.ReactNode }) {
  const actor = await requireRole(...roles);
  // both at once, while the page renders its own data
  const [badges, unread] = await Promise.all([badgesOf(actor), unreadCount(actor.userId)]);
  return (
    <AppShell actor={actor} badges={badges} extra={<NotificationBell unread={unread} />}>
      {children}
    </AppShell>
  );
}

/** The counts on the menu: what waits for this person. */
async function badgesOf(actor: Actor): Promise<Record<string, number>> {
  if (actor.role === "EMPLOYER") return { pendingEmployer: await countByStatus(actor, "PENDING_EMPLOYER") };
  if (actor.role === "COUNSELOR") return { pendingReview: await countByStatus(actor, "PENDING_COLLEGE_REVIEW") };
  return {};
}
