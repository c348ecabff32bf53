import type { ActorRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";

/** Who performs a transition: a signed-in person, or the scheduler. */
export type WorkflowActor = Omit<Actor, "role" | "userId"> & { role: ActorRole; userId: string | null };

export const SYSTEM_ACTOR: WorkflowActor = {
  userId: null,
  role: "SYSTEM",
  name: "系统自动确认",
  collegeId: null,
  employerId: null,
};
