import type { ActorRole, Role } from "@/lib/generated/prisma/enums";

/** Who a role is, as every page, record and export names them (SYSTEM: the scheduler). */
export const ROLE_LABELS: Record<ActorRole, string> = {
  STUDENT: "应届毕业生",
  EMPLOYER: "用人单位",
  COUNSELOR: "辅导员/协理员",
  OFFICE: "就业处",
  SYSTEM: "系统",
};

/** Where each role lands after signing in, and the URL prefix only that role may open. */
export const ROLE_HOME: Record<Role, string> = {
  STUDENT: "/student/agreement",
  EMPLOYER: "/employer/pending",
  COUNSELOR: "/counselor/review",
  OFFICE: "/office",
};

export const ROLE_PREFIX: Record<Role, string> = {
  STUDENT: "/student",
  EMPLOYER: "/employer",
  COUNSELOR: "/counselor",
  OFFICE: "/office",
};

/**
 * How the request of an act was made, recorded with its audit record (AgreementEvent and
 * AuditLog alike, through lib/workflow/actor.ts actorAuditColumns). Empty for now; #11 adds
 * how the person authenticated, when, the client IP and user agent.
 */
export type ActorContext = Readonly<Record<string, string | null>>;

/** The person acting, as every service receives them. */
export type Actor = {
  userId: string;
  role: Role;
  name: string;
  collegeId: string | null;
  employerId: string | null;
  context?: ActorContext;
};
