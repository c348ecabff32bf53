import { AppShell } from "@/components/shell/app-shell";
import { NotFoundScreen } from "@/components/shell/error-screens";
import { currentActor } from "@/lib/auth/guard";

// An address that matches no page: inside the shell for a signed-in person.
export default async function NotFound() {
  const actor = await currentActor().catch(() => null);
  if (!actor) {
    return (
      <main>
        <NotFoundScreen />
      </main>
    );
  }
  return (
    <AppShell actor={actor}>
      <NotFoundScreen />
    </AppShell>
  );
}
