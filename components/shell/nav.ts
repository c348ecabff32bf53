import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string; badgeKey?: "pendingEmployer" | "pendingReview" };

/** Menus follow the manual's wording for each role. */
export const NAV: Record<Role, NavItem[]> = {
  STUDENT: [
    { href: "/student", label: "用户中心" },
    { href: "/student/agreement", label: "我的签约" },
    { href: "/student/invitations", label: "签约邀请" },
    { href: "/student/termination", label: "解约" },
  ],
  EMPLOYER: [
    { href: "/employer", label: "签约须知" },
    { href: "/employer/pending", label: "待签约信息", badgeKey: "pendingEmployer" },
    { href: "/employer/signed", label: "已签约信息" },
    { href: "/employer/invitations", label: "签约邀请" },
    { href: "/employer/termination", label: "解约" },
    { href: "/employer/profile", label: "单位信息" },
  ],
  COUNSELOR: [
    { href: "/counselor/review", label: "网上签约审核", badgeKey: "pendingReview" },
    { href: "/counselor/filing", label: "网上签约备案" },
    { href: "/counselor/termination", label: "解约审核" },
    { href: "/counselor/students", label: "生源信息审核" },
    { href: "/counselor/statistics", label: "查询统计" },
  ],
  OFFICE: [
    { href: "/office", label: "查询统计" },
    { href: "/office/agreements", label: "网上签约管理" },
    { href: "/office/attest", label: "电子协议鉴证" },
    { href: "/office/termination", label: "解约审核" },
    { href: "/office/employers", label: "用人单位审核" },
    { href: "/office/students", label: "生源信息" },
    { href: "/office/outbox", label: "邮件通知" },
    { href: "/office/settings", label: "系统设置" },
  ],
};
