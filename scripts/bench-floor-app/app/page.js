import { connection } from "next/server";
import { Ping } from "./ping";

// Rendered per request, like every page of the app, with nothing to look up.
export default async function Page() {
  await connection();
  return (
    <main>
      <p>ok</p>
      <Ping />
    </main>
  );
}
