import { connection } from "next/server";
import { floorActor, pool } from "../db";

// The database floor of a list page: the live session, then one page of 20 rows and the
// total in parallel, drawn as a plain table — raw SQL, nothing else.
export default async function ListPage() {
  await connection();
  const actor = await floorActor(1);
  const [page, total] = await Promise.all([
    pool().query("SELECT id, version, student_name, submitted_at FROM floor_agreement WHERE unit_id = 1 AND status = 'PENDING' ORDER BY submitted_at, id LIMIT 20"),
    pool().query("SELECT count(*)::int AS n FROM floor_agreement WHERE unit_id = 1 AND status = 'PENDING'"),
  ]);
  return (
    <main>
      <p>{actor.name}: {total.rows[0].n}</p>
      <table>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.id}>
              <td>{r.student_name}</td>
              <td>{r.submitted_at.toISOString()}</td>
              <td><a href={`/list/${r.id}?v=${r.version}`}>办理</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
