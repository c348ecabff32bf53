import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/guard";
import { ROLE_HOME } from "@/lib/auth/roles";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? ROLE_HOME[actor.role] : "/login");
}
