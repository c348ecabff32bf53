import type { ActorRole, AuthMethod, Role } from "@/lib/generated/prisma/enums";

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
 * How the person acting proved who they are, and from where: the session, its method, when
 * they last authenticated, the client's address and browser. The audit trail records it
 * (AgreementEvent and AuditLog alike, through lib/workflow/actor.ts actorAuditColumns).
 */
export type ActorAuth = {
  sessionId: string;
  method: AuthMethod;
  authenticatedAt: Date;
  ip: string | null;
  userAgent: string | null;
};

/** The person acting, as every service receives them. */
export type Actor = {
  userId: string;
  role: Role;
  name: string;
  collegeId: string | null;
  employerId: string | null;
  /** absent for actors made outside a request (scripts, tests, the demo data) */
  auth?: ActorAuth;
};
