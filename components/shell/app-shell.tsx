import Link from "next/link";
import { StepUpProvider } from "@/components/auth/step-up";
import { signOut } from "@/lib/auth/auth";
import { ROLE_LABELS, type Actor } from "@/lib/auth/roles";
import { schoolName, SYSTEM_NAME } from "@/lib/settings/school";
import { NAV } from "./nav";
import { NavLinks } from "./nav-links";

// 退出 ends the server-side session (next-auth's signOut event), not only the cookie.
async function logout() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

/** The page frame of every signed-in role: the school and the system, role menu, the person, 退出. */
export async function AppShell({
  actor,
  badges = {},
  extra,
  children,
}: {
  actor: Actor;
  badges?: Partial<Record<string, number>>;
  /** e.g. the notification bell */
  extra?: React.ReactNode;
  children: React.ReactNode;
}) {
  const school = await schoolName();
  return (
    <div className="min-h-screen">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto max-w-6xl px-4 pt-3 pb-2">
          <div className="flex items-center justify-between gap-3">
            <Link prefetch={false} href="/" className="min-w-0 leading-tight">
              {school ? <span className="block text-xs font-medium text-white/85 sm:inline sm:text-lg sm:font-bold sm:text-white">{school}</span> : null}
              <span className="block text-base font-bold sm:inline sm:text-lg">{SYSTEM_NAME}</span>
            </Link>
            <div className="flex items-center gap-2 text-sm">
              {extra}
              <span className="hidden sm:inline">
                {actor.name}（{ROLE_LABELS[actor.role]}）
              </span>
              <Link prefetch={false} href="/account/password" className="rounded-md px-2 py-1.5 hover:bg-brand-800">
                修改密码
              </Link>
              <form action={logout}>
                <button type="submit" className="rounded-md border border-white/40 px-3 py-1.5 hover:bg-brand-800">
                  退出
                </button>
              </form>
            </div>
          </div>
          <div className="mt-2">
            <NavLinks items={NAV[actor.role]} badges={badges} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <StepUpProvider method={actor.auth?.method ?? null}>{children}</StepUpProvider>
      </main>
    </div>
  );
}
