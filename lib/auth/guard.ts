// Server-side role guards: every page and every server action goes through one of these.
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import type { Actor } from "./roles";

export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, role, name, collegeId, employerId } = session.user;
  return { userId: id, role, name: name ?? "", collegeId, employerId };
}

/** For pages: a signed-out visitor goes to the login page, a wrong role gets 无权访问 (403). */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}

/** For server actions and route handlers: throws AppError instead of rendering. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN");
  return actor;
}
