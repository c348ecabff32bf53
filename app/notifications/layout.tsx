import { RoleLayout } from "@/components/shell/role-layout";

// 消息通知 belongs to everybody who is signed in, in their own shell.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <RoleLayout roles={["STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE"]}>{children}</RoleLayout>;
}
