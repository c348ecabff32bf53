import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  STUDENT: "应届毕业生",
  EMPLOYER: "用人单位",
  COUNSELOR: "辅导员/协理员",
  OFFICE: "就业处",
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

/** The person acting, as every service receives them. */
export type Actor = {
  userId: string;
  role: Role;
  name: string;
  collegeId: string | null;
  employerId: string | null;
};
