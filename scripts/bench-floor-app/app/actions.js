"use server";

import { floorActor, pool } from "./db";

// A server action that does nothing: what Next.js itself costs per call.
export async function noop(input) {
  return { ok: true, echo: input?.n ?? null };
}

// The database floor of a transition: the live session read, then one transaction — the row
// read, one statement that moves it (version-checked) and records its event and a
// notification — as the engine does it, in raw SQL. 5 statements, as 确定签约信息 sends.
export async function transition(input) {
  const actor = await floorActor(1);
  const id = 1 + Math.floor(Math.random() * Number(input?.rows ?? 1));
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query("SELECT id, version, status FROM floor_agreement WHERE id = $1", [id]);
    const moved = await client.query(
      `WITH moved AS (UPDATE floor_agreement SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING id, version),
        event AS (INSERT INTO floor_event (agreement_id, version, actor_id, created_at) SELECT id, version, $3, now() FROM moved)
      INSERT INTO floor_notification (user_id, agreement_id, created_at) SELECT $3, id, now() FROM moved RETURNING agreement_id`,
      [id, rows[0].version, actor.id],
    );
    await client.query("COMMIT");
    return { ok: moved.rowCount === 1 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
